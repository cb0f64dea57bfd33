package io.github.charrnn.generation;

import io.github.charrnn.model.CellType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The trained network's forward step for ONE stream, run over plain float arrays instead of ND4J: at batch size
 * one, ND4J's cost per operation, not arithmetic, is what limits {@code rnnTimeStep}. Holds a copy of the
 * weights taken when it is made (so it must be made again after training) and the recurrent state of one
 * stream. Gives the same next-character probabilities as DL4J's {@code rnnTimeStep} to within float rounding
 * (SingleStreamStepperTest). Not thread-safe.
 *
 * <p>DL4J's LSTM layout: input weights W [in, 4H], recurrent weights RW [H, 4H], bias b [4H], the 4H columns in
 * blocks of H: block input (tanh), forget gate, output gate, input gate (sigmoids); c = f*c + i*a,
 * h = o*tanh(c). SimpleRnn: h = tanh(x W + h RW + b).
 */
final class SingleStreamStepper {

    private final CellType cellType;
    private final int hidden;
    private final int vocabulary;
    private final int gateWidth;            // 4H for LSTM, H for RNN
    private final float[][] inputWeights;   // per layer, row-major [in][gateWidth]
    private final float[][] recurrentWeights;
    private final float[][] biases;
    private final float[] outputWeights;    // row-major [H][V]
    private final float[] outputBias;
    private final float[][] h;
    private final float[][] c;
    private final float[] z;
    private final float[] logits;
    private final float[] probabilities;

    SingleStreamStepper(MultiLayerNetwork network, CellType cellType, int layers, int hidden, int vocabulary) {
        this.cellType = cellType;
        this.hidden = hidden;
        this.vocabulary = vocabulary;
        this.gateWidth = cellType == CellType.LSTM ? 4 * hidden : hidden;
        inputWeights = new float[layers][];
        recurrentWeights = new float[layers][];
        biases = new float[layers][];
        for (int l = 0; l < layers; l++) {
            inputWeights[l] = rowMajor(network.getParam(l + "_W"));
            recurrentWeights[l] = rowMajor(network.getParam(l + "_RW"));
            biases[l] = network.getParam(l + "_b").toFloatVector();
        }
        outputWeights = rowMajor(network.getParam(layers + "_W"));
        outputBias = network.getParam(layers + "_b").toFloatVector();
        h = new float[layers][hidden];
        c = new float[layers][hidden];
        z = new float[gateWidth];
        logits = new float[vocabulary];
        probabilities = new float[vocabulary];
    }

    /** Back to the zero state of a new stream. */
    void reset() {
        for (int l = 0; l < h.length; l++) {
            java.util.Arrays.fill(h[l], 0f);
            java.util.Arrays.fill(c[l], 0f);
        }
    }

    /**
     * Feeds one character and returns the probabilities of the next one. The returned array is reused by the
     * next call.
     */
    float[] step(int id) {
        for (int l = 0; l < h.length; l++) {
            System.arraycopy(biases[l], 0, z, 0, gateWidth);
            if (l == 0) {
                // one-hot input: x W is one row of W
                addRow(z, inputWeights[0], id);
            } else {
                addProduct(z, h[l - 1], inputWeights[l]);
            }
            addProduct(z, h[l], recurrentWeights[l]);
            if (cellType == CellType.LSTM) {
                CellMath.lstm(z, 0, h[l], c[l], 0, hidden);
            } else {
                CellMath.rnn(z, 0, h[l], 0, hidden);
            }
        }
        softmaxOutput(h[h.length - 1]);
        return probabilities;
    }

    private void softmaxOutput(float[] top) {
        java.util.Arrays.fill(logits, 0f);
        addProduct(logits, top, outputWeights);
        CellMath.softmax(logits, 0, outputBias, probabilities);
    }

    /**
     * target += x · W for row-major W [x.length][target.length]. Four input rows at a time, so each element of
     * target is loaded and stored once per four rows; the inner loops are left for the JIT to vectorise.
     */
    private static void addProduct(float[] target, float[] x, float[] weights) {
        int width = target.length;
        int i = 0;
        for (; i + 4 <= x.length; i += 4) {
            float x0 = x[i];
            float x1 = x[i + 1];
            float x2 = x[i + 2];
            float x3 = x[i + 3];
            int b0 = i * width;
            int b1 = b0 + width;
            int b2 = b1 + width;
            int b3 = b2 + width;
            for (int k = 0; k < width; k++) {
                target[k] += x0 * weights[b0 + k] + x1 * weights[b1 + k] + x2 * weights[b2 + k] + x3 * weights[b3 + k];
            }
        }
        for (; i < x.length; i++) {
            float xi = x[i];
            int base = i * width;
            for (int k = 0; k < width; k++) {
                target[k] += xi * weights[base + k];
            }
        }
    }

    private static void addRow(float[] target, float[] weights, int row) {
        int width = target.length;
        int base = row * width;
        for (int k = 0; k < width; k++) {
            target[k] += weights[base + k];
        }
    }

    /** The matrix's values row by row (a C-order copy, read out in one piece). */
    static float[] rowMajor(INDArray matrix) {
        return matrix.dup('c').data().asFloat();
    }
}
