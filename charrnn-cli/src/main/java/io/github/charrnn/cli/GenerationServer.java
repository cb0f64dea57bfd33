package io.github.charrnn.cli;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The HTTP side of {@code charrnn serve}, on Javalin: {@code GET /} (the page), {@code GET /info} (the model's
 * metadata), {@code GET /health}, {@code GET /metrics}, {@code POST /generate} (JSON, or Server-Sent Events) and
 * {@code POST /score}. Generation requests wait for the {@link GenerationScheduler} asynchronously, holding no
 * thread; those that need whole candidates (best_of, beam, a copy guard that redraws) and scores wait the same way
 * for the {@link WholeTextQueue}. Every refusal,
 * Jetty's own included, is JSON {@code {"error": "one sentence"}}; no stack trace reaches a client.
 */
final class GenerationServer {

    private static final String JSON = "application/json; charset=utf-8";
    private static final String PAGE_RESOURCE = "serve-page.html";
    private static final String ENDPOINTS = "GET /, GET /info, GET /health, GET /metrics, POST /generate and POST /score";
    /**
     * Seconds a request body may take to arrive, all of it: past that the connection is closed, so a sender that
     * trickles its body a byte at a time cannot hold one of Jetty's threads for long.
     */
    static final long BODY_SECONDS = 10;
    /** How long a connection may stay silent. */
    private static final long IDLE_TIMEOUT_MILLIS = 30_000;
    private static final int WRITER_THREADS = 4;
    private static final int ACCEPT_QUEUE = 1024;

    private final GenerationService service;
    private final ScoreService scores;
    private final GenerationScheduler scheduler;
    private final WholeTextQueue wholeTexts;
    private final ServeLimits limits;
    private final RequestGuard guard;
    private final ServeMetrics metrics;
    private final PrintStream accessLog;
    private final String page;
    private final ScheduledExecutorService control;   // quick work: answers, disconnect probes, body timeouts
    private final ScheduledExecutorService writers;   // event-stream writes, which may block on a slow client
    private final Javalin app;
    private volatile String listenHost;
    private volatile int listenPort;

