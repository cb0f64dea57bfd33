package io.github.charrnn.kernel;

import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A second thread for work too short to hand to a thread pool: it spins between requests, so a request reaches
 * it in well under a microsecond (a parked pool thread takes tens of microseconds to wake, as long as a
 * single-stream generation step's share of work). After {@value #SPIN_MICROS} µs without a request it parks
 * until the next one, so a slow consumer of the results does not keep a core busy.
 *
 * <p>At most (available processors − 1) helpers run at once in the JVM; {@link #tryStart()} returns null when
 * none is free, and the caller does all the work itself. The owner calls {@link #request}, does its own share,
 * then {@link #await}; one request at a time. Part of charrnn's internal kernels, not of its stable API.
 */
public final class SpinningHelper implements AutoCloseable {

    static final long SPIN_MICROS = 200;
    private static final Semaphore HELPERS = new Semaphore(Math.max(0, Runtime.getRuntime().availableProcessors() - 1));
    private static final int STOP = -1;

    private final Thread thread;
    private volatile int requested;
    private volatile int done;
    private volatile boolean parked;
    private volatile IntConsumer task;
    private volatile int argument;
    private volatile Throwable failure;
    private int sequence;

    private SpinningHelper() {
        thread = new Thread(this::run, "charrnn-helper");
        thread.setDaemon(true);
        thread.start();
    }

    /** A started helper, or null when the JVM already runs as many helpers as it has spare processors. */
    public static SpinningHelper tryStart() {
        if (!HELPERS.tryAcquire()) {
            return null;
        }
        try {
            return new SpinningHelper();
        } catch (RuntimeException | Error e) {
            HELPERS.release();
            throw e;
        }
    }

    /** Has the helper run {@code work.accept(argument)}; returns at once. */
    public void request(IntConsumer work, int workArgument) {
        task = work;
        argument = workArgument;
        sequence = sequence == Integer.MAX_VALUE ? 1 : sequence + 1;
        requested = sequence;
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    /** Waits (spinning) until the last request is done; rethrows what it threw. */
    public void await() {
        while (done != sequence) {
            Thread.onSpinWait();
        }
        Throwable thrown = failure;
        if (thrown != null) {
            failure = null;
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(thrown);
        }
    }

    private void run() {
        int seen = 0;
        while (true) {
            int next = waitForRequest(seen);
            if (next == STOP) {
                return;
            }
            seen = next;
            try {
                task.accept(argument);
            } catch (Throwable t) {
                failure = t;
            }
            done = seen;
        }
    }

    private int waitForRequest(int seen) {
        long spinningSince = System.nanoTime();
        int spins = 0;
        int next;
        while ((next = requested) == seen) {
            if (++spins % 64 != 0 || System.nanoTime() - spinningSince < SPIN_MICROS * 1000) {
                Thread.onSpinWait();
                continue;
            }
            parked = true;
            if (requested == seen) {
                LockSupport.park(this);
            }
            parked = false;
            spinningSince = System.nanoTime();
        }
        return next;
    }

    /** Stops the thread and frees its place. */
    @Override
    public void close() {
        requested = STOP;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            HELPERS.release();
        }
    }
}
