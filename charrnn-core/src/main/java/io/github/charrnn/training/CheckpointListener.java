package io.github.charrnn.training;

/**
 * Told when training reaches a point worth saving: every {@link TrainingOptions#checkpointEvery()} steps or
 * {@link RunControl#checkpointInterval()} (on charrnn's own training path after any step; where DL4J's fit trains, at
 * the end of the mini-batch that reaches it), when the run is stopped early and after a validation that improved on the best validation loss so far.
 * Saving the model from here (with {@code CharRnn.save(path)}, called inside the listener) gives a file
 * that {@link TrainingOptions.Builder#resumeFrom} continues exactly.
 */
@FunctionalInterface
public interface CheckpointListener {

    /** Why a checkpoint is due. */
    enum Reason {
        /** {@code checkpointEvery} steps have passed. */
        PERIODIC,
        /** The validation loss is the lowest of the run so far. */
        BEST_VALIDATION,
        /** The run stops before its end: a {@link StopRequest} or its time limit; a checkpoint to resume from. */
        STOPPED
    }

    /**
     * A point to save.
     *
     * @param position        where training stands
     * @param totalSteps      steps done in all runs
     * @param trainLoss       mean loss of the last steps
     * @param validationLoss  the latest validation loss, NaN if none yet
     * @param reason          why now
     */
    record Checkpoint(TrainingPosition position, long totalSteps, double trainLoss, double validationLoss, Reason reason) {
    }

    /** Called on the training thread; training waits for it. */
    void onCheckpoint(Checkpoint checkpoint);
}
