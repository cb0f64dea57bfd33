package io.github.charrnn.training;

import io.github.charrnn.kernel.OffHeapRows;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The mask of DL4J's inverted dropout on one layer's input: each element 1/keep with probability {@code keep},
 * else 0, a fresh draw for every element of every time step from ND4J's random generator of the calling thread.
 * Drawn once per segment for the whole mini-batch, so that the random sequence, and with it a seeded run, does not
 * depend on how the rows are then shared out ({@link BatchShard}). Not thread-safe.
 */
final class DropoutMask {

    private final double keep;
    private final OffHeapRows mask;

    DropoutMask(double keep, long maxRows, int width) {
        this.keep = keep;
        this.mask = new OffHeapRows(maxRows, width);
    }

    /** Draws a new mask for the first {@code rows} rows and returns the mask matrix (only those rows are new). */
    OffHeapRows draw(int rows) {
        INDArray maskRows = mask.rows(0, rows);
        if (rows == mask.rows()) {
            Nd4j.getExecutioner().exec(new BernoulliDistribution(mask.matrix(), keep));
        } else {
            maskRows.assign(Nd4j.getExecutioner().exec(new BernoulliDistribution(Nd4j.createUninitialized(maskRows.dataType(), maskRows.shape()), keep)));
        }
        maskRows.muli(1.0 / keep);
        return mask;
    }
}
