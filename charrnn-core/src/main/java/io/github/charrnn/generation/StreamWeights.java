package io.github.charrnn.generation;

import io.github.charrnn.model.CellType;
import io.github.charrnn.model.NetworkLayout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.Reference;
import java.util.Arrays;

/**
 * A trained network's weights copied into the layout {@link SingleStreamStepper} runs on: every weight matrix as
 * one Java array per input row and per gate ({@code [gate][input][H]}), so that the matrix-vector product's inner
 * loop reads its rows and writes its gate at the same index, which is what lets C2 vectorise it (a single
 * row-major array read at an offset ran 3-4 times slower). Layers above the first hold [W; RW] stacked, to
 * multiply [h below | h] in one pass. DL4J's LSTM gate layout is kept: block input, forget, output, input gate.
 *
 * <p>Immutable once made, so any number of generations may share one (each with its own
 * {@link SingleStreamStepper}); a copy, so it must be made again after the network trains.
 */
final class StreamWeights {

    final CellType cellType;
    final int hidden;
    final int gateCount;           // 4 for LSTM, 1 for RNN
    final int layers;
    final int vocabulary;
    final float[][][] firstInput;  // [gate][vocabulary][H]: the input is a row gather (E·W with an embedding)
    final float[][][][] weights;   // per layer [gate][input][H]: layer 0 RW, above [W; RW]
    final float[][][] biases;      // per layer [gate][H]
    final float[][] outputWeights; // [H][V]
    final float[] outputBias;

    StreamWeights(MultiLayerNetwork network, CellType cellType, NetworkLayout layout, int hidden, int vocabulary) {
        int layers = layout.recurrentLayers();
        this.cellType = cellType;
        this.hidden = hidden;
        this.gateCount = cellType == CellType.LSTM ? 4 : 1;
        this.layers = layers;
        this.vocabulary = vocabulary;
        firstInput = byGate(hidden, layout.inputWeightsPerSymbol(network));
        weights = new float[layers][][][];
        biases = new float[layers][][];
        for (int l = 0; l < layers; l++) {
            INDArray recurrent = network.getParam(layout.recurrentParam(l, "RW"));
            weights[l] = l == 0 ? byGate(hidden, recurrent) : byGate(hidden, network.getParam(layout.recurrentParam(l, "W")), recurrent);
            biases[l] = splitBias(network.getParam(layout.recurrentParam(l, "b")).toFloatVector(), hidden);
        }
        outputWeights = rows(network.getParam(layout.outputParam("W")));
        outputBias = network.getParam(layout.outputParam("b")).toFloatVector();
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
        try {
            matrix.data().asNioFloat().get(Math.toIntExact(matrix.offset()), values, 0, count);
        } finally {
            // the NIO view does not keep ND4J's memory alive; the array must stay reachable until the copy is done
            Reference.reachabilityFence(matrix);
        }
        return values;
    }

    /** The matrix's values row by row (a C-order copy, read out in one piece). */
    static float[] rowMajor(INDArray matrix) {
        return matrix.dup('c').data().asFloat();
    }
}
