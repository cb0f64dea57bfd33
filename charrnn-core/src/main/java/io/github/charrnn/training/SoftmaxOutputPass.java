package io.github.charrnn.training;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.kernel.FloatMatrix;
import io.github.charrnn.kernel.Gemm;
import io.github.charrnn.kernel.OffHeapRows;
import io.github.charrnn.kernel.ProductPrecision;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.stream.IntStream;

/**
 * DL4J's softmax output layer with multi-class cross entropy (an {@code RnnOutputLayer}), forward and backward
 * over a segment of time-major rows, on the layer's own parameter and gradient arrays: logits as one GEMM,
 * softmax and loss as Java loops, and the weight and input gradients as one GEMM each. Gradients are those of the
 * loss summed over batch and time, as DL4J's backpropagation gives them. Not thread-safe.
 */
final class SoftmaxOutputPass {

    private static final int BLOCK_WORK = 1 << 16;
    private static final int MAX_BLOCKS = 8;

    private final INDArray weights;          // [H, V]
    private final INDArray bias;             // [1, V]
    private final INDArray weightGradient;
    private final INDArray biasGradient;
    private final int classes;
    private final OffHeapRows logits;        // [T*B, V]: logits, then their gradients
    private final OffHeapRows inputGradient; // [T*B, H]
    private final float[] values;
    private final float[] targets;
    private final boolean parallelRows;
    private final ProductPrecision precision;

    /**
     * @param gradients    parameter name to the array its gradient is written into ({@link GradientViews})
     * @param parallelRows whether the softmax loops may run their blocks of rows on the common pool (false where
     *                     the caller already keeps every core busy); the result is the same either way
     * @param precision    what the products' operands are rounded to
     */
    SoftmaxOutputPass(Layer layer, Map<String, INDArray> gradients, long maxRows, boolean parallelRows,
                      ProductPrecision precision) {
        Map<String, INDArray> params = layer.paramTable();
        this.precision = precision;
        this.parallelRows = parallelRows;
        this.weights = params.get(DefaultParamInitializer.WEIGHT_KEY);
        this.bias = params.get(DefaultParamInitializer.BIAS_KEY);
        this.weightGradient = gradients.get(DefaultParamInitializer.WEIGHT_KEY);
        this.biasGradient = gradients.get(DefaultParamInitializer.BIAS_KEY);
        this.classes = (int) weights.columns();
        this.logits = new OffHeapRows(maxRows, classes);
        this.inputGradient = new OffHeapRows(maxRows, (int) weights.rows());
        this.values = new float[Math.toIntExact(maxRows * classes)];
        this.targets = new float[values.length];
    }

    /**
     * Forward and backward at once: computes the softmax of {@code input} ([rows, H]) against {@code labels}
     * (one row of target probabilities, usually one-hot, per input row, or with {@link BatchFormat#IDS} a single
     * column of target ids),
     * writes the parameter gradients and returns the loss summed over the rows; {@link #inputGradient()} then
     * holds the gradient of the input.
     */
    double forwardBackward(INDArray input, OffHeapRows labels, BatchFormat labelFormat, int rows) {
        FloatMatrix inputRows = FloatMatrix.of(input);
        Gemm.multiply(inputRows, false, FloatMatrix.of(weights), false, logits.block(0, rows), 1f, 0f, precision);
        logits.read(0, rows, values);
        boolean ids = labelFormat == BatchFormat.IDS;
        labels.read(0, rows, targets);   // ids: one value per row
        float[] b = bias.toFloatVector();
        // blocks of rows on the common pool (the cores are idle between GEMMs), each with its own bias sums, added
        // in block order: the block boundaries depend only on the sizes, so the result is the same on any machine
        int blocks = blocks(rows);
        double[][] blockBiasSums = new double[blocks][classes];
        double[] blockLosses = new double[blocks];
        IntStream blockNumbers = IntStream.range(0, blocks);
        (parallelRows ? blockNumbers.parallel() : blockNumbers).forEach(k -> {
            double blockLoss = 0;
            for (int r = (int) ((long) rows * k / blocks), end = (int) ((long) rows * (k + 1) / blocks); r < end; r++) {
                blockLoss += ids ? softmaxCrossEntropy(r * classes, (int) targets[r], b, blockBiasSums[k])
                        : softmaxCrossEntropy(r * classes, b, blockBiasSums[k]);
            }
            blockLosses[k] = blockLoss;
        });
        double loss = 0;
        double[] biasSums = new double[classes];
        for (int k = 0; k < blocks; k++) {
            loss += blockLosses[k];
            for (int v = 0; v < classes; v++) {
                biasSums[v] += blockBiasSums[k][v];
            }
        }
        logits.write(0, rows, values);
        FloatMatrix logitGradients = logits.block(0, rows);
        Gemm.multiply(inputRows, true, logitGradients, false, FloatMatrix.of(weightGradient), 1f, 0f, precision);
        float[] biasValues = new float[classes];
        for (int v = 0; v < classes; v++) {
            biasValues[v] = (float) biasSums[v];
        }
        biasGradient.assign(Nd4j.createFromArray(biasValues).reshape(biasGradient.shape()));
        Gemm.multiply(logitGradients, false, FloatMatrix.of(weights), true, inputGradient.block(0, rows), 1f, 0f,
                precision);
        return loss;
    }

