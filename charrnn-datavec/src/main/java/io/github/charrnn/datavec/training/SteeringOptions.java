package io.github.charrnn.datavec.training;

import io.github.charrnn.CharRnn;
import io.github.charrnn.training.EarlyStopping;
import io.github.charrnn.training.LearningRateSchedule;
import io.github.charrnn.training.Steering;

/**
 * How a {@link TrainingRun} is steered, as its builder collected it: the learning-rate schedule's shape, early
 * stopping's patience. {@link #steering} turns them into the loop's {@link Steering} once the run's length is known.
 * Immutable.
 *
 * @param kind        the schedule's shape; null: constant, or a resumed run's own
 * @param warmup      warm-up steps; null: none, or a resumed run's own
 * @param decay       step and exp decay factor; null: the default
 * @param decayEvery  steps per decay; null: the default
 * @param minRate     cosine's final rate; null: 0
 * @param patience    validations without improvement that stop the run; null: no early stopping, or a resumed run's
 */
record SteeringOptions(LearningRateSchedule.Kind kind, Long warmup, Double decay, Long decayEvery, Double minRate,
                       Integer patience) {

    static final SteeringOptions NONE = new SteeringOptions(null, null, null, null, null, null);

    boolean scheduleGiven() {
        return kind != null || warmup != null || decay != null || decayEvery != null || minRate != null;
    }

    /**
     * The schedule of a new run of {@code plannedSteps} steps at the model's rate, or of a resumed run (the one it
     * saved: a resumed run continues its curve, so a different one is refused); null for the configured rate
     * throughout.
     */
    LearningRateSchedule schedule(CharRnn model, String resumeSource, long plannedSteps) {
        if (resumeSource != null) {
            LearningRateSchedule saved = model.learningRateSchedule();
            if (scheduleGiven() && !newSchedule(model, saved == null ? plannedSteps : saved.totalSteps()).equals(
                    saved == null ? LearningRateSchedule.constant(model.config().learningRate()) : saved)) {
                throw new IllegalArgumentException("The run in " + resumeSource + " follows the learning-rate schedule "
                        + (saved == null ? "constant " + model.config().learningRate() : saved.describe())
                        + "; a resumed run continues it, so leave the schedule options out.");
            }
            return saved;
        }
        LearningRateSchedule schedule = newSchedule(model, plannedSteps);
        return scheduleGiven() ? schedule : null;
    }

    private LearningRateSchedule newSchedule(CharRnn model, long plannedSteps) {
        LearningRateSchedule.Kind shape = kind == null ? LearningRateSchedule.Kind.CONSTANT : kind;
        return new LearningRateSchedule(shape, model.config().learningRate(), warmup == null ? 0 : warmup,
                decay == null ? LearningRateSchedule.DEFAULT_DECAY : decay,
                decayEvery == null ? LearningRateSchedule.DEFAULT_DECAY_EVERY : decayEvery,
                minRate == null ? 0 : minRate, shape == LearningRateSchedule.Kind.COSINE ? plannedSteps : 0);
    }

    /** Early stopping of a new run, or a resumed run's saved state (with a new patience if one is given); null for none. */
    EarlyStopping earlyStopping(CharRnn model, String resumeSource) {
        EarlyStopping saved = resumeSource == null ? null : model.earlyStopping();
        if (saved != null) {
            return patience == null ? saved : saved.withPatienceOf(patience);
        }
        return patience == null ? null : EarlyStopping.withPatience(patience);
    }

    /** Checks the values that do not depend on the run (one sentence each). */
    void check(double validationFraction, boolean dataParallel) {
        if (patience != null && patience < 1) {
            throw new IllegalArgumentException("The patience must be at least 1 validation, got " + patience + ".");
        }
        if (patience != null && validationFraction == 0) {
            throw new IllegalArgumentException("Early stopping watches the validation loss: it needs a validation fraction above 0.");
        }
        if (dataParallel && (scheduleGiven() || patience != null)) {
            throw new IllegalArgumentException("Learning-rate schedules and early stopping steer the built-in training loop;"
                    + " data-parallel training (workers, Spark) keeps the configured rate and runs to its end.");
        }
    }
}
