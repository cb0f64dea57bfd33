package io.github.charrnn.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkLayoutTest {

    private static final CharRnnConfig ONE_HOT = new CharRnnConfig(4, 2, 0, 0.01, 5, 5, 3, CellType.LSTM);
    private static final CharRnnConfig EMBEDDED = new CharRnnConfig(4, 2, 0, 0.01, 5, 5, 3, CellType.LSTM,
            InputEncoding.EMBEDDING, 3);

    @Test
    void namesTheLayersAndParametersOfAOneHotNetwork() {
        NetworkLayout layout = NetworkLayout.of(ONE_HOT);
        assertFalse(layout.embedded());
        assertEquals(0, layout.recurrent(0));
        assertEquals(1, layout.recurrent(1));
        assertEquals(2, layout.output());
        assertEquals(3, layout.networkLayers());
        assertEquals("1_RW", layout.recurrentParam(1, "RW"));
        assertEquals("2_W", layout.outputParam("W"));
        MultiLayerNetwork network = NetworkFactory.create(6, ONE_HOT);
        assertEquals(layout.networkLayers(), network.getnLayers());
        assertArrayEquals(new long[]{4, 6}, network.getParam(layout.outputParam("W")).shape());
        assertSame(network.getParam("0_W"), layout.inputWeightsPerSymbol(network));
    }

    @Test
    void anEmbeddingShiftsTheLayersAndItsInputWeightsAreEmbeddingTimesW() {
        NetworkLayout layout = NetworkLayout.of(EMBEDDED);
        assertTrue(layout.embedded());
        assertEquals(1, layout.recurrent(0));
        assertEquals(3, layout.output());
        assertEquals("1_W", layout.recurrentParam(0, "W"));
        MultiLayerNetwork network = NetworkFactory.create(6, EMBEDDED);
        assertEquals(layout.networkLayers(), network.getnLayers());
        INDArray perSymbol = layout.inputWeightsPerSymbol(network);
        assertArrayEquals(new long[]{6, 16}, perSymbol.shape());   // [vocabulary, 4 gates x hidden]
        assertEquals(network.getParam("0_W").mmul(network.getParam("1_W")), perSymbol);
    }
}
