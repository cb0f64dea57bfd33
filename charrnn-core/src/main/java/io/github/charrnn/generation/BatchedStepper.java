package io.github.charrnn.generation;

import io.github.charrnn.kernel.FloatMatrix;
import io.github.charrnn.kernel.Gemm;
import io.github.charrnn.kernel.GateFunctions;
import io.github.charrnn.kernel.LstmCellMath;
import io.github.charrnn.kernel.OffHeapRows;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.NetworkLayout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * The trained network's forward step for N streams at once: one ND4J GEMM per layer and step (for layers above
 * the first, the input and recurrent products fused into one: [h below | h] times [W; RW]), the one-hot input
 * of the first layer as a row gather, and the gate math as vectorised Java loops ({@link LstmCellMath}). Holds a
 * copy of the weights taken when it is made. Gives the same probabilities as DL4J's {@code rnnTimeStep} on the
 * same batch to within float rounding (BatchedStepperTest). A step may run on the first rows only, and a row's
 * state may be cleared or moved, which lets {@link StreamBatch} add and drop streams between steps. Not thread-safe.
 */
final class BatchedStepper {

    private final CellType cellType;
    private final int streams;
    private final int hidden;
    private final int vocabulary;
    private final int gateWidth;
    private final int units;                   // streams * hidden
    private final float[] firstInputWeights;   // row-major [vocabulary][gateWidth]: one-hot input is a row gather
    private final INDArray[] weights;          // layer 0: RW [H, gateWidth]; above: [W; RW] [2H, gateWidth]
    private final FloatMatrix[] weightMatrices; // the same, as Gemm takes them
    private final float[][] biases;            // RNN: per layer [H]
    private final float[][][] tiledBiases;     // LSTM: per layer, LstmCellMath.tileBias
    private final OffHeapRows[] inputs;        // layer 0: [streams, H] = h; above: [streams, 2H] = [h below | h]
    private final OffHeapRows topHidden;       // [streams, H]: h of the top layer, the output layer's input
    private final float[][] c;
    private final float[] h;
    private final float[] tanhC;
    private final OffHeapRows z;               // [streams, gateWidth]
    private final float[] firstLayerZ;
    private final float[][] gates;             // LSTM: [4][streams*H]; RNN: [1][streams*H]
    private final INDArray outputWeights;      // [H, V]
    private final FloatMatrix outputWeightMatrix;
    private final float[] outputBias;
    private final OffHeapRows logits;          // [streams, V]
    private final float[] logitValues;
    private final float[][] probabilities;
    private final float[] zeroRow;
    private final float[] rowScratch;

    BatchedStepper(MultiLayerNetwork network, CellType cellType, NetworkLayout layout, int hidden, int vocabulary,
                   int streams) {
        int layers = layout.recurrentLayers();
        this.cellType = cellType;
        this.streams = streams;
        this.hidden = hidden;
        this.vocabulary = vocabulary;
        this.gateWidth = cellType == CellType.LSTM ? 4 * hidden : hidden;
        this.units = streams * hidden;
        firstInputWeights = StreamWeights.rowMajor(layout.inputWeightsPerSymbol(network));
        weights = new INDArray[layers];
        weightMatrices = new FloatMatrix[layers];
        biases = new float[layers][];
        tiledBiases = new float[layers][][];
        inputs = new OffHeapRows[layers];
        c = new float[layers][units];
        for (int l = 0; l < layers; l++) {
            INDArray recurrent = network.getParam(layout.recurrentParam(l, "RW"));
            weights[l] = l == 0 ? recurrent.dup('c') : Nd4j.vstack(network.getParam(layout.recurrentParam(l, "W")), recurrent).dup('c');
            weightMatrices[l] = FloatMatrix.of(weights[l]);
            biases[l] = network.getParam(layout.recurrentParam(l, "b")).toFloatVector();
            tiledBiases[l] = cellType == CellType.LSTM ? LstmCellMath.tileBias(biases[l], streams, hidden) : null;
            inputs[l] = new OffHeapRows(streams, l == 0 ? hidden : 2 * hidden);
        }
        topHidden = new OffHeapRows(streams, hidden);
        h = new float[units];
        tanhC = new float[units];
        z = new OffHeapRows(streams, gateWidth);
        firstLayerZ = new float[streams * gateWidth];
        gates = new float[cellType == CellType.LSTM ? 4 : 1][units];
        outputWeights = network.getParam(layout.outputParam("W")).dup('c');
        outputWeightMatrix = FloatMatrix.of(outputWeights);
        outputBias = network.getParam(layout.outputParam("b")).toFloatVector();
        logits = new OffHeapRows(streams, vocabulary);
        logitValues = new float[streams * vocabulary];
        probabilities = new float[streams][vocabulary];
        zeroRow = new float[2 * hidden];
        rowScratch = new float[2 * hidden];
    }

