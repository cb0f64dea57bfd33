package io.github.charrnn.training;

import io.github.charrnn.kernel.OffHeapRows;
import io.github.charrnn.kernel.ProductPrecision;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * The gradient of the loss over some rows of a mini-batch ({@link ShardRows}), for {@link GemmLstmTraining}: the
 * forward and backward passes of every layer over those rows, written into one gradient array laid out as the
 * network's flattened gradient. Shards of one batch read the same parameters and write to different gradient
 * arrays, so they can run at once; the sum of their gradients is the gradient of the batch. Each keeps the
 * recurrent state of its own rows from one segment to the next. Not thread-safe.
 */
final class BatchShard {

    private final ShardRows rows;
    private final long maxRows;                  // sequence length * this shard's rows
    private final EmbeddingPass embedding;       // null for one-hot input
    private final LstmLayerPass[] passes;
    private final InputDropout[] dropouts;       // per layer, the output layer last; null where the layer has none
    private final OffHeapRows[] maskSlices;      // this shard's rows of each layer's mask (unused when whole)
    private final SoftmaxOutputPass output;
    private final OffHeapRows oneHotSlice;       // this shard's one-hot input rows, where they are read as rows
    private OffHeapRows targetSlice;             // this shard's targets, sized at first use

    /**
     * @param layers        the network's layers, the embedding (if {@code embeddingFirst}) first, the output last
     * @param gradients     per layer, parameter name to the array its gradient is written into
     * @param inputWidths   per recurrent and output layer, the width of its input
     * @param keeps         per recurrent and output layer, the dropout keep probability, or 1 for none
     * @param parallelRows  whether the softmax may use the common pool (only when this is the only shard)
     * @param precision     what the products' operands are rounded to
     */
    BatchShard(Layer[] layers, List<Map<String, INDArray>> gradients, boolean embeddingFirst, int[] inputWidths,
               double[] keeps, ShardRows rows, int sequenceLength, boolean parallelRows, ProductPrecision precision) {
        this.rows = rows;
        int first = embeddingFirst ? 1 : 0;
        int recurrentLayers = layers.length - 1 - first;
        this.maxRows = (long) sequenceLength * rows.count();
        this.embedding = embeddingFirst ? new EmbeddingPass(layers[0], gradients.get(0), maxRows) : null;
        this.passes = new LstmLayerPass[recurrentLayers];
        this.dropouts = new InputDropout[recurrentLayers + 1];
        this.maskSlices = new OffHeapRows[recurrentLayers + 1];
        for (int l = 0; l <= recurrentLayers; l++) {
            if (l < recurrentLayers) {
                passes[l] = new LstmLayerPass(layers[first + l], gradients.get(first + l), rows.count(), sequenceLength,
                        precision);
            }
            if (keeps[l] < 1.0) {
                dropouts[l] = new InputDropout(maxRows, inputWidths[l]);
                maskSlices[l] = rows.whole() ? null : new OffHeapRows(maxRows, inputWidths[l]);
            }
        }
        this.oneHotSlice = !embeddingFirst && dropouts[0] != null && !rows.whole()
                ? new OffHeapRows(maxRows, inputWidths[0]) : null;
        this.output = new SoftmaxOutputPass(layers[layers.length - 1], gradients.get(layers.length - 1), maxRows, parallelRows,
                precision);
    }

    /** Zero hidden and cell state, as at the start of a DL4J {@code fit(DataSet)}. */
    void resetState() {
        for (LstmLayerPass pass : passes) {
            pass.resetState();
        }
    }

    /** Recurrent layer {@code layer}'s hidden or cell state for this shard's rows (see {@link LstmLayerPass#state}). */
    float[] state(int layer, boolean cell) {
        return passes[layer].state(cell);
    }

    /** Sets recurrent layer {@code layer}'s hidden or cell state from {@code values[from..]}; returns the index after it. */
    int setState(int layer, boolean cell, float[] values, int from) {
        passes[layer].setState(cell, values, from);
        return from + passes[layer].stateSize();
    }

    /** Makes the state after the last segment the state coming into the next one. */
    void carryState() {
        for (LstmLayerPass pass : passes) {
            pass.carryState();
        }
    }

    /** Writes this shard's gradient of the segment's loss (summed over its rows and time) and returns that loss. */
    double computeGradient(Segment segment) {
        int time = segment.time();
        int count = time * rows.count();
        int recurrentLayers = passes.length;
        INDArray[] layerInputs = new INDArray[recurrentLayers + 1];
        INDArray activations = null;
        for (int l = 0; l <= recurrentLayers; l++) {
            if (l == 0 && embedding == null && dropouts[0] == null) {
                activations = passes[0].forward(rows.ids(segment.ids(), time), time);   // one-hot input, gathered by id
                continue;
            }
            if (l == 0) {
                activations = embedding != null ? embedding.forward(rows.ids(segment.ids(), time))
                        : rows.rows(segment.oneHotRows(), oneHotSlice, time).rows(0, count);
            }
            layerInputs[l] = dropouts[l] == null ? activations
                    : dropouts[l].apply(activations, rows.rows(segment.masks()[l], maskSlices[l], time), count);
            if (l < recurrentLayers) {
                activations = passes[l].forward(layerInputs[l], time);
            }
        }
        double loss = output.forwardBackward(layerInputs[recurrentLayers], targets(segment.targets(), time),
                segment.targetFormat(), count);
        OffHeapRows outputGradient = output.inputGradient();
        for (int l = recurrentLayers - 1; l >= 0; l--) {
            if (dropouts[l + 1] != null) {
                dropouts[l + 1].backprop(outputGradient, count);
            }
            outputGradient = passes[l].backward(outputGradient, layerInputs[l], l > 0 || embedding != null);
        }
        if (embedding != null) {
            embedding.backward(outputGradient);
        }
        return loss;
    }

    private OffHeapRows targets(OffHeapRows all, int time) {
        if (rows.whole()) {
            return all;
        }
        if (targetSlice == null || targetSlice.width() != all.width()) {
            targetSlice = new OffHeapRows(maxRows, all.width());
        }
        return rows.rows(all, targetSlice, time);
    }
}
