package io.github.charrnn.training.parallel;

import io.github.charrnn.batching.TimeColumns;
import io.github.charrnn.evaluation.Evaluator;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.runtime.NativeThreads;
import io.github.charrnn.training.DataParallelTraining;
import io.github.charrnn.training.GlobalNormClipping;
import io.github.charrnn.training.ProgressListener;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingReport;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Several workers in this JVM, with DL4J's {@link ParallelWrapper} in AVERAGING mode: each worker trains a replica
 * of the network on its own mini-batch with DL4J's {@code fit}, then the replicas' weights and Adam states are
 * averaged into the model (after every mini-batch each worker takes). SHARED_GRADIENTS mode is not used: in DL4J
 * 1.0.0-M2.1 it deadlocked on the second {@code fit} call.
 *
 * <p>While it runs, BLAS gets its share of the cores for each worker ({@link NativeThreads#shareBlasAmong}), so
 * that N workers do not each start a thread per core.
 */
public final class ParallelWrapperTraining implements DataParallelTraining {

    private final DataSetIterator train;
    private final DataSetIterator validation;
    private final TrainingOptions options;
    private final int workers;

    /**
     * @param train       training mini-batches, [batch, vocabulary, time] one-hot features and labels
     * @param validation  validation mini-batches, or null
     * @param options     epochs, step limit, report and validation intervals; no checkpoints, no resuming
     * @param workers     replicas training at once, at least 2
     * @throws IllegalArgumentException for fewer than 2 workers, or options asking for checkpoints or resuming
     */
    public ParallelWrapperTraining(DataSetIterator train, DataSetIterator validation, TrainingOptions options, int workers) {
        if (workers < 2) {
            throw new IllegalArgumentException("ParallelWrapper training needs at least 2 workers, got " + workers
                    + "; train 1 worker with CharRnn.fit.");
        }
        new RoundLoop<DataSet>(options, workers);   // checks the options now
        this.train = Objects.requireNonNull(train, "train");
        this.validation = validation;
        this.options = options;
        this.workers = workers;
    }

    @Override
    public String describe() {
        return "ParallelWrapper, " + workers + " workers, averaging";
    }

    @Override
    public TrainingReport train(MultiLayerNetwork network, CharRnnConfig config, long stepsBefore,
                                List<ProgressListener> listeners) {
        Collection<TrainingListener> previousListeners = new ArrayList<>(network.getListeners());   // a copy: DL4J returns its own list, which setListeners clears
        ConcurrentLossMeter meter = new ConcurrentLossMeter();
        ParallelWrapper wrapper = new ParallelWrapper.Builder<>(network)
                .workers(workers)
                .trainingMode(ParallelWrapper.TrainingMode.AVERAGING)
                .averagingFrequency(1)
                .averageUpdaters(true)
                .prefetchBuffer(0)
                .reportScoreAfterAveraging(false)
                .build();
        wrapper.setListeners(new GlobalNormClipping(config.gradientClip()), meter);
        try (NativeThreads.Share ignored = NativeThreads.shareBlasAmong(workers)) {
            RoundLoop<DataSet> loop = new RoundLoop<>(options, workers);
            Evaluator evaluator = validation == null ? null : new Evaluator(network);
            return loop.run(new IteratorBatches(train, config.sequenceLength()), round -> {
                wrapper.fit(new ListDataSetIterator<>(round, 1));
                return meter.takeMean();
            }, validation == null ? null : () -> evaluator.evaluate(validation).loss(), stepsBefore, listeners);
        } finally {
            wrapper.shutdown();
            network.setListeners(previousListeners);
        }
    }

    /** The training iterator's mini-batches as {@link RoundLoop} takes them. */
    private record IteratorBatches(DataSetIterator source, int sequenceLength) implements RoundLoop.Batches<DataSet> {

        @Override
        public Iterator<DataSet> epoch() {
            if (source.resetSupported()) {
                source.reset();
            }
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return source.hasNext();
                }

                @Override
                public DataSet next() {
                    if (!source.hasNext()) {
                        throw new NoSuchElementException("no more mini-batches in this epoch");
                    }
                    org.nd4j.linalg.dataset.api.DataSet batch = source.next();
                    return batch instanceof DataSet ds ? ds : new DataSet(batch.getFeatures(), batch.getLabels());
                }
            };
        }

        @Override
        public long windows(DataSet batch) {
            return (batch.getFeatures().size(2) + sequenceLength - 1) / sequenceLength;
        }

        @Override
        public long characters(DataSet batch) {
            return batch.getFeatures().size(0) * batch.getFeatures().size(2);
        }

        @Override
        public DataSet firstWindows(DataSet batch, long windows) {
            return TimeColumns.first(batch, windows * sequenceLength);
        }
    }
}
