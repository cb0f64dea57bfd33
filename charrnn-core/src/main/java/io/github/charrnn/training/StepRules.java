package io.github.charrnn.training;

import java.util.Iterator;

/**
 * The rules of a training loop that single-process training ({@link Trainer}) and data-parallel training
 * ({@code training.parallel.RoundLoop}) share: when the step limit is reached and how far it cuts a mini-batch, when
 * validation is due, what a diverged loss and an epoch without mini-batches are. Steps are counted by the caller, in
 * any unit both arguments share (steps of this run, or of the model's life). Immutable.
 */
public final class StepRules {

    private final TrainingOptions options;

    /** The rules of a run with these options (epochs, step limit, validation interval). */
    public StepRules(TrainingOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /** Whether the step limit, if any, is reached after {@code runSteps} steps of this run. */
    public boolean limitReached(long runSteps) {
        return options.maxSteps() > 0 && runSteps >= options.maxSteps();
    }

    /**
     * How many of a mini-batch's {@code windows} steps may still be trained after {@code runSteps} steps of this run:
     * all of them without a step limit, else no more than the limit leaves.
     */
    public long stepsAllowed(long runSteps, long windows) {
        return options.maxSteps() > 0 ? Math.min(windows, options.maxSteps() - runSteps) : windows;
    }

    /** Whether a validation is due during an epoch: an interval is set and it has passed since the last one. */
    public boolean validationDue(long steps, long validatedAt) {
        return options.validateEvery() > 0 && steps - validatedAt >= options.validateEvery();
    }

    /** Whether a validation is due at the end of an epoch: every epoch ends validated, unless just done. */
    public boolean validationDueAtEpochEnd(long steps, long validatedAt) {
        return steps != validatedAt;
    }

    /** Whether epoch {@code epoch} (numbered from 1) begins, {@code runSteps} steps into the run. */
    public boolean epochBegins(int epoch, long runSteps) {
        return epoch <= options.epochs() && !limitReached(runSteps);
    }

    /**
     * Checks the loss of the step that brought the model to {@code totalSteps} steps.
     *
     * @throws TrainingDivergedException if the loss is NaN or infinite
     */
    public static void checkFinite(long totalSteps, double loss) {
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(totalSteps, loss);
        }
    }

    /**
     * Checks that an epoch's pass over the training data has a mini-batch.
     *
     * @throws IllegalArgumentException if it has none
     */
    public static void checkNotEmpty(boolean hasBatches) {
        if (!hasBatches) {
            throw new IllegalArgumentException("The training data produced no mini-batch.");
        }
    }

    /** {@link #checkNotEmpty(boolean)} for a pass given as an iterator; returns it. */
    public static <T> Iterator<T> checkNotEmpty(Iterator<T> pass) {
        checkNotEmpty(pass.hasNext());
        return pass;
    }
}
