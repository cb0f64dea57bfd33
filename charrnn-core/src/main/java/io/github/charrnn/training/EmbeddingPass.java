package io.github.charrnn.training;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.kernel.OffHeapRows;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * The embedding layer of a network for {@link GemmLstmTraining}: forward, each input symbol (one-hot or id) becomes its
 * symbol's row of the embedding table E [vocabulary, size] (a gather); backward, the gradient of the first
 * recurrent layer's input is added into the rows of E of the symbols that were read (a scatter-add), which is
 * the gradient DL4J's {@code EmbeddingSequenceLayer} gives. Not thread-safe.
 */
final class EmbeddingPass {

    private final INDArray table;           // [V, E], a view of the network's parameters
    private final INDArray tableGradient;   // [V, E], a view of the network's gradient
    private final int size;
    private final OffHeapRows embedded;     // [maxRows, E]: the rows read by the last forward
    private final RowSumsById tableSums;    // builds the table's gradient from the embedded rows' gradient
    private int[] ids = new int[0];

    EmbeddingPass(Layer layer, long maxRows) {
        this(layer, GradientViews.of(layer), maxRows);
    }

    /** @param gradients parameter name to the array its gradient is written into ({@link GradientViews}) */
    EmbeddingPass(Layer layer, Map<String, INDArray> gradients, long maxRows) {
        this.table = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
        this.tableGradient = gradients.get(DefaultParamInitializer.WEIGHT_KEY);
        this.size = (int) table.columns();
        this.embedded = new OffHeapRows(maxRows, size);
        this.tableSums = new RowSumsById(table.rows(), size);
    }

    /**
     * The embedded rows [time*batch, E], time-major (row t*batch + r is time step {@code from + t} of sequence r),
     * of a segment of features [batch, V, length] one-hot or [batch, 1, length] ids, as {@code format} says. One-hot
     * ids are read straight from the features, without first copying the segment into time-major one-hot rows.
     */
    INDArray forward(INDArray features, BatchFormat format, long from, int time) {
        return forward(SegmentIds.of(features, format, from, time));
    }

    /** The embedded rows [ids.length, E] of the given symbol ids, in their order. */
    INDArray forward(int[] ids) {
        this.ids = ids;
        INDArray out = embedded.rows(0, ids.length);
        Nd4j.pullRows(table, out, 1, ids);
        return out;
    }

    /** Writes the table's gradient from the gradient of the embedded rows of the last forward. */
    void backward(OffHeapRows embeddedGradient) {
        tableSums.sum(embeddedGradient, ids, tableGradient);
    }
}
