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

/**
 * The trained network's forward step for N streams at once: one ND4J GEMM per layer and step (for layers above
 * the first, the input and recurrent products fused into one: [h below | h] times [W; RW]), the one-hot input
 * of the first layer as a row gather, and the gate math as vectorised Java loops ({@link LstmCellMath}). Holds a
 * copy of the weights taken when it is made. Gives the same probabilities as DL4J's {@code rnnTimeStep} on the
 * same batch to within float rounding (BatchedStepperTest). Not thread-safe.
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
    }

    /** Feeds one character per stream and returns each stream's next-character probabilities (reused arrays). */
    float[][] step(int[] ids) {
        int layers = weights.length;
        for (int l = 0; l < layers; l++) {
            if (l == 0) {
                gatherFirstLayerInput(ids);
                z.write(0, streams, firstLayerZ);
                Gemm.multiply(inputs[0].block(), false, weightMatrices[0], false, z.block(), 1f, 1f);
            } else {
                Gemm.multiply(inputs[l].block(), false, weightMatrices[l], false, z.block(), 1f, 0f);
            }
            z.readSplit(0, streams, gates);
            if (cellType == CellType.LSTM) {
                LstmCellMath.activate(gates, tiledBiases[l], units);
                LstmCellMath.updateCells(gates, c[l], tanhC, h, units);
            } else {
                tanhRnn(gates[0], biases[l]);
                System.arraycopy(gates[0], 0, h, 0, units);
            }
            storeHidden(l);
        }
        Gemm.multiply(topHidden.block(), false, outputWeightMatrix, false, logits.block(), 1f, 0f);
        logits.read(0, streams, logitValues);
        for (int s = 0; s < streams; s++) {
            CellMath.softmax(logitValues, s * vocabulary, outputBias, probabilities[s]);
        }
        return probabilities;
    }

    /** The first layer's input product for one-hot characters: row {@code id} of W, per stream. */
    private void gatherFirstLayerInput(int[] ids) {
        for (int s = 0; s < streams; s++) {
            System.arraycopy(firstInputWeights, ids[s] * gateWidth, firstLayerZ, s * gateWidth, gateWidth);
        }
    }

    private void tanhRnn(float[] preActivations, float[] bias) {
        for (int s = 0; s < streams; s++) {
            int from = s * hidden;
            for (int k = 0; k < hidden; k++) {
                preActivations[from + k] += bias[k];
            }
        }
        GateFunctions.tanhInPlace(preActivations, units);
    }

    /**
     * Puts layer l's new h where the next step of layer l and this step of the layer above (or the output layer)
     * read it.
     */
    private void storeHidden(int l) {
        OffHeapRows own = inputs[l];
        int ownColumn = l == 0 ? 0 : hidden;
        OffHeapRows above = l + 1 < inputs.length ? inputs[l + 1] : topHidden;
        for (int s = 0; s < streams; s++) {
            own.writeRowPart(s, ownColumn, h, s * hidden, hidden);
            above.writeRowPart(s, 0, h, s * hidden, hidden);
        }
    }
}
