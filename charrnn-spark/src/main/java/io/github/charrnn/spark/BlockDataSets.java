package io.github.charrnn.spark;

import io.github.charrnn.batching.OneHot;
import org.apache.spark.api.java.function.Function;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Turns {@link IdBlock}s into the DataSets DL4J's fit trains on; runs on Spark's executors. Labels are one-hot
 * [rows, vocabulary, time], as DL4J's output layer needs them; features are one-hot too, or [rows, 1, time] ids
 * for a network with embedding input, which reads ids.
 */
final class BlockDataSets implements Function<IdBlock, DataSet> {

    private static final long serialVersionUID = 1L;

    private final int vocabularySize;
    private final boolean idFeatures;

    BlockDataSets(int vocabularySize, boolean idFeatures) {
        this.vocabularySize = vocabularySize;
        this.idFeatures = idFeatures;
    }

    @Override
    public DataSet call(IdBlock block) {
        return new DataSet(idFeatures ? OneHot.idSequences(block.features()) : OneHot.sequences(block.features(), vocabularySize),
                OneHot.sequences(block.labels(), vocabularySize));
    }
}
