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
     * How many workers need a mini-batch of their own in every epoch: the run's window policy
     * ({@link CharBatches#maxWindowsPerBatch}) cuts mini-batches small enough for them. 1 where the workers cut their
     * own mini-batches (charrnn-spark).
     */
    int workers();

    /** The workers' training over the run's mini-batches, with the run's options. */
    DataParallelTraining training(CharBatches.TrainingBatches batches, TrainingOptions options);
}