    /** Blocks of rows for the softmax loops: one per {@value #BLOCK_WORK} logits, at most {@value #MAX_BLOCKS}. */
    private int blocks(int rows) {
        return (int) Math.max(1, Math.min(MAX_BLOCKS, (long) rows * classes / BLOCK_WORK));
    }

    /** The gradient of the loss with respect to the input of the last {@link #forwardBackward}. */
    OffHeapRows inputGradient() {
        return inputGradient;
    }

    /** One row with the target given as an id: replaces its logits by their gradient p - onehot(id), returns -log p[id]. */
    private double softmaxCrossEntropy(int from, int target, float[] b, double[] biasSums) {
        if (target < 0 || target >= classes) {
            throw new IllegalArgumentException("Label id " + target + " is outside 0.." + (classes - 1) + ".");
        }
        float max = addBiasAndMax(from, b);
        double shiftedTarget = values[from + target] - max;
        double sum = exponentiate(from, max);
        double inverse = 1 / sum;
        for (int v = 0; v < classes; v++) {
            double gradient = values[from + v] * inverse - (v == target ? 1 : 0);
            values[from + v] = (float) gradient;
            biasSums[v] += gradient;
        }
        return Math.log(sum) - shiftedTarget;
    }

    /** One row: replaces its logits by their gradient p * sum(y) - y and returns -sum(y * log p). */
    private double softmaxCrossEntropy(int from, float[] b, double[] biasSums) {
        float max = addBiasAndMax(from, b);
        double targetSum = 0;
        double weightedShiftedLogits = 0;
        for (int v = 0; v < classes; v++) {
            float y = targets[from + v];
            if (y != 0) {
                targetSum += y;
                weightedShiftedLogits += y * (double) (values[from + v] - max);
            }
        }
        double sum = exponentiate(from, max);
        double scale = targetSum / sum;
        for (int v = 0; v < classes; v++) {
            double gradient = values[from + v] * scale - targets[from + v];
            values[from + v] = (float) gradient;
            biasSums[v] += gradient;
        }
        return targetSum * Math.log(sum) - weightedShiftedLogits;
    }

    /** Adds the bias to one row's logits and returns their maximum. */
    private float addBiasAndMax(int from, float[] b) {
        float max = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < classes; v++) {
            values[from + v] += b[v];
            max = Math.max(max, values[from + v]);
        }
        return max;
    }

    /**
     * Replaces one row's logits by exp(logit - max) and returns their sum: each exponential is computed once and
     * kept for the gradient (with a vocabulary of thousands, the exponentials are most of this layer's Java time).
     */
    private double exponentiate(int from, float max) {
        double sum = 0;
        for (int v = 0; v < classes; v++) {
            double e = Math.exp(values[from + v] - max);
            values[from + v] = (float) e;
            sum += e;
        }
        return sum;
    }
}
