package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** {@code charrnn serve ...} running on a thread of the test's JVM, as on the command line; {@link #stop()} ends it. */
final class RunningServe {

    private final ExecutorService thread;
    private final Future<Integer> exitCode;
    private final URI url;

    private RunningServe(ExecutorService thread, Future<Integer> exitCode, URI url) {
        this.thread = thread;
        this.exitCode = exitCode;
        this.url = url;
    }

    /** Runs {@code charrnn serve ARGS --json} and returns once it printed its ready line (its URL). */
    static RunningServe start(String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "serve";
        System.arraycopy(args, 0, command, 1, args.length);
        command[command.length - 1] = "--json";
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exitCode = thread.submit(() -> CharRnnCommand.execute(command));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!out.toString(StandardCharsets.UTF_8).contains("\n")) {
                if (exitCode.isDone()) {
                    fail("serve ended with exit code " + exitCode.get() + " before it was ready");
                }
                if (System.nanoTime() > deadline) {
                    fail("serve printed no ready line within 60 s");
                }
                Thread.sleep(20);
            }
            String ready = out.toString(StandardCharsets.UTF_8).strip();
            return new RunningServe(thread, exitCode, URI.create(new ObjectMapper().readTree(ready).get("url").asText()));
        } finally {
            System.setOut(oldOut);
        }
    }

    /** The URL serve printed, e.g. {@code http://127.0.0.1:40123/}. */
    URI url() {
        return url;
    }

    /** Interrupts serve (which stops its server) and returns its exit code. */
    int stop() throws Exception {
        thread.shutdownNow();
        return exitCode.get(30, TimeUnit.SECONDS);
    }
}