    /**
     * @param service    checks {@code POST /generate}'s requests
     * @param scores     checks and answers {@code POST /score}'s requests
     * @param scheduler  generates the texts sampled as they go
     * @param wholeTexts runs whole-text generations and scores
     * @param infoJson   the answer of {@code GET /info}
     * @param limits     the body size limit and the deadline (the others are the service's and the scheduler's)
     * @param guard      the Host and Origin check
     * @param accessLog  where a line per request goes; null for none
     */
    GenerationServer(GenerationService service, ScoreService scores, GenerationScheduler scheduler, WholeTextQueue wholeTexts,
                     String infoJson, ServeLimits limits, RequestGuard guard, PrintStream accessLog) {
        this.service = service;
        this.scores = scores;
        this.scheduler = scheduler;
        this.wholeTexts = wholeTexts;
        this.limits = limits;
        this.guard = guard;
        this.accessLog = accessLog;
        this.metrics = new ServeMetrics(this::queued, scheduler::activeStreams);
        this.page = readPage();
        this.control = daemonPool(1, "charrnn-serve-control");
        this.writers = daemonPool(WRITER_THREADS, "charrnn-serve-writer");
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = limits.maxBodyBytes();
            config.http.asyncTimeout = TimeUnit.SECONDS.toMillis(limits.timeoutSeconds() + 10L);   // the deadline's backstop
            config.jetty.timeoutStatus = 503;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(listenHost);
                connector.setPort(listenPort);
                connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
                // a burst of connections waits in the kernel's queue for Jetty to accept it instead of being reset
                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                return connector;
            });
            config.requestLogger.http(this::logged);
            config.routes.before(guard::check);
            config.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
            config.routes.get("/info", ctx -> ctx.contentType(JSON).result(infoJson));
            config.routes.get("/health", ctx -> ctx.contentType(JSON).result(Json.object("status", "ok",
                    "active_streams", scheduler.activeStreams(), "queued", queued())));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.text()));
            config.routes.options("/generate", this::preflight);
            config.routes.post("/generate", this::generate);
            config.routes.options("/score", this::preflight);
            config.routes.post("/score", this::score);
            config.routes.exception(RequestRefused.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), describe(e, ctx)));
            config.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, failedSentence(e)));
        });
    }

    /** Starts listening; returns the port (the one chosen when {@code port} is 0). */
    int start(String host, int port) {
        listenHost = host;
        listenPort = port;
        app.start();
        return app.port();
    }

    /**
     * Stops taking generation requests, lets those queued or running finish for at most {@code drainMillis}, then
     * stops listening and ends the server's threads.
     */
    void stop(long drainMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainMillis);
        try {
            scheduler.drain(drainMillis);
            wholeTexts.drain(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.close();
        wholeTexts.close();
        control.shutdownNow();
        writers.shutdownNow();
        app.stop();
    }

    /** Requests waiting: for rows of the batch, and for the whole-text queue. */
    private int queued() {
        return scheduler.queued() + wholeTexts.queued();
    }

    private void generate(Context ctx) throws IOException {
        RequestGuard.requireJson(ctx);
        GenerationSettings settings = service.settings(body(ctx));
        boolean events = accepts(ctx, EventStream.MEDIA_TYPE);
        if (events) {
            service.requireStreamable(settings);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limits.timeoutSeconds());
        if (service.needsWholeTexts(settings)) {
            answerOffTheBatch(ctx, deadline, () -> service.generateWhole(settings), metrics::characters);
            return;
        }
        GenerationJob job = new GenerationJob(settings, deadline);
        scheduler.submit(job);
        CompletableFuture<Void> answered = new CompletableFuture<>();
        answered.whenComplete((done, failure) -> {
            if (answered.isCancelled()) {   // Jetty saw the connection fail, or the async timeout passed
                job.cancel();
            }
        });
        job.ended().thenRun(() -> metrics.characters(job.characters()));
        DisconnectWatch watch = DisconnectWatch.start(ctx.req(), job::cancel, control);
        Runnable endWatch = () -> {
            if (watch != null) {
                watch.end();   // before the answer completes, after which Jetty reads the connection again
            }
        };
        if (events) {
            EventStream.start(ctx.res(), job, answered, endWatch, ended -> service.answer(ended.texts(), ended.settings()),
                    writers);
        } else {
            job.ended().thenAcceptAsync(outcome -> {
                endWatch.run();
                switch (outcome) {
                    case DONE -> ctx.status(200).contentType(JSON).result(service.answer(job.texts(), settings));
                    case TIMED_OUT -> error(ctx, 503, timedOutSentence());
                    case FAILED -> {
                        if (job.failure() instanceof GenerationScheduler.Stopped stopped) {
                            error(ctx, 503, stopped.getMessage());
                        } else {
                            error(ctx, 500, failedSentence(job.failure()));
                        }
                    }
                    case CANCELLED -> error(ctx, 499, "The client closed the connection before the text was done.");
                }
                answered.complete(null);
            }, control);
        }
        ctx.future(() -> answered);
    }

    private void score(Context ctx) throws IOException {
        RequestGuard.requireJson(ctx);
        ScoreService.Settings settings = scores.settings(body(ctx));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limits.timeoutSeconds());
        answerOffTheBatch(ctx, deadline, () -> scores.score(settings), metrics::scored);
    }

    /**
     * Answers a request from work on the {@link WholeTextQueue}, asynchronously: its JSON, or its refusal or failure
     * as one sentence; {@code count} gets the characters it generated or scored.
     */
    private void answerOffTheBatch(Context ctx, long deadline, Supplier<JsonAnswer> work, LongConsumer count) {
        AtomicBoolean gone = new AtomicBoolean();
        CompletableFuture<JsonAnswer> result = wholeTexts.submit(deadline, gone::get, work);
        CompletableFuture<Void> answered = new CompletableFuture<>();
        answered.whenComplete((done, failure) -> {
            if (answered.isCancelled()) {   // Jetty saw the connection fail, or the async timeout passed
                gone.set(true);
            }
        });
        DisconnectWatch watch = DisconnectWatch.start(ctx.req(), () -> gone.set(true), control);
        result.whenCompleteAsync((answer, failure) -> {
            if (watch != null) {
                watch.end();   // before the answer completes, after which Jetty reads the connection again
            }
            Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : failure;
            if (cause == null) {
                count.accept(answer.characters());
                ctx.status(200).contentType(JSON).result(answer.json());
            } else if (cause instanceof RequestRefused refused) {
                error(ctx, refused.status(), refused.getMessage());
            } else if (cause instanceof WholeTextQueue.TimedOut) {
                error(ctx, 503, timedOutSentence());
            } else if (cause instanceof CancellationException) {
                error(ctx, 499, "The client closed the connection before the answer was ready.");
            } else {
                error(ctx, 500, failedSentence(cause));
            }
            answered.complete(null);
        }, control);
        ctx.future(() -> answered);
    }

    private static ScheduledExecutorService daemonPool(int threads, String name) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName(name);
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    /** The answer to a CORS preflight from an allowed origin (the guard has refused the others). */
    private void preflight(Context ctx) {
        ctx.header("Access-Control-Allow-Methods", "POST, GET");
        ctx.header("Access-Control-Allow-Headers", "Content-Type");
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
    }

    private static boolean accepts(Context ctx, String mediaType) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(mediaType);
    }

    /** The request body, at most {@link ServeLimits#maxBodyBytes()} bytes; 413 past that, declared or sent. */
    private byte[] body(Context ctx) throws IOException {
        int max = limits.maxBodyBytes();
        long declared = ctx.req().getContentLengthLong();
        byte[] body = declared > max ? null : readWithin(ctx, max + 1);
        if (body == null || body.length > max) {
            throw RequestRefused.tooLarge("The request body is larger than this server's limit of " + max
                    + " bytes (charrnn serve --max-body-bytes).");
        }
        return body;
    }

    /** Up to {@code max} bytes of the body, closing the connection if they take longer than {@link #BODY_SECONDS}. */
    private byte[] readWithin(Context ctx, int max) throws IOException {
        EndPoint endPoint = DisconnectWatch.endPoint(ctx.req());
        ScheduledFuture<?> timeout = control.schedule(() -> endPoint.close(new TimeoutException("body too slow")),
                BODY_SECONDS, TimeUnit.SECONDS);
        try {
            return ctx.bodyInputStream().readNBytes(max);
        } catch (IOException e) {
            throw RequestRefused.timeout("The request body did not arrive within " + BODY_SECONDS + " seconds; send it"
                    + " all at once.");
        } finally {
            timeout.cancel(false);
        }
    }

    /** Counts the request and writes its access-log line. */
    private void logged(Context ctx, Float millis) {
        int status = ctx.statusCode();
        metrics.request(status);
        if ("/generate".equals(ctx.path()) && "POST".equals(ctx.method().name())) {
            metrics.generation(millis / 1000.0);
        }
        if (accessLog != null) {
            accessLog.printf(Locale.ROOT, "%s %s \"%s %s\" %d %.1f ms%n", Instant.now(), ctx.ip(), ctx.method().name(),
                    ctx.path(), status, millis);
        }
    }

    private static void error(Context ctx, int status, String sentence) {
        if (status == 503) {
            ctx.header("Retry-After", "1");
        }
        ctx.status(status).contentType(JSON).result(Json.object("error", sentence));
    }

    static String timedOutSentence() {
        return "The text was not done within this server's deadline (charrnn serve --timeout); ask for fewer or shorter"
                + " texts, or try again when it is less busy.";
    }

    static String failedSentence(Throwable failure) {
        if (failure instanceof GenerationScheduler.Stopped) {
            return failure.getMessage();
        }
        Exception cause = failure instanceof Exception e ? e : new IllegalStateException(String.valueOf(failure), failure);
        return "The server failed: " + ErrorMessages.describe(cause).replace(" (run with --verbose for details)", "");
    }

    /** Javalin's own refusals (no such endpoint, wrong method, too large) as one sentence naming what exists. */
    private static String describe(HttpResponseException e, Context ctx) {
        String request = ctx.method() + " " + ctx.path();
        return switch (e.getStatus()) {
            case 404 -> "There is no " + request + "; the endpoints are " + ENDPOINTS + ".";
            case 405 -> ctx.path() + " does not answer " + ctx.method() + "; the endpoints are " + ENDPOINTS + ".";
            case 413 -> "The request body is larger than this server's limit (charrnn serve --max-body-bytes).";
            default -> e.getMessage() + ".";
        };
    }

    private static String readPage() {
        try (InputStream in = GenerationServer.class.getResourceAsStream(PAGE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The page " + PAGE_RESOURCE + " is missing from charrnn's jar.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
