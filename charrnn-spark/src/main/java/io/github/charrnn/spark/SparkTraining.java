package io.github.charrnn.spark;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.datavec.batching.CharBatchIterator;
import io.github.charrnn.datavec.batching.CharBatches;
import io.github.charrnn.datavec.batching.BatchOptions;
import io.github.charrnn.datavec.batching.IdBatch;
import io.github.charrnn.datavec.batching.ConsecutiveBatchIterator;
import io.github.charrnn.datavec.cluster.ClusterPlan;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.evaluation.Evaluator;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.runtime.NativeThreads;
import io.github.charrnn.training.DataParallelTraining;
import io.github.charrnn.training.GlobalNormClipping;
import io.github.charrnn.training.ProgressListener;
import io.github.charrnn.training.TrainingReport;
import io.github.charrnn.training.parallel.RoundLoop;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Data-parallel training on Spark with DL4J's {@link SparkDl4jMultiLayer} and {@link ParameterAveragingTrainingMaster}.
 *
 * <p>The training part of the corpus is laid out as single-machine training lays it out (batch rows of contiguous
 * text, {@link ConsecutiveBatchIterator}), and cut into blocks of several consecutive sequence-length windows of
 * all rows, as symbol ids. Each round of training becomes an RDD of those blocks, one-hot encoded into DataSets on
 * the executors; each executor core trains a copy of the network on its blocks with DL4J's {@code fit} (truncated
 * BPTT carries the recurrent state across the windows of a block), and the copies' weights and Adam states are
 * averaged every {@link ClusterPlan#averagingFrequency()} blocks. Validation runs on the driver.
 */
final class SparkTraining implements DataParallelTraining {

    private final JavaSparkContext spark;
    private final TextCorpus corpus;
    private final ClusterPlan plan;

    /** @throws IllegalArgumentException if a part of the corpus is too short for one mini-batch */
    SparkTraining(JavaSparkContext spark, TextCorpus corpus, ClusterPlan plan) {
        new RoundLoop<IdBlock>(plan.options(), 1);   // checks the options now
        CharBatches.forTraining(corpus, plan.validationFraction(), BatchOptions.of(plan.batchSize(), plan.sequenceLength())
                .withMaxWindows(plan.windowsPerBlock()));   // and that the text is long enough
        this.spark = spark;
        this.corpus = corpus;
        this.plan = plan;
    }

    @Override
    public String describe() {
        return "Spark " + spark.master() + ", " + spark.defaultParallelism() + " workers, weights averaged after every "
                + (plan.averagingFrequency() == 1 ? "mini-batch" : plan.averagingFrequency() + " mini-batches") + " each";
    }

    @Override
    public TrainingReport train(MultiLayerNetwork network, CharRnnConfig config, long stepsBefore,
                                List<ProgressListener> listeners) {
        if (config.sequenceLength() != plan.sequenceLength()) {
            throw new IllegalArgumentException("The plan cuts windows of " + plan.sequenceLength()
                    + " characters but the model's sequence length is " + config.sequenceLength() + ".");
        }
        int workers = spark.defaultParallelism();
        // an embedded network reads ids: its blocks and validation batches need no one-hot features
        BatchFormat format = BatchFormat.forInput(config.input());
        TextCorpus.Split split = corpus.split(plan.validationFraction());
        boolean validate = plan.validationFraction() > 0;
        int vocabularySize = corpus.vocabulary().size();
        BatchOptions options = BatchOptions.of(plan.batchSize(), plan.sequenceLength()).withSeed(config.seed())
                .withFormat(format);
        CharBatches.TrainingBatches batches = CharBatches.forTraining(split, validate, vocabularySize,
                options.withMaxWindows(plan.windowsPerBlock()));
        long windowsPerRow = batches.train().stepsPerEpoch();
        if (batches.train().batchesPerEpoch() < workers) {
            // smaller blocks, so that every executor core gets one of its own in each epoch
            batches = CharBatches.forTraining(split, validate, vocabularySize,
                    options.withMaxWindows((int) Math.max(1, windowsPerRow / workers)));
        }
        ParameterAveragingTrainingMaster master = new ParameterAveragingTrainingMaster.Builder(workers, plan.batchSize())
                .batchSizePerWorker(plan.batchSize())
                .averagingFrequency(plan.averagingFrequency())
                .workerPrefetchNumBatches(0)
                .saveUpdater(true)
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .repartionData(Repartition.Never)
                .rngSeed(config.seed())
                .build();
        Collection<TrainingListener> previousListeners = new ArrayList<>(network.getListeners());   // a copy: DL4J returns its own list, which setListeners clears
        SparkDl4jMultiLayer sparkNetwork = new SparkDl4jMultiLayer(spark, network, master);
        sparkNetwork.setListeners(new GlobalNormClipping(config.gradientClip()));
        BlockDataSets encode = new BlockDataSets(vocabularySize, format == BatchFormat.IDS);
        CharBatchIterator validation = batches.validation();
        // in local mode the executors are threads of this JVM: each gets its share of BLAS's threads
        try (NativeThreads.Share ignored = NativeThreads.shareBlasAmong(spark.master().startsWith("local") ? workers : 1)) {
            RoundLoop<IdBlock> loop = new RoundLoop<>(plan.options(), workers * plan.averagingFrequency());
            return loop.run(new Blocks(batches.train(), plan.sequenceLength()), round -> {
                JavaRDD<DataSet> data = spark.parallelize(round, Math.min(round.size(), workers)).map(encode);
                sparkNetwork.fit(data);
                // the workers' mean score: DL4J's score of their last window, summed over its time steps
                return sparkNetwork.getScore() / plan.sequenceLength();
            }, validation == null ? null : () -> Evaluator.evaluate(network, validation).loss(), stepsBefore, listeners);
        } finally {
            network.setListeners(previousListeners);
        }
    }

    /** The training text's blocks, as {@link RoundLoop} takes them. */
    private record Blocks(CharBatchIterator source, int sequenceLength) implements RoundLoop.Batches<IdBlock> {

        @Override
        public Iterator<IdBlock> epoch() {
            source.reset();
            List<IdBlock> blocks = new ArrayList<>();
            while (source.hasNext()) {
                IdBatch ids = source.nextIds();
                blocks.add(new IdBlock(ids.features(), ids.labels()));
            }
            return blocks.iterator();
        }

        @Override
        public long windows(IdBlock block) {
            return (block.length() + sequenceLength - 1) / sequenceLength;
        }

        @Override
        public long characters(IdBlock block) {
            return block.characters();
        }

        @Override
        public IdBlock firstWindows(IdBlock block, long windows) {
            return block.firstColumns((int) Math.min(Integer.MAX_VALUE, windows * sequenceLength));
        }
    }
}
