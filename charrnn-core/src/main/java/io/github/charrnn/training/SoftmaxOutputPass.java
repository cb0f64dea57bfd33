package io.github.charrnn.training;

import io.github.charrnn.kernel.OffHeapRows;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * DL4J's softmax output layer with multi-class cross entropy (an {@code RnnOutputLayer}), forward and backward
 * over a segment of time-major rows, on the layer's own parameter and gradient arrays: logits as one GEMM,
 * softmax and loss as Java loops, and the weight and input gradients as one GEMM each. Gradients are those of the
 * loss summed over batch and time, as DL4J's backpropagation gives them. Not thread-safe.
 */
final class SoftmaxOutputPass {

    private final INDArray weights;          // [H, V]
    private final INDArray bias;             // [1, V]
    private final INDArray weightGradient;
    private final INDArray biasGradient;
    private final int classes;
    private final OffHeapRows logits;        // [T*B, V]: logits, then their gradients
    private final OffHeapRows inputGradient; // [T*B, H]
    private final float[] values;
    private final float[] targets;

    SoftmaxOutputPass(Layer layer, long maxRows) {
        Map<String, INDArray> params = layer.paramTable();
        Map<String, INDArray> gradients = GradientViews.of(layer);
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
     * (one row of target probabilities, usually one-hot, per input row, or a single column of target ids), writes the parameter gradients and
     * returns the loss summed over the rows; {@link #inputGradient()} then holds the gradient of the input.
     */
    double forwardBackward(INDArray input, OffHeapRows labels, int rows) {
        Nd4j.gemm(input, weights, logits.rows(0, rows), false, false, 1.0, 0.0);
        logits.read(0, rows, values);
        boolean ids = labels.width() == 1 && classes > 1;
        labels.read(0, rows, targets);   // ids: one value per row
        float[] b = bias.toFloatVector();
        double[] biasSums = new double[classes];
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            loss += ids ? softmaxCrossEntropy(r * classes, (int) targets[r], b, biasSums)
                    : softmaxCrossEntropy(r * classes, b, biasSums);
        }
        logits.write(0, rows, values);
        INDArray logitGradients = logits.rows(0, rows);
        Nd4j.gemm(input, logitGradients, weightGradient, true, false, 1.0, 0.0);
        float[] biasValues = new float[classes];
        for (int v = 0; v < classes; v++) {
            biasValues[v] = (float) biasSums[v];
        }
        biasGradient.assign(Nd4j.createFromArray(biasValues).reshape(biasGradient.shape()));
        Nd4j.gemm(logitGradients, weights, inputGradient.rows(0, rows), false, true, 1.0, 0.0);
        return loss;
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
        double logSum = addBiasAndLogSumExp(from, b);
        double loss = logSum - values[from + target];
        for (int v = 0; v < classes; v++) {
            double gradient = Math.exp(values[from + v] - logSum) - (v == target ? 1 : 0);
            values[from + v] = (float) gradient;
            biasSums[v] += gradient;
        }
        return loss;
    }

    /** One row: replaces its logits by their gradient p * sum(y) - y and returns -sum(y * log p). */
    private double softmaxCrossEntropy(int from, float[] b, double[] biasSums) {
        double logSum = addBiasAndLogSumExp(from, b);
        double loss = 0;
        double targetSum = 0;
        for (int v = 0; v < classes; v++) {
            float y = targets[from + v];
            if (y != 0) {
                loss -= y * (values[from + v] - logSum);
                targetSum += y;
            }
        }
        for (int v = 0; v < classes; v++) {
            double gradient = Math.exp(values[from + v] - logSum) * targetSum - targets[from + v];
            values[from + v] = (float) gradient;
            biasSums[v] += gradient;
        }
        return loss;
    }

    /** Adds the bias to one row's logits and returns log(sum(exp(logits))), computed without overflow. */
    private double addBiasAndLogSumExp(int from, float[] b) {
        float max = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < classes; v++) {
            values[from + v] += b[v];
            max = Math.max(max, values[from + v]);
        }
        double sum = 0;
        for (int v = 0; v < classes; v++) {
            sum += Math.exp(values[from + v] - max);
        }
        return Math.log(sum) + max;
    }
}
