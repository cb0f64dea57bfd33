package io.github.charrnn.datavec.training;

import io.github.charrnn.datavec.batching.CharBatches;
import io.github.charrnn.training.DataParallelTraining;
import io.github.charrnn.training.TrainingOptions;

/**
 * How a {@link TrainingRun} trains with several workers at once (in this JVM or on a Spark cluster) instead of
 * its built-in loop. Such a run cuts one-hot mini-batches (the workers run DL4J's own fit) and records no position
 * to resume from.
 */
public interface DataParallelSetup {

    /**
     * The most sequence-length windows one mini-batch may hold so that every worker still gets mini-batches of
     * its own in each epoch.
     *
     * @param maxWindows      the most the run would allow on one worker
     * @param windowsPerEpoch the windows of one epoch
     */
    int maxWindowsPerBatch(int maxWindows, long windowsPerEpoch);

    /** The workers' training over the run's mini-batches, with the run's options. */
    DataParallelTraining training(CharBatches.TrainingBatches batches, TrainingOptions options);
}
