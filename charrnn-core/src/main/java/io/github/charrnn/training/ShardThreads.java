package io.github.charrnn.training;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs the work of several shards at once: shard 0 on the calling thread, the others on helper threads of their
 * own (daemon threads that end after a minute without work), or all on the calling thread, in order, when
 * there is one core. Not for nested use.
 */
final class ShardThreads {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ThreadPoolExecutor helpers;   // null: everything on the calling thread

    /** @param shards the most shards {@link #forEach} is given; {@code parallel} false runs them one after another */
    ShardThreads(int shards, boolean parallel) {
        if (!parallel || shards < 2) {
            this.helpers = null;
            return;
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.helpers = new ThreadPoolExecutor(shards - 1, shards - 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                work -> {
                    Thread thread = new Thread(work, "charrnn-training-" + pool + "-shard-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        helpers.allowCoreThreadTimeOut(true);
    }

    /** Whether shards run at once. */
    boolean parallel() {
        return helpers != null;
    }

    /**
     * Runs {@code work} for shards 0 to {@code shards - 1} and returns when all are done. If any fails, the first
     * failure (by shard number) is rethrown after all have ended.
     */
    void forEach(int shards, IntConsumer work) {
        if (helpers == null) {
            for (int k = 0; k < shards; k++) {
                work.accept(k);
            }
            return;
        }
        Future<?>[] others = new Future<?>[shards];
        for (int k = 1; k < shards; k++) {
            int shard = k;
            others[k] = helpers.submit(() -> work.accept(shard));
        }
        Throwable failure = null;
        try {
            work.accept(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (int k = 1; k < shards; k++) {
            while (true) {
                try {
                    others[k].get();
                    break;
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;   // the shard is still writing its gradient: wait for it all the same
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException("A training shard failed.", failure);
        }
    }
}
