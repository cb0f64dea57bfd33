package io.github.charrnn.cli;

import io.github.charrnn.generation.StreamBatch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs every {@code POST /generate} of the server on one {@link StreamBatch} (continuous batching): one thread
 * steps the batch; between steps, queued jobs take free rows (a job of count n takes n rows at once, first come
 * first served) and finished ones leave. A job alone, of one text, runs on the single-stream path. The queue has a
 * fixed depth: past it {@link #submit} refuses at once, so a burst costs neither threads nor unbounded memory.
 */
final class GenerationScheduler implements AutoCloseable {

    /** How long the thread sleeps at most while idle, so that queued jobs past their deadline are ended. */
    private static final long IDLE_WAIT_MILLIS = 100;

    private final StreamBatch batch;
    private final int maxQueue;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition idle = lock.newCondition();
    private final ArrayDeque<GenerationJob> queue = new ArrayDeque<>();
    private final List<GenerationJob> running = new ArrayList<>();
    private final Thread thread;
    private volatile int activeStreams;
    private boolean accepting = true;
    private boolean stopped;

    /**
     * @param batch    the batch to run the jobs on (this scheduler closes it)
     * @param maxQueue most jobs waiting for rows; more are refused with 503
     */
    GenerationScheduler(StreamBatch batch, int maxQueue) {
        this.batch = batch;
        this.maxQueue = maxQueue;
        this.thread = new Thread(this::run, "charrnn-generation");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a job; it starts at the next step with enough free rows.
     *
     * @throws RequestRefused 503 when the queue is full or the server is shutting down
     */
    void submit(GenerationJob job) {
        if (job.settings().count() > batch.capacity()) {
            throw RequestRefused.tooLarge("count " + job.settings().count() + " is past this server's " + batch.capacity()
                    + " streams at once (charrnn serve --max-streams).");
        }
        lock.lock();
        try {
            if (!accepting) {
                throw RequestRefused.unavailable("The server is shutting down; try another one or try again later.");
            }
            if (queue.size() >= maxQueue) {
                throw RequestRefused.unavailable("The server is busy: " + maxQueue + " requests are already waiting"
                        + " (charrnn serve --max-queue); try again shortly.");
            }
            queue.add(job);
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Jobs waiting for rows. */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Texts being generated now. */
    int activeStreams() {
        return activeStreams;
    }

    /**
     * Refuses new jobs from now on and waits until the queued and running ones are done, at most {@code millis};
     * returns whether they all are.
     */
    boolean drain(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        lock.lock();
        try {
            accepting = false;
            while (!queue.isEmpty() || !running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread; jobs still queued or running end as failed. */
    @Override
    public void close() {
        lock.lock();
        try {
            accepting = false;
            stopped = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (admit()) {
                try {
                    batch.step();
                } catch (RuntimeException | Error e) {
                    batch.endAll(e);
                }
                activeStreams = batch.size();
            }
        } finally {
            Stopped closed = new Stopped();
            batch.endAll(closed);
            batch.close();
            lock.lock();
            try {
                queue.forEach(job -> job.endUnstarted(closed));
                queue.clear();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Between two steps: forgets the jobs that ended, ends queued ones that should stop, and moves queued jobs into
     * free rows; waits while there is nothing to step. Returns false once the scheduler is closed.
     */
    private boolean admit() {
        lock.lock();
        try {
            while (true) {
                running.removeIf(job -> job.ended().isDone());
                for (Iterator<GenerationJob> it = queue.iterator(); it.hasNext(); ) {
                    GenerationJob job = it.next();
                    if (job.shouldStop()) {
                        it.remove();
                        job.endUnstarted(null);
                    }
                }
                while (!queue.isEmpty() && queue.peek().settings().count() <= batch.freeRows()) {
                    start(queue.poll());
                }
                activeStreams = batch.size();
                if (queue.isEmpty() && running.isEmpty()) {
                    idle.signalAll();
                }
                if (stopped) {
                    return false;
                }
                if (batch.size() > 0) {
                    return true;
                }
                work.await(IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** How jobs still queued or running end when the scheduler closes. */
    static final class Stopped extends IllegalStateException {
        Stopped() {
            super("The server stopped before the text was done; try again.", null);
        }
    }

    private void start(GenerationJob job) {
        GenerationSettings settings = job.settings();
        boolean alone = settings.count() == 1 && queue.isEmpty();
        int joined = 0;
        try {
            for (; joined < settings.count(); joined++) {
                batch.join(settings.prime(), settings.options(joined), alone, job.row(joined));
            }
            running.add(job);
        } catch (RuntimeException e) {
            if (joined == 0) {
                job.endUnstarted(e);
                return;
            }
            job.cancel();   // the rows that joined end at the next step; the others end now
            for (int row = joined; row < settings.count(); row++) {
                job.row(row).end(e);
            }
            running.add(job);
        }
    }
}
