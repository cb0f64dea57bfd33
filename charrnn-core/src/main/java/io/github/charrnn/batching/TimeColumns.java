package io.github.charrnn.batching;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Cuts a [batch, vocabulary, time] mini-batch down to its first time columns. */
public final class TimeColumns {

    private TimeColumns() {
    }

    /**
     * The first {@code columns} time steps of the features and labels (copies in Fortran order); the batch itself
     * when it has no more than that.
     */
    public static DataSet first(DataSet batch, long columns) {
        if (columns >= batch.getFeatures().size(2)) {
            return batch;
        }
        return new DataSet(firstColumns(batch.getFeatures(), columns), firstColumns(batch.getLabels(), columns));
    }

    /** The first {@code columns} time steps of a [batch, width, time] array, copied in Fortran order. */
    static INDArray firstColumns(INDArray sequences, long columns) {
        return sequences.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, columns)).dup('f');
    }
}
