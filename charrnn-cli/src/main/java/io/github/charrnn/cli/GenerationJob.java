package io.github.charrnn.cli;

import io.github.charrnn.generation.StreamSink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code POST /generate} inside {@link GenerationScheduler}: its settings, its texts as they grow (one per row of
 * the batch), and how it ended. Its rows write on the scheduler's thread; a streaming response reads the new
 * characters from another ({@link #takeNew}), hence the locking. Ends early when cancelled (the client has gone),
 * past its deadline, or when a text reaches {@code stop_at}.
 */
final class GenerationJob {

    /** How a job ended. */
    enum Outcome { DONE, CANCELLED, TIMED_OUT, FAILED }

    private final GenerationSettings settings;
    private final long deadlineNanos;
    private final StringBuilder[] texts;
    private final int[] taken;
    private final CompletableFuture<Outcome> ended = new CompletableFuture<>();
    private volatile boolean cancelled;
    private boolean timedOut;
    private Throwable failure;
    private int rowsEnded;
    private long characters;

    /**
     * @param settings      what to generate
     * @param deadlineNanos {@link System#nanoTime()} past which the job stops (queued or running)
     */
    GenerationJob(GenerationSettings settings, long deadlineNanos) {
        this.settings = settings;
        this.deadlineNanos = deadlineNanos;
        this.texts = new StringBuilder[settings.count()];
        this.taken = new int[settings.count()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = new StringBuilder();
        }
    }

    GenerationSettings settings() {
        return settings;
    }

    /** Completes once every row has ended, with how the job ended; runs its callbacks on the scheduler's thread. */
    CompletableFuture<Outcome> ended() {
        return ended;
    }

    /** Stops the job at its next step (its client has gone). */
    void cancel() {
        cancelled = true;
    }

    /** True when the job should not start or go on: cancelled or past its deadline (which it then records). */
    synchronized boolean shouldStop() {
        if (!cancelled && System.nanoTime() - deadlineNanos > 0) {
            timedOut = true;
        }
        return cancelled || timedOut;
    }

    /** Ends a job that never started (cancelled or past its deadline in the queue, or failed to start). */
    synchronized void endUnstarted(Throwable cause) {
        failure = cause;
        rowsEnded = texts.length;
        ended.complete(outcome());
    }

    /** The sink of text {@code row}, for {@link io.github.charrnn.generation.StreamBatch#join}. */
    StreamSink row(int row) {
        return new StreamSink() {
            @Override
            public boolean accept(int codePoint) {
                return append(row, codePoint);
            }

            @Override
            public void end(Throwable cause) {
                rowEnded(cause);
            }
        };
    }

    private synchronized boolean append(int row, int codePoint) {
        StringBuilder text = texts[row];
        text.appendCodePoint(codePoint);
        characters++;
        String stopAt = settings.stopAt();
        boolean stop = stopAt != null && text.length() >= stopAt.length()
                && text.indexOf(stopAt, text.length() - stopAt.length()) >= 0;
        return !stop && !shouldStop();
    }

    private synchronized void rowEnded(Throwable cause) {
        if (cause != null && failure == null) {
            failure = cause;
        }
        if (++rowsEnded == texts.length) {
            ended.complete(outcome());
        }
    }

    private Outcome outcome() {
        return failure != null ? Outcome.FAILED : cancelled ? Outcome.CANCELLED : timedOut ? Outcome.TIMED_OUT : Outcome.DONE;
    }

    /** What made the job fail, or null. */
    synchronized Throwable failure() {
        return failure;
    }

    /** Characters generated so far, over all its texts. */
    synchronized long characters() {
        return characters;
    }

    /** The texts, prime included (complete once {@link #ended()} is done). */
    synchronized List<String> texts() {
        List<String> all = new ArrayList<>(texts.length);
        for (StringBuilder text : texts) {
            all.add(settings.prime() + text);
        }
        return all;
    }

    /** Per text, the characters generated since the last call (empty strings where none). */
    synchronized String[] takeNew() {
        String[] fresh = new String[texts.length];
        for (int i = 0; i < texts.length; i++) {
            fresh[i] = texts[i].substring(taken[i]);
            taken[i] = texts[i].length();
        }
        return fresh;
    }
}
