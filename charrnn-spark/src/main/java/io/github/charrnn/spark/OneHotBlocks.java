package io.github.charrnn.spark;

import io.github.charrnn.batching.OneHot;
import org.apache.spark.api.java.function.Function;
import org.nd4j.linalg.dataset.DataSet;

/** Encodes {@link IdBlock}s as one-hot [rows, vocabulary, time] DataSets; runs on Spark's executors. */
final class OneHotBlocks implements Function<IdBlock, DataSet> {

    private static final long serialVersionUID = 1L;

    private final int vocabularySize;

    OneHotBlocks(int vocabularySize) {
        this.vocabularySize = vocabularySize;
    }

    @Override
    public DataSet call(IdBlock block) {
        return new DataSet(OneHot.sequences(block.features(), vocabularySize), OneHot.sequences(block.labels(), vocabularySize));
    }
}
