package io.github.charrnn.cli;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The server's work that does not fit the shared batch, run one task at a time on a thread of its own: generation
 * that needs whole candidates (best_of, beam, the copy guard's redraws) and {@code POST /score}. The queue has a
 * fixed depth (past it {@link #submit} refuses at once with 503). A task still waiting at its deadline, or whose
 * client has gone, is never started; once started it runs to its end, which the server's limits bound (count ×
 * best_of and beam within --max-streams, length within --max-length).
 */
final class WholeTextQueue implements AutoCloseable {

    private final ThreadPoolExecutor executor;

    /** @param maxQueue most tasks waiting while one runs; more are refused with 503 */
    WholeTextQueue(int maxQueue) {
        BlockingQueue<Runnable> queue = maxQueue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(maxQueue);
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, queue, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("charrnn-whole-texts");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** How a task ends that was still waiting at its deadline. */
    static final class TimedOut extends RuntimeException {
        TimedOut() {
            super(GenerationServer.timedOutSentence(), null, false, false);
        }
    }

    /**
     * Queues {@code work}; the future completes with its result, or exceptionally with what it threw,
     * {@link TimedOut} if it was still waiting at {@code deadlineNanos}, or is cancelled if {@code gone} said so
     * before it started.
     *
     * @throws RequestRefused 503 when the queue is full or the server is stopping
     */
    <T> CompletableFuture<T> submit(long deadlineNanos, BooleanSupplier gone, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                if (result.isDone()) {
                    return;
                }
                if (gone.getAsBoolean()) {
                    result.cancel(false);
                } else if (System.nanoTime() - deadlineNanos > 0) {
                    result.completeExceptionally(new TimedOut());
                } else {
                    try {
                        result.complete(work.get());
                    } catch (RuntimeException | Error e) {
                        result.completeExceptionally(e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            throw executor.isShutdown()
                    ? RequestRefused.unavailable("The server is shutting down; try another one or try again later.")
                    : RequestRefused.unavailable("The server is busy: " + executor.getQueue().size() + " requests for"
                    + " whole texts or scores are already waiting (charrnn serve --max-queue); try again shortly.");
        }
        return result;
    }

    /** Tasks waiting. */
    int queued() {
        return executor.getQueue().size();
    }

    /** Refuses new tasks and waits for those queued or running, at most {@code millis}; returns whether they all ended. */
    boolean drain(long millis) throws InterruptedException {
        executor.shutdown();
        return executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the thread; tasks still waiting are dropped (their requests end when the server stops). */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
