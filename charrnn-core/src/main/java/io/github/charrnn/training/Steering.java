package io.github.charrnn.training;

import java.util.List;

/**
 * What steers a run besides its length: the learning-rate schedule, early stopping and observers told after every
 * step. Immutable.
 *
 * @param schedule       the rate of every step; null leaves the network's own rate alone (the model's configured rate)
 * @param earlyStopping  where early stopping stands (a new run's {@link EarlyStopping#withPatience}, or the state a
 *                       resumed run saved); null for none
 * @param observers      told after every step
 */
public record Steering(LearningRateSchedule schedule, EarlyStopping earlyStopping, List<StepObserver> observers) {

    /** No schedule, no early stopping, no observers. */
    public static final Steering NONE = new Steering(null, null, List.of());

    /** Copies the observers. */
    public Steering {
        observers = observers == null ? List.of() : List.copyOf(observers);
    }

    /** This steering with {@code schedule}. */
    public Steering withSchedule(LearningRateSchedule schedule) {
        return new Steering(schedule, earlyStopping, observers);
    }

    /** This steering with early stopping from {@code state}. */
    public Steering withEarlyStopping(EarlyStopping state) {
        return new Steering(schedule, state, observers);
    }

    /** This steering with one more observer. */
    public Steering withObserver(StepObserver observer) {
        List<StepObserver> all = new java.util.ArrayList<>(observers);
        all.add(java.util.Objects.requireNonNull(observer, "observer"));
        return new Steering(schedule, earlyStopping, all);
    }
}
