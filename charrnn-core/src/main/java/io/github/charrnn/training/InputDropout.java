package io.github.charrnn.training;

import io.github.charrnn.kernel.OffHeapRows;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inverted dropout on a layer's input, as DL4J's {@code Dropout} applies it in training, with a mask drawn by
 * {@link DropoutMask}: the input times the mask on the way forward, the gradient times the same mask on the way
 * back. Not thread-safe.
 */
final class InputDropout {

    private final OffHeapRows dropped;
    private OffHeapRows mask;

    InputDropout(long maxRows, int width) {
        this.dropped = new OffHeapRows(maxRows, width);
    }

    /** Returns {@code input} ([rows, width]) times the first {@code rows} rows of {@code mask}, which it keeps for {@link #backprop}. */
    INDArray apply(INDArray input, OffHeapRows mask, int rows) {
        this.mask = mask;
        return dropped.rows(0, rows).assign(input).muli(mask.rows(0, rows));
    }

    /** Multiplies a gradient with respect to the dropped input by the last mask, in place. */
    void backprop(OffHeapRows gradient, int rows) {
        gradient.rows(0, rows).muli(mask.rows(0, rows));
    }
}