    /** Feeds one character per stream and returns each stream's next-character probabilities (reused arrays). */
    float[][] step(int[] ids) {
        return step(ids, streams);
    }

    /**
     * Feeds one character to each of the first {@code rows} streams (the others keep their state) and returns
     * the probabilities; only the first {@code rows} arrays are written.
     */
    float[][] step(int[] ids, int rows) {
        int layers = weights.length;
        int activeUnits = rows * hidden;
        for (int l = 0; l < layers; l++) {
            if (l == 0) {
                gatherFirstLayerInput(ids, rows);
                z.write(0, rows, firstLayerZ);
                Gemm.multiply(inputs[0].block(0, rows), false, weightMatrices[0], false, z.block(0, rows), 1f, 1f);
            } else {
                Gemm.multiply(inputs[l].block(0, rows), false, weightMatrices[l], false, z.block(0, rows), 1f, 0f);
            }
            z.readSplit(0, rows, gates);
            if (cellType == CellType.LSTM) {
                LstmCellMath.activate(gates, tiledBiases[l], activeUnits);
                LstmCellMath.updateCells(gates, c[l], tanhC, h, activeUnits);
            } else {
                tanhRnn(gates[0], biases[l], rows);
                System.arraycopy(gates[0], 0, h, 0, activeUnits);
            }
            storeHidden(l, rows);
        }
        Gemm.multiply(topHidden.block(0, rows), false, outputWeightMatrix, false, logits.block(0, rows), 1f, 0f);
        logits.read(0, rows, logitValues);
        for (int s = 0; s < rows; s++) {
            CellMath.softmax(logitValues, s * vocabulary, outputBias, probabilities[s]);
        }
        return probabilities;
    }

    /** The first layer's input product for one-hot characters: row {@code id} of W, per stream. */
    private void gatherFirstLayerInput(int[] ids, int rows) {
        for (int s = 0; s < rows; s++) {
            System.arraycopy(firstInputWeights, ids[s] * gateWidth, firstLayerZ, s * gateWidth, gateWidth);
        }
    }

    /** Puts stream {@code row} back in the zero state of a new stream. */
    void clearRow(int row) {
        for (int l = 0; l < weights.length; l++) {
            Arrays.fill(c[l], row * hidden, (row + 1) * hidden, 0f);
            inputs[l].writeRowPart(row, 0, zeroRow, 0, inputs[l].width());
        }
    }

    /** Gives stream {@code to} the recurrent state of stream {@code from} (which keeps its own). */
    void copyRow(int from, int to) {
        for (int l = 0; l < weights.length; l++) {
            System.arraycopy(c[l], from * hidden, c[l], to * hidden, hidden);
            inputs[l].copyRows(from, to, 1, rowScratch);
        }
    }

    private void tanhRnn(float[] preActivations, float[] bias, int rows) {
        for (int s = 0; s < rows; s++) {
            int from = s * hidden;
            for (int k = 0; k < hidden; k++) {
                preActivations[from + k] += bias[k];
            }
        }
        GateFunctions.tanhInPlace(preActivations, rows * hidden);
    }

    /**
     * Puts layer l's new h where the next step of layer l and this step of the layer above (or the output layer)
     * read it.
     */
    private void storeHidden(int l, int rows) {
        OffHeapRows own = inputs[l];
        int ownColumn = l == 0 ? 0 : hidden;
        OffHeapRows above = l + 1 < inputs.length ? inputs[l + 1] : topHidden;
        for (int s = 0; s < rows; s++) {
            own.writeRowPart(s, ownColumn, h, s * hidden, hidden);
            above.writeRowPart(s, 0, h, s * hidden, hidden);
        }
    }
}
