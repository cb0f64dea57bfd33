package io.github.charrnn.training;

/**
 * Told after every optimizer step, on the training thread (which waits for it): for work at a step granularity,
 * such as printing a sample every N steps. It must not change the network.
 */
@FunctionalInterface
public interface StepObserver {

    /** The model has done {@code totalSteps} steps (earlier runs included). */
    void afterStep(long totalSteps);
}
