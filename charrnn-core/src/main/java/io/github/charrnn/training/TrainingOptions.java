package io.github.charrnn.training;

/**
 * How long and how visibly to train. Immutable; build one with {@link #builder()}.
 *
 * @param epochs         passes over the training data, at least 1
 * @param maxSteps       stop after this many steps (one step = one sequence-length window of every batch row),
 *                       0 for no limit
 * @param reportEvery    listeners hear of progress every this many steps, at least 1
 * @param validateEvery  compute the validation loss about every this many steps (at the end of the mini-batch
 *                       group that crosses it); 0 validates only at the end of each epoch and of training
 * @param checkpointEvery  a {@link CheckpointListener} hears every this many steps (at the end of the mini-batch
 *                       that reaches it); 0 for none
 * @param resumeFrom     a position saved by an earlier run to continue from (then {@code epochs} counts all epochs,
 *                       the earlier ones included), or null to start at the first mini-batch of epoch 1
 * @param batching       how the data is cut, recorded in every {@link TrainingPosition} so that a resumed run can
 *                       be checked against it ({@link BatchingKey#checkResumes}); may be null
 * @param steering       learning-rate schedule, early stopping and step observers ({@link Steering#NONE} for none)
 */
public record TrainingOptions(int epochs, long maxSteps, int reportEvery, int validateEvery, long checkpointEvery,
                              TrainingPosition resumeFrom, BatchingKey batching, Steering steering) {

    /** Options without steering. */
    public TrainingOptions(int epochs, long maxSteps, int reportEvery, int validateEvery, long checkpointEvery,
                           TrainingPosition resumeFrom, BatchingKey batching) {
        this(epochs, maxSteps, reportEvery, validateEvery, checkpointEvery, resumeFrom, batching, Steering.NONE);
    }

    /** Checks every value; the exception names the value and what is allowed. */
    public TrainingOptions {
        steering = steering == null ? Steering.NONE : steering;
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs + ".");
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("steps must be at least 1 (or 0 for no limit), got " + maxSteps + ".");
        }
        if (reportEvery < 1) {
            throw new IllegalArgumentException("report interval must be at least 1 step, got " + reportEvery + ".");
        }
        if (validateEvery < 0) {
            throw new IllegalArgumentException("validation interval must be at least 1 step (or 0 for once an epoch), got "
                    + validateEvery + ".");
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpoint interval must be at least 1 step (or 0 for none), got "
                    + checkpointEvery + ".");
        }
        if (resumeFrom != null && resumeFrom.epoch() > epochs) {
            throw new IllegalArgumentException("The run to resume is in epoch " + resumeFrom.epoch() + ", past the "
                    + epochs + " epochs asked for; ask for more epochs.");
        }
    }

    /** A builder with the defaults: 1 epoch, no step limit, report every 10 steps, validate once an epoch. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        return new Builder().epochs(epochs).maxSteps(maxSteps).reportEvery(reportEvery).validateEvery(validateEvery)
                .checkpointEvery(checkpointEvery).resumeFrom(resumeFrom).batching(batching).steering(steering);
    }

    /** Builder of {@link TrainingOptions}; values are checked by {@link #build()}. */
    public static final class Builder {
        private int epochs = 1;
        private long maxSteps = 0;
        private int reportEvery = 10;
        private int validateEvery = 0;
        private long checkpointEvery = 0;
        private TrainingPosition resumeFrom;
        private BatchingKey batching;
        private Steering steering = Steering.NONE;

        /** Passes over the training data (default 1). */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Stop after this many steps; 0 for no limit (default). */
        public Builder maxSteps(long maxSteps) {
            this.maxSteps = maxSteps;
            return this;
        }

        /** Report progress every this many steps (default 10). */
        public Builder reportEvery(int reportEvery) {
            this.reportEvery = reportEvery;
            return this;
        }

        /** Validate about every this many steps; 0 (default) once an epoch and at the end. */
        public Builder validateEvery(int validateEvery) {
            this.validateEvery = validateEvery;
            return this;
        }

        /** Tell the {@link CheckpointListener} every this many steps; 0 (default) for never. */
        public Builder checkpointEvery(long checkpointEvery) {
            this.checkpointEvery = checkpointEvery;
            return this;
        }

        /** Continue a run from a saved position (null, the default: start afresh). */
        public Builder resumeFrom(TrainingPosition resumeFrom) {
            this.resumeFrom = resumeFrom;
            return this;
        }

        /** How the data is cut, kept in training positions (default none). */
        public Builder batching(BatchingKey batching) {
            this.batching = batching;
            return this;
        }

        /** Learning-rate schedule, early stopping and step observers (default {@link Steering#NONE}). */
        public Builder steering(Steering steering) {
            this.steering = steering;
            return this;
        }

        /** The options; throws IllegalArgumentException naming an invalid value. */
        public TrainingOptions build() {
            return new TrainingOptions(epochs, maxSteps, reportEvery, validateEvery, checkpointEvery, resumeFrom, batching, steering);
        }
    }
}
