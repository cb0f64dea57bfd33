package io.github.charrnn.training;

import java.time.Duration;

/**
 * What saves and ends a training run besides its step count: checkpoints by the clock, a time limit, a stop that can
 * be asked for from another thread, and the run's id (kept in its checkpoints, so that files of two runs never mix).
 * Immutable (the stop request is shared on purpose).
 *
 * @param checkpointInterval a checkpoint at the first step after this much time since the last one; null for none
 * @param timeLimit          stop, with a checkpoint, at the first step after this much training time; null for none
 * @param stop               asked from anywhere to stop at the next step with a checkpoint; never null
 * @param runId              names this run in its files; a resumed run keeps the id of the run it continues
 */
public record RunControl(Duration checkpointInterval, Duration timeLimit, StopRequest stop, String runId) {

    /** No clock checkpoints, no time limit, a stop of its own that nobody asks for yet, no id. */
    public static RunControl none() {
        return new RunControl(null, null, new StopRequest(), null);
    }

    /** Checks the durations. */
    public RunControl {
        if (checkpointInterval != null && (checkpointInterval.isNegative() || checkpointInterval.isZero())) {
            throw new IllegalArgumentException("The checkpoint interval must be longer than 0, got " + checkpointInterval + ".");
        }
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("The time limit must be longer than 0, got " + timeLimit + ".");
        }
        if (stop == null) {
            stop = new StopRequest();
        }
    }
}
