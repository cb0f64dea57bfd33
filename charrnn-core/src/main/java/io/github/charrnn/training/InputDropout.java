package io.github.charrnn.training;

import io.github.charrnn.kernel.OffHeapRows;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout on a layer's input, as DL4J's {@code Dropout} applies it in training: each element kept with
 * probability {@code keep} and scaled by {@code 1/keep}, a fresh mask for every element of every time step,
 * drawn from ND4J's random generator. Not thread-safe.
 */
final class InputDropout {

    private final double keep;
    private final OffHeapRows mask;
    private final OffHeapRows dropped;

    InputDropout(double keep, long maxRows, int width) {
        this.keep = keep;
        this.mask = new OffHeapRows(maxRows, width);
        this.dropped = new OffHeapRows(maxRows, width);
    }

    /** Draws a new mask and returns {@code input} ([rows, width]) with it applied. */
    INDArray apply(INDArray input, int rows) {
        INDArray maskRows = mask.rows(0, rows);
        if (rows == mask.rows()) {
            Nd4j.getExecutioner().exec(new BernoulliDistribution(mask.matrix(), keep));
        } else {
            maskRows.assign(Nd4j.getExecutioner().exec(new BernoulliDistribution(Nd4j.createUninitialized(maskRows.dataType(), maskRows.shape()), keep)));
        }
        maskRows.muli(1.0 / keep);
        return dropped.rows(0, rows).assign(input).muli(maskRows);
    }

    /** Multiplies a gradient with respect to the dropped input by the last mask, in place. */
    void backprop(OffHeapRows gradient, int rows) {
        gradient.rows(0, rows).muli(mask.rows(0, rows));
    }
}
