package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.modelfile.ModelFile;
import io.javalin.util.JavalinException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code charrnn serve}: an HTTP server generating text from one model, which every request shares (docs/http-api.md
 * describes the endpoints). Runs until the process is stopped (Ctrl-C) or its thread is interrupted.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves a model over HTTP: POST /generate (JSON), GET /info, and a page at / to try it in a browser.",
                "Runs until stopped (Ctrl-C)."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "ZIP", description = {"Model file (default: model.zip, the file train writes, if it is here;",
            "else the bundled pretrained model, trained on the fortunes-en text)."})
    Path model;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--max-body-bytes", paramLabel = "N", description = "Largest request body; larger gets 413 (default: ${DEFAULT-VALUE}).")
    int maxBodyBytes = ServeLimits.DEFAULT_MAX_BODY_BYTES;

    @Option(names = "--max-length", paramLabel = "N", description = "Most characters per text a request may ask for; more gets 413 (default: ${DEFAULT-VALUE}).")
    int maxLength = ServeLimits.DEFAULT_MAX_LENGTH;

    @Option(names = "--max-count", paramLabel = "N", description = "Most texts a request may ask for; more gets 413 (default: ${DEFAULT-VALUE}).")
    int maxCount = ServeLimits.DEFAULT_MAX_COUNT;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be from 0 to 65535, got " + port + ".");
        }
        ServeLimits limits = new ServeLimits(maxBodyBytes, maxLength, maxCount);
        Path chosen = ModelFiles.chooseForGeneration(model);
        CharRnn rnn = ModelFiles.load(chosen);
        String info = InfoCommand.json(chosen, ModelFile.readMetadata(chosen));
        if (!output.verbose) {
            System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "off");   // its failure to start is ours to say
        }
        GenerationServer server = new GenerationServer(new GenerationService(rnn, limits), info, limits);
        int boundPort;
        try {
            boundPort = server.start(host, port);
        } catch (JavalinException e) {
            throw cannotListen(e);
        }
        Thread stopper = new Thread(server::stop, "charrnn-serve-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + boundPort + "/";
        String served = model != null || chosen.equals(Path.of("model.zip")) ? chosen.toString() : "the bundled pretrained model";
        System.out.println(output.json ? Json.object("url", url, "model", served)
                : "Serving " + served + " at " + url + " (Ctrl-C stops it)");
        System.out.flush();
        try {
            new CountDownLatch(1).await();   // until the process is stopped (the shutdown hook stops the server)
        } catch (InterruptedException interrupted) {   // or this thread is interrupted (as the tests do)
            Runtime.getRuntime().removeShutdownHook(stopper);
            server.stop();
        }
        return 0;
    }

    /** Why the server could not listen, in one sentence, from the cause Jetty met. */
    private IllegalArgumentException cannotListen(JavalinException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String where = host + " port " + port;
        IllegalArgumentException refusal;
        if (cause instanceof UnresolvedAddressException) {
            refusal = new IllegalArgumentException("Cannot listen on " + host + ": no such host; use an address of this"
                    + " machine such as 127.0.0.1 (the default) or 0.0.0.0 for every interface.");
        } else if (cause instanceof BindException && "Address already in use".equals(cause.getMessage())) {
            refusal = new IllegalArgumentException("Cannot listen on " + where + ": something else is listening there;"
                    + " stop it or choose another port with --port (0 for any free one).");
        } else {
            refusal = new IllegalArgumentException("Cannot listen on " + where + ": " + cause.getMessage() + ".");
        }
        refusal.initCause(e);
        return refusal;
    }
}
