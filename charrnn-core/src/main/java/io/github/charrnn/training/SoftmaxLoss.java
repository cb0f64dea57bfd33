package io.github.charrnn.training;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.kernel.FloatMatrix;
import io.github.charrnn.kernel.Gemm;
import io.github.charrnn.kernel.OffHeapRows;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.stream.IntStream;

/**
 * The loss of DL4J's softmax output layer with multi-class cross entropy (an {@code RnnOutputLayer}) over
 * time-major rows, without gradients, for evaluation: logits as one GEMM, then per row the log-sum-exp of the
 * logits minus the target's logit, accumulated in double. Unlike {@link SoftmaxOutputPass} it needs no gradient
 * arrays and keeps only the logits. Not thread-safe.
 */
final class SoftmaxLoss {

    /** Rows are summed in parallel blocks of at least this many logits, at most {@value #MAX_BLOCKS} blocks. */
    private static final int BLOCK_WORK = 1 << 16;
    private static final int MAX_BLOCKS = 8;

    private final INDArray weights;     // [H, V]
    private final INDArray bias;        // [1, V]
    private final int classes;
    private final OffHeapRows logits;   // [maxRows, V]

    SoftmaxLoss(Layer layer, long maxRows) {
        this.weights = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
        this.bias = layer.getParam(DefaultParamInitializer.BIAS_KEY);
        this.classes = (int) weights.columns();
        this.logits = new OffHeapRows(maxRows, classes);
    }

    /**
     * The negative log-likelihood of the targets, summed over the first {@code rows} rows of {@code input}
     * ([rows, H]). {@code labels} holds one row of target probabilities per input row (usually one-hot) or, with
     * {@link BatchFormat#IDS}, a single column of target ids; {@code rowWeights} ([rows, 1], null for all 1) scales each row's loss, and
     * rows of weight 0 are skipped.
     */
    double negativeLogLikelihood(INDArray input, OffHeapRows labels, BatchFormat labelFormat, OffHeapRows rowWeights,
                                 int rows) {
        return negativeLogLikelihood(input, labels, labelFormat, rowWeights, rows, null);
    }

    /**
     * As {@link #negativeLogLikelihood(INDArray, OffHeapRows, BatchFormat, OffHeapRows, int)}, also writing each row's
     * loss (unweighted; 0 for a skipped row) into {@code rowLosses} (null: not written).
     */
    double negativeLogLikelihood(INDArray input, OffHeapRows labels, BatchFormat labelFormat, OffHeapRows rowWeights,
                                 int rows, double[] rowLosses) {
        Gemm.multiply(FloatMatrix.of(input), false, FloatMatrix.of(weights), false, logits.block(0, rows), 1f, 0f);
        float[] b = bias.toFloatVector();
        boolean ids = labelFormat == BatchFormat.IDS;
        // the block boundaries depend only on the sizes and the blocks are added in order: the same sum on any machine
        int blocks = (int) Math.max(1, Math.min(MAX_BLOCKS, (long) rows * classes / BLOCK_WORK));
        double[] blockLosses = new double[blocks];
        IntStream.range(0, blocks).parallel().forEach(k -> {
            // each block copies its own rows out; OffHeapRows.read is an absolute bulk get, safe to run concurrently
            float[] row = new float[classes];
            float[] target = new float[labels.width()];
            float[] weight = new float[1];
            double sum = 0;
            for (int r = (int) ((long) rows * k / blocks), end = (int) ((long) rows * (k + 1) / blocks); r < end; r++) {
                if (rowWeights != null) {
                    rowWeights.read(r, 1, weight);
                    if (weight[0] == 0) {
                        if (rowLosses != null) {
                            rowLosses[r] = 0;
                        }
                        continue;
                    }
                }
                logits.read(r, 1, row);
                labels.read(r, 1, target);
                double loss = ids ? rowLoss(row, b, (int) target[0]) : rowLoss(row, b, target);
                if (rowLosses != null) {
                    rowLosses[r] = loss;
                }
                sum += rowWeights == null ? loss : weight[0] * loss;
            }
            blockLosses[k] = sum;
        });
        double loss = 0;
        for (double blockLoss : blockLosses) {
            loss += blockLoss;
        }
        return loss;
    }

    /** -log p[target] of one row of logits (the bias not yet added). */
    private double rowLoss(float[] row, float[] b, int target) {
        if (target < 0 || target >= classes) {
            throw new IllegalArgumentException("Label id " + target + " is outside 0.." + (classes - 1) + ".");
        }
        return logSumExp(row, b) - row[target];
    }

    /** -sum(y * log p) of one row of logits (the bias not yet added) for target probabilities y. */
    private double rowLoss(float[] row, float[] b, float[] y) {
        double logSumExp = logSumExp(row, b);
        double targetSum = 0;
        double weightedLogits = 0;
        for (int v = 0; v < classes; v++) {
            if (y[v] != 0) {
                targetSum += y[v];
                weightedLogits += y[v] * (double) row[v];
            }
        }
        return targetSum * logSumExp - weightedLogits;
    }

    /** Adds the bias to the row in place and returns log(sum(exp(row))). */
    private double logSumExp(float[] row, float[] b) {
        float max = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < classes; v++) {
            row[v] += b[v];
            max = Math.max(max, row[v]);
        }
        double sum = 0;
        for (int v = 0; v < classes; v++) {
            sum += Math.exp(row[v] - max);
        }
        return max + Math.log(sum);
    }
}
