package io.github.charrnn.generation;

import io.github.charrnn.kernel.GateFunctions;
import io.github.charrnn.kernel.LstmCellMath;
import io.github.charrnn.kernel.SpinningHelper;
import io.github.charrnn.model.CellType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The trained network's forward step for ONE stream, run over plain float arrays instead of ND4J: at batch size
 * one, ND4J's cost per operation, not arithmetic, is what limits {@code rnnTimeStep}, and BLAS's matrix-vector
 * product is slower still than a vectorised Java loop. Holds a copy of the weights taken when it is made (so it
 * must be made again after training) and the recurrent state of one stream. Gives the same next-character
 * probabilities as DL4J's {@code rnnTimeStep} to within float rounding (SingleStreamStepperTest). Not thread-safe.
 *
 * <p>Layout, chosen so that C2 vectorises the loops: every weight matrix is held as one array per input row and
 * per gate ({@code [gate][input][H]}), so that the matrix-vector product's inner loop reads its rows and writes its
 * gate at the same index (a single row-major array read at an offset runs 3-4 times slower). Layers above the
 * first multiply [h below | h] by [W; RW] in one pass. With a {@link SpinningHelper}, a second thread computes half
 * of the gates of every layer. DL4J's LSTM gate layout is kept: block input, forget,
 * output, input gate ({@link LstmCellMath}); SimpleRnn: h = tanh(x W + h RW + b).
 */
final class SingleStreamStepper {

    private final CellType cellType;
    private final int hidden;
    private final int gateCount;           // 4 for LSTM, 1 for RNN
    private final float[][][] firstInput;  // [gate][vocabulary][H]: the one-hot input is a row gather
    private final float[][][][] weights;   // per layer [gate][input][H]: layer 0 RW, above [W; RW]
    private final float[][][] biases;      // per layer [gate][H]
    private final float[][] inputs;        // per layer: layer 0 h, above [h below | h]
    private final float[][] c;
    private final float[][] gates;         // [gate][H]
    private final float[] tanhC;
    private final float[] h;
    private final float[][] outputWeights; // [H][V]
    private final float[] outputBias;
    private final float[] logits;
    private final float[] probabilities;
    private final int vocabularyBound;         // packs (layer, id) into the helper's one int argument
    private final IntConsumer helperShare;
    private SpinningHelper helper;

    SingleStreamStepper(MultiLayerNetwork network, CellType cellType, int layers, int hidden, int vocabulary) {
        this.cellType = cellType;
        this.hidden = hidden;
        this.gateCount = cellType == CellType.LSTM ? 4 : 1;
        firstInput = byGate(rows(network.getParam("0_W")), hidden);
        weights = new float[layers][][][];
        biases = new float[layers][][];
        inputs = new float[layers][];
        c = new float[layers][hidden];
        for (int l = 0; l < layers; l++) {
            float[][] recurrent = rows(network.getParam(l + "_RW"));
            weights[l] = byGate(l == 0 ? recurrent : concat(rows(network.getParam(l + "_W")), recurrent), hidden);
            biases[l] = splitBias(network.getParam(l + "_b").toFloatVector(), hidden);
            inputs[l] = new float[l == 0 ? hidden : 2 * hidden];
        }
        gates = new float[gateCount][hidden];
        tanhC = new float[hidden];
        h = new float[hidden];
        outputWeights = rows(network.getParam(layers + "_W"));
        outputBias = network.getParam(layers + "_b").toFloatVector();
        logits = new float[vocabulary];
        probabilities = new float[vocabulary];
        vocabularyBound = vocabulary;
        helperShare = layerAndId -> computeGates(layerAndId / vocabularyBound, layerAndId % vocabularyBound,
                gateCount / 2, gateCount);
    }

    /** Back to the zero state of a new stream. */
    void reset() {
        for (int l = 0; l < inputs.length; l++) {
            Arrays.fill(inputs[l], 0f);
            Arrays.fill(c[l], 0f);
        }
    }

