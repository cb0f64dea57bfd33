package io.github.charrnn.training;

/** Adds up the time spent inside training calls, so throughput leaves validation out. */
final class ThroughputClock {

    private long trainingNanos;
    private long startedAt = -1;

    void start() {
        startedAt = System.nanoTime();
    }

    void stop() {
        if (startedAt >= 0) {
            trainingNanos += System.nanoTime() - startedAt;
            startedAt = -1;
        }
    }

    /** Seconds of training so far, the running interval included. */
    double trainingSeconds() {
        long running = startedAt >= 0 ? System.nanoTime() - startedAt : 0;
        return (trainingNanos + running) / 1e9;
    }
}
