package io.github.charrnn.training;

/** Hears of training progress: every {@link TrainingOptions#reportEvery()} steps and after each validation. */
@FunctionalInterface
public interface ProgressListener {

    /** Called on the training thread; keep it quick. */
    void onProgress(TrainingProgress progress);
}
