package io.github.charrnn.generation;

import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.InputEncoding;
import io.github.charrnn.model.NetworkFactory;
import io.github.charrnn.model.NetworkLayout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The weights a single stream reads, copied out of DL4J's parameters and split by gate, element by element. */
class StreamWeightsTest {

    private static final int VOCABULARY = 5;
    private static final int HIDDEN = 3;

    @ParameterizedTest
    @EnumSource(CellType.class)
    void splitsEveryParameterByGate(CellType cellType) {
        CharRnnConfig config = new CharRnnConfig(HIDDEN, 2, 0, 0.01, 5, 4, 11, cellType);
        MultiLayerNetwork network = NetworkFactory.create(VOCABULARY, config);
        NetworkLayout layout = NetworkLayout.of(config);
        randomise(network);
        StreamWeights weights = new StreamWeights(network, cellType, layout, HIDDEN, VOCABULARY);
        int gates = cellType == CellType.LSTM ? 4 : 1;
        assertEquals(gates, weights.gateCount);
        assertEquals(2, weights.layers);
        assertEquals(HIDDEN, weights.hidden);
        assertEquals(VOCABULARY, weights.vocabulary);

        INDArray w0 = network.getParam(layout.recurrentParam(0, "W"));
        INDArray rw0 = network.getParam(layout.recurrentParam(0, "RW"));
        INDArray w1 = network.getParam(layout.recurrentParam(1, "W"));
        INDArray rw1 = network.getParam(layout.recurrentParam(1, "RW"));
        float[] b1 = network.getParam(layout.recurrentParam(1, "b")).toFloatVector();
        for (int q = 0; q < gates; q++) {
            for (int k = 0; k < HIDDEN; k++) {
                int column = q * HIDDEN + k;
                for (int v = 0; v < VOCABULARY; v++) {
                    assertEquals(w0.getFloat(v, column), weights.firstInput[q][v][k]);
                }
                for (int i = 0; i < HIDDEN; i++) {
                    assertEquals(rw0.getFloat(i, column), weights.weights[0][q][i][k]);   // layer 0: RW only
                    assertEquals(w1.getFloat(i, column), weights.weights[1][q][i][k]);   // above: [W; RW]
                    assertEquals(rw1.getFloat(i, column), weights.weights[1][q][HIDDEN + i][k]);
                }
                assertEquals(b1[column], weights.biases[1][q][k]);
            }
        }
        assertEquals(HIDDEN, weights.weights[0][0].length);
        assertEquals(2 * HIDDEN, weights.weights[1][0].length);

        INDArray outputW = network.getParam(layout.outputParam("W"));
        for (int i = 0; i < HIDDEN; i++) {
            assertArrayEquals(outputW.getRow(i).toFloatVector(), weights.outputWeights[i]);
        }
        assertArrayEquals(network.getParam(layout.outputParam("b")).toFloatVector(), weights.outputBias);
    }

    @Test
    void withAnEmbeddingTheFirstInputIsTheEmbeddingTimesTheInputWeights() {
        CharRnnConfig config = new CharRnnConfig(HIDDEN, 1, 0, 0.01, 5, 4, 11, CellType.LSTM, InputEncoding.EMBEDDING, 2);
        MultiLayerNetwork network = NetworkFactory.create(VOCABULARY, config);
        NetworkLayout layout = NetworkLayout.of(config);
        randomise(network);
        StreamWeights weights = new StreamWeights(network, CellType.LSTM, layout, HIDDEN, VOCABULARY);
        INDArray perSymbol = network.getParam("0_W").mmul(network.getParam(layout.recurrentParam(0, "W")));
        for (int q = 0; q < 4; q++) {
            for (int v = 0; v < VOCABULARY; v++) {
                for (int k = 0; k < HIDDEN; k++) {
                    assertEquals(perSymbol.getFloat(v, q * HIDDEN + k), weights.firstInput[q][v][k], 1e-6f);
                }
            }
        }
    }

    @Test
    void rowMajorReadsAnyArrayRowByRow() {
        INDArray f = Nd4j.create(new float[]{1, 2, 3, 4, 5, 6}, new long[]{2, 3}, 'f');   // rows [1 3 5], [2 4 6]
        assertArrayEquals(new float[]{1, 3, 5, 2, 4, 6}, StreamWeights.rowMajor(f));
        assertArrayEquals(new float[]{1, 2}, StreamWeights.rowMajor(f.getColumn(0).reshape(1, 2)));
    }

    /** Distinct values everywhere (biases included), so a mix-up of rows, columns or gates shows. */
    private static void randomise(MultiLayerNetwork network) {
        network.setParams(Nd4j.rand(DataType.FLOAT, 1, network.numParams()).subi(0.5));
    }
}
