package io.github.charrnn.generation;

import io.github.charrnn.model.CellType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trained network's forward step for N streams at once: the matrix products run as ND4J GEMMs into
 * preallocated arrays (where a batch of streams makes them worth it), the gate math as Java loops, so there are
 * a handful of ND4J calls per layer and step instead of DL4J's dozens. Holds a copy of the weights taken when
 * it is made. Gives the same probabilities as DL4J's {@code rnnTimeStep} on the same batch to within float
 * rounding (BatchedStepperTest). Not thread-safe.
 */
final class BatchedStepper {

    private final CellType cellType;
    private final int streams;
    private final int hidden;
    private final int vocabulary;
    private final int gateWidth;
    private final float[] firstInputWeights;   // row-major [vocabulary][gateWidth]: one-hot input is a row gather
    private final INDArray[] inputWeights;     // [H, gateWidth] for layers 1.., null for layer 0
    private final INDArray[] recurrentWeights; // [H, gateWidth]
    private final float[][] biases;
    private final INDArray outputWeights;      // [H, V]
    private final float[] outputBias;
    private final INDArray[] h;                // [streams, H] per layer
    private final float[][] hValues;
    private final float[][] c;
    private final INDArray z;                  // [streams, gateWidth]
    private final float[] zValues;
    private final INDArray logits;             // [streams, V]
    private final float[][] probabilities;

    BatchedStepper(MultiLayerNetwork network, CellType cellType, int layers, int hidden, int vocabulary, int streams) {
        this.cellType = cellType;
        this.streams = streams;
        this.hidden = hidden;
        this.vocabulary = vocabulary;
        this.gateWidth = cellType == CellType.LSTM ? 4 * hidden : hidden;
        firstInputWeights = SingleStreamStepper.rowMajor(network.getParam("0_W"));
        inputWeights = new INDArray[layers];
        recurrentWeights = new INDArray[layers];
        biases = new float[layers][];
        h = new INDArray[layers];
        hValues = new float[layers][streams * hidden];
        c = new float[layers][streams * hidden];
        for (int l = 0; l < layers; l++) {
            if (l > 0) {
                inputWeights[l] = network.getParam(l + "_W").dup('c');
            }
            recurrentWeights[l] = network.getParam(l + "_RW").dup('c');
            biases[l] = network.getParam(l + "_b").toFloatVector();
            h[l] = Nd4j.zeros(DataType.FLOAT, streams, hidden);
        }
        outputWeights = network.getParam(layers + "_W").dup('c');
        outputBias = network.getParam(layers + "_b").toFloatVector();
        z = Nd4j.zeros(DataType.FLOAT, streams, gateWidth);
        zValues = new float[streams * gateWidth];
        logits = Nd4j.zeros(DataType.FLOAT, streams, vocabulary);
        probabilities = new float[streams][vocabulary];
    }

    /** Feeds one character per stream and returns each stream's next-character probabilities (reused arrays). */
    float[][] step(int[] ids) {
        for (int l = 0; l < h.length; l++) {
            for (int s = 0; s < streams; s++) {
                System.arraycopy(biases[l], 0, zValues, s * gateWidth, gateWidth);
                if (l == 0) {
                    int base = ids[s] * gateWidth;
                    int row = s * gateWidth;
                    for (int k = 0; k < gateWidth; k++) {
                        zValues[row + k] += firstInputWeights[base + k];
                    }
                }
            }
            z.data().setData(zValues);
            if (l > 0) {
                Nd4j.gemm(h[l - 1], inputWeights[l], z, false, false, 1.0, 1.0);
            }
            Nd4j.gemm(h[l], recurrentWeights[l], z, false, false, 1.0, 1.0);
            float[] gates = z.data().asFloat();
            for (int s = 0; s < streams; s++) {
                if (cellType == CellType.LSTM) {
                    CellMath.lstm(gates, s * gateWidth, hValues[l], c[l], s * hidden, hidden);
                } else {
                    CellMath.rnn(gates, s * gateWidth, hValues[l], s * hidden, hidden);
                }
            }
            h[l].data().setData(hValues[l]);
        }
        Nd4j.gemm(h[h.length - 1], outputWeights, logits, false, false, 1.0, 0.0);
        float[] values = logits.data().asFloat();
        for (int s = 0; s < streams; s++) {
            CellMath.softmax(values, s * vocabulary, outputBias, probabilities[s]);
        }
        return probabilities;
    }

}
