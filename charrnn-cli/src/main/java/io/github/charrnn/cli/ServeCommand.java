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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code charrnn serve}: an HTTP server generating text from one model, which every request shares (docs/http-api.md
 * describes the endpoints). Runs until the process is stopped (Ctrl-C) or its thread is interrupted.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves a model over HTTP: POST /generate (JSON, or Server-Sent Events), POST /score, GET /info,",
                "GET /health, GET /metrics, and a page at / to try it in a browser. Concurrent requests are generated together",
                "in one batch; best_of, beam and --max-copy-action reject generate whole texts, one request at a time.",
                "Runs until stopped (Ctrl-C or SIGTERM, which lets running requests finish first)."})
final class ServeCommand implements Callable<Integer> {

    /** The most draws per text the copy guard may take in a server, where every draw is work for one request. */
    private static final int MAX_COPY_TRIES = 100;

    @Option(names = "--model", paramLabel = "ZIP", description = {"Model file (default: model.zip, the file train writes, if it is here;",
            "else the bundled pretrained model, trained on the fortunes-en text)."})
    Path model;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--allow-host", paramLabel = "NAME", description = {"Another name this server answers to in the Host header (repeatable),",
            "e.g. a public name behind a proxy; it always answers its own address (and localhost, 127.0.0.1, [::1] on the loopback)."})
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--allow-origin", paramLabel = "ORIGIN", description = "A web origin whose pages may call this server, e.g. https://example.org (repeatable).")
    List<String> allowOrigins = new ArrayList<>();

    @Option(names = "--max-body-bytes", paramLabel = "N", description = "Largest request body, up to 1048576; larger gets 413 (default: ${DEFAULT-VALUE}).")
    int maxBodyBytes = ServeLimits.DEFAULT_MAX_BODY_BYTES;

    @Option(names = "--max-length", paramLabel = "N", description = "Most characters per text a request may ask for, up to 1000000; more gets 413 (default: ${DEFAULT-VALUE}).")
    int maxLength = ServeLimits.DEFAULT_MAX_LENGTH;

    @Option(names = "--max-count", paramLabel = "N", description = "Most texts a request may ask for, up to --max-streams; more gets 413 (default: ${DEFAULT-VALUE}).")
    int maxCount = ServeLimits.DEFAULT_MAX_COUNT;

    @Option(names = "--max-streams", paramLabel = "N", description = "Most texts generated at once, together in one batch, up to 1024 (default: ${DEFAULT-VALUE}).")
    int maxStreams = ServeLimits.DEFAULT_MAX_STREAMS;

    @Option(names = "--max-queue", paramLabel = "N", description = "Most requests waiting for a place in the batch, up to 10000; more get 503 (default: ${DEFAULT-VALUE}).")
    int maxQueue = ServeLimits.DEFAULT_MAX_QUEUE;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "A request's deadline, waiting included, up to 3600; past it 503 (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = ServeLimits.DEFAULT_TIMEOUT_SECONDS;

    @Option(names = "--drain-seconds", paramLabel = "SECONDS", description = "On SIGTERM or Ctrl-C, how long requests still running may take to finish, up to 600 (default: ${DEFAULT-VALUE}).")
    int drainSeconds = 10;

    @Option(names = "--quiet", description = "No access-log line per request.")
    boolean quiet;

    @Mixin
    CopyGuardOptions copyGuard;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be from 0 to 65535, got " + port + ".");
        }
        if (drainSeconds < 0 || drainSeconds > 600) {
            throw new IllegalArgumentException("--drain-seconds must be from 0 to 600, got " + drainSeconds + ".");
        }
        ServeLimits limits = new ServeLimits(maxBodyBytes, maxLength, maxCount, maxStreams, maxQueue, timeoutSeconds);
        boolean guarded = copyGuard.enabled();   // checks the flags before the model loads
        if (guarded && copyGuard.tries > MAX_COPY_TRIES) {
            throw new IllegalArgumentException("--max-copy-tries must be from 1 to " + MAX_COPY_TRIES + " for serve, got "
                    + copyGuard.tries + ".");
        }
        Path chosen = ModelFiles.chooseForGeneration(model);
        CharRnn rnn = ModelFiles.load(chosen);
        ServeCopyGuard copies = guarded ? ServeCopyGuard.of(copyGuard) : null;
        String info = InfoCommand.json(chosen, ModelFile.readMetadata(chosen), chosen.getFileName().toString());
        if (!output.verbose) {
            System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "off");   // its failure to start is ours to say
        }
        GenerationScheduler scheduler = new GenerationScheduler(rnn.streamBatch(limits.maxStreams()), limits.maxQueue());
        WholeTextQueue wholeTexts = new WholeTextQueue(limits.maxQueue());
        GenerationServer server = new GenerationServer(new GenerationService(rnn, limits, copies),
                new ScoreService(rnn, limits, copies == null ? null : copies.guard()), scheduler, wholeTexts, info, limits,
                new RequestGuard(host, allowHosts, allowOrigins), quiet ? null : System.out);
        int boundPort;
        try {
            boundPort = server.start(host, port);
        } catch (JavalinException e) {
            scheduler.close();
            wholeTexts.close();
            throw cannotListen(e);
        }
        long drainMillis = drainSeconds * 1000L;
        Thread stopper = new Thread(() -> server.stop(drainMillis), "charrnn-serve-stop");
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
            server.stop(0);
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
