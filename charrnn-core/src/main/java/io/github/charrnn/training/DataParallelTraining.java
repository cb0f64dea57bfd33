package io.github.charrnn.training;

import io.github.charrnn.model.CharRnnConfig;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.List;

/**
 * Training of a network by several workers at once (threads of this JVM, or a Spark cluster's executors), each on
 * its own mini-batches, their weights averaged; run it with
 * {@link io.github.charrnn.CharRnn#fit(DataParallelTraining, ProgressListener...)}.
 *
 * <p>The workers train with DL4J's own {@code fit} (DL4J's LSTM implementation, not the library's own
 * {@link GemmLstmTraining}). A step is one sequence-length window of one mini-batch, whichever worker trained it,
 * so steps × batch × sequence length is the number of characters trained on, as in single-machine training.
 * Such a run cannot be resumed exactly (the workers' random states and the order of averaging are not kept):
 * the model records no {@link TrainingPosition} afterwards.
 */
public interface DataParallelTraining {

    /** A short description for reports, for example "ParallelWrapper, 2 workers, averaging". */
    String describe();

    /**
     * Trains {@code network} in place.
     *
     * @param network      the model's network
     * @param config       the model's hyperparameters (sequence length, gradient clip)
     * @param stepsBefore  steps the model did in earlier runs (reports number steps on from there)
     * @param listeners    told of progress after each round of the workers and after each validation
     * @return the run's figures; its {@link TrainingReport#position()} is null
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    TrainingReport train(MultiLayerNetwork network, CharRnnConfig config, long stepsBefore, List<ProgressListener> listeners);
}