    /**
     * Feeds one character and returns the probabilities of the next one. The returned array is reused by the
     * next call.
     */
    float[] step(int id) {
        int layers = inputs.length;
        boolean split = helper != null && gateCount > 1;
        for (int l = 0; l < layers; l++) {
            if (split) {
                // the helper computes the second half of the gates while this thread computes the first
                helper.request(helperShare, l * vocabularyBound + id);
                computeGates(l, id, 0, gateCount / 2);
                helper.await();
            } else {
                computeGates(l, id, 0, gateCount);
            }
            if (cellType == CellType.LSTM) {
                LstmCellMath.activate(gates, biases[l], hidden);
                LstmCellMath.updateCells(gates, c[l], tanhC, h, hidden);
            } else {
                addBias(gates[0], biases[l][0]);
                GateFunctions.tanhInPlace(gates[0], hidden);
                System.arraycopy(gates[0], 0, h, 0, hidden);
            }
            System.arraycopy(h, 0, inputs[l], l == 0 ? 0 : hidden, hidden);
            if (l + 1 < layers) {
                System.arraycopy(h, 0, inputs[l + 1], 0, hidden);
            }
        }
        Arrays.fill(logits, 0f);
        addProduct(logits, h, outputWeights);
        CellMath.softmax(logits, 0, outputBias, probabilities);
        return probabilities;
    }

    /**
     * Lets a second thread compute half of every layer's gates in the following steps (null: this thread
     * computes all). Reading the weights is what bounds one stream, and two cores read about twice as fast as one.
     */
    void useHelper(SpinningHelper helper) {
        this.helper = helper;
    }

    /** gates[q] = (layer 0: W row of the input character) + input · weights, for gates q in [from, to). */
    private void computeGates(int l, int id, int from, int to) {
        for (int q = from; q < to; q++) {
            if (l == 0) {
                System.arraycopy(firstInput[q][id], 0, gates[q], 0, hidden);
            } else {
                Arrays.fill(gates[q], 0f);
            }
            addProduct(gates[q], inputs[l], weights[l][q]);
        }
    }

    private static void addBias(float[] values, float[] bias) {
        for (int k = 0; k < values.length; k++) {
            values[k] += bias[k];
        }
    }

    /**
     * target += x · rows, rows[i] being the weights from input i. Four rows per pass, so that each element of
     * target is loaded and stored once per four rows; every array is indexed alike, so the JIT vectorises it.
     */
    private static void addProduct(float[] target, float[] x, float[][] rows) {
        int width = target.length;
        int i = 0;
        for (; i + 4 <= x.length; i += 4) {
            float x0 = x[i];
            float x1 = x[i + 1];
            float x2 = x[i + 2];
            float x3 = x[i + 3];
            float[] r0 = rows[i];
            float[] r1 = rows[i + 1];
            float[] r2 = rows[i + 2];
            float[] r3 = rows[i + 3];
            for (int k = 0; k < width; k++) {
                target[k] += x0 * r0[k] + x1 * r1[k] + x2 * r2[k] + x3 * r3[k];
            }
        }
        for (; i < x.length; i++) {
            float xi = x[i];
            float[] row = rows[i];
            for (int k = 0; k < width; k++) {
                target[k] += xi * row[k];
            }
        }
    }

    /** A bias in DL4J's layout [gates*H] as one array per gate. */
    private static float[][] splitBias(float[] bias, int hidden) {
        float[][] split = new float[bias.length / hidden][];
        for (int q = 0; q < split.length; q++) {
            split[q] = Arrays.copyOfRange(bias, q * hidden, (q + 1) * hidden);
        }
        return split;
    }

    private static float[][] concat(float[][] top, float[][] bottom) {
        float[][] all = Arrays.copyOf(top, top.length + bottom.length);
        System.arraycopy(bottom, 0, all, top.length, bottom.length);
        return all;
    }

    /** The matrix's rows as separate arrays (copied out of ND4J in one piece: element-wise reads are slow). */
    private static float[][] rows(INDArray matrix) {
        float[] values = rowMajor(matrix);
        int width = (int) matrix.columns();
        float[][] rows = new float[(int) matrix.rows()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(values, i * width, (i + 1) * width);
        }
        return rows;
    }

    /** Splits every row of width gates*H into one row per gate: [gate][row][H]. */
    private static float[][][] byGate(float[][] rows, int hidden) {
        int gates = rows.length == 0 ? 0 : rows[0].length / hidden;
        float[][][] split = new float[gates][rows.length][];
        for (int q = 0; q < gates; q++) {
            for (int i = 0; i < rows.length; i++) {
                split[q][i] = Arrays.copyOfRange(rows[i], q * hidden, (q + 1) * hidden);
            }
        }
        return split;
    }

    /** The matrix's values row by row (a C-order copy, read out in one piece). */
    static float[] rowMajor(INDArray matrix) {
        return matrix.dup('c').data().asFloat();
    }
}
