package io.github.charrnn.cli;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The answer to a {@code POST /generate} that accepts {@code text/event-stream}: Server-Sent Events carrying the
 * characters as they are generated ({@code event: text}, one per chunk: {@code {"index": i, "text": "..."}}), then
 * one {@code event: done} with the whole answer (as the JSON answer: texts and settings), or {@code event: error}
 * with one sentence. Chunks are written every {@value #CHUNK_MILLIS} ms on the writer threads, never on the
 * generation thread; a write that fails means the client has gone, and cancels the job.
 */
final class EventStream {

    static final String MEDIA_TYPE = "text/event-stream";
    private static final long CHUNK_MILLIS = 50;

    private final HttpServletResponse response;
    private final GenerationJob job;
    private final CompletableFuture<Void> answered;
    private final Runnable beforeAnswer;
    private final Function<GenerationJob, String> answer;
    private ScheduledFuture<?> ticking;
    private boolean closed;

    private EventStream(HttpServletResponse response, GenerationJob job, CompletableFuture<Void> answered,
                        Runnable beforeAnswer, Function<GenerationJob, String> answer) {
        this.response = response;
        this.job = job;
        this.answered = answered;
        this.beforeAnswer = beforeAnswer;
        this.answer = answer;
    }

    /**
     * Starts the event stream of a queued job: writes the headers now, then its chunks; completes {@code answered}
     * once the last event is written (or the client has gone), after running {@code beforeAnswer}. The done event
     * carries {@code answer} of the finished job.
     */
    static void start(HttpServletResponse response, GenerationJob job, CompletableFuture<Void> answered,
                      Runnable beforeAnswer, Function<GenerationJob, String> answer, ScheduledExecutorService writers)
            throws IOException {
        response.setStatus(200);
        response.setContentType(MEDIA_TYPE + "; charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        response.flushBuffer();
        EventStream stream = new EventStream(response, job, answered, beforeAnswer, answer);
        synchronized (stream) {
            stream.ticking = writers.scheduleWithFixedDelay(stream::writeNew, CHUNK_MILLIS, CHUNK_MILLIS, TimeUnit.MILLISECONDS);
        }
        job.ended().thenRunAsync(stream::finish, writers);
    }

    private synchronized void writeNew() {
        if (closed) {
            return;
        }
        try {
            if (writeChunks()) {
                response.getOutputStream().flush();
            }
        } catch (IOException | RuntimeException gone) {
            close();
        }
    }

    /** Writes one text event per text with new characters; returns whether it wrote any. */
    private boolean writeChunks() throws IOException {
        String[] fresh = job.takeNew();
        boolean wrote = false;
        for (int i = 0; i < fresh.length; i++) {
            if (!fresh[i].isEmpty()) {
                event("text", Json.object("index", i, "text", fresh[i]));
                wrote = true;
            }
        }
        return wrote;
    }

    private synchronized void finish() {
        if (closed) {
            return;
        }
        try {
            writeChunks();
            switch (job.ended().join()) {
                case DONE -> event("done", answer.apply(job));
                case TIMED_OUT -> event("error", Json.object("error", GenerationServer.timedOutSentence()));
                case FAILED -> event("error", Json.object("error", GenerationServer.failedSentence(job.failure())));
                case CANCELLED -> { }
            }
            response.getOutputStream().flush();
        } catch (IOException | RuntimeException gone) {
            // the client has gone: nothing more to tell it
        }
        close();
    }

    private void close() {
        closed = true;
        job.cancel();
        if (ticking != null) {
            ticking.cancel(false);
        }
        beforeAnswer.run();
        answered.complete(null);
    }

    private void event(String name, String data) throws IOException {
        ServletOutputStream out = response.getOutputStream();
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    }
}
