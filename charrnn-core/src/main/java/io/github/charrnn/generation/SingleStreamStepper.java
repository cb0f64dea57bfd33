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
        firstInput = byGate(hidden, network.getParam("0_W"));
        weights = new float[layers][][][];
        biases = new float[layers][][];
        inputs = new float[layers][];
        c = new float[layers][hidden];
        for (int l = 0; l < layers; l++) {
            INDArray recurrent = network.getParam(l + "_RW");
            weights[l] = l == 0 ? byGate(hidden, recurrent) : byGate(hidden, network.getParam(l + "_W"), recurrent);
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

    /** The matrix's rows as separate arrays (copied out of ND4J in one piece: element-wise reads are slow). */
    private static float[][] rows(INDArray matrix) {
        return byGate((int) matrix.columns(), matrix)[0];
    }

    /**
     * The rows of the matrices, one below the other, split into one array per row and gate of width
     * {@code hidden}: [gate][row][H]. DL4J keeps weights column-major; each matrix is read out of ND4J in one
     * bulk copy and transposed here (ND4J's own reordering copy took most of a 2 × 512 model's set-up time).
     */
    private static float[][][] byGate(int hidden, INDArray... matrices) {
        int gates = (int) matrices[0].columns() / hidden;
        int rows = 0;
        for (INDArray matrix : matrices) {
            rows += (int) matrix.rows();
        }
        float[][][] split = new float[gates][rows][hidden];
        int first = 0;
        for (INDArray matrix : matrices) {
            int height = (int) matrix.rows();
            float[] columns = columnMajor(matrix);
            for (int j = 0; j < matrix.columns(); j++) {
                float[][] gate = split[j / hidden];
                int k = j % hidden;
                int base = j * height;
                for (int i = 0; i < height; i++) {
                    gate[first + i][k] = columns[base + i];
                }
            }
            first += height;
        }
        return split;
    }

    /** The matrix's values column after column. */
    private static float[] columnMajor(INDArray matrix) {
        int count = Math.toIntExact(matrix.length());
        boolean contiguousColumns = matrix.ordering() == 'f' && matrix.stride(0) == 1 && matrix.stride(1) == matrix.rows();
        if (!contiguousColumns) {
            return matrix.dup('f').data().asFloat();
        }
        float[] values = new float[count];
        matrix.data().asNioFloat().get(Math.toIntExact(matrix.offset()), values, 0, count);
        return values;
    }

    /** The matrix's values row by row (a C-order copy, read out in one piece). */
    static float[] rowMajor(INDArray matrix) {
        return matrix.dup('c').data().asFloat();
    }
}
