package io.github.charrnn.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What BuilderValidationTest leaves out: initialisation as PyTorch's, reproducible from the seed, and the embedding. */
class NetworkFactoryTest {

    private static final int VOCABULARY = 11;
    private static final CharRnnConfig CONFIG = new CharRnnConfig(16, 2, 0.3, 0.01, 5, 10, 77, CellType.LSTM);

    @Test
    void theSameSeedGivesTheSameNetworkAndAnotherSeedAnother() {
        INDArray params = NetworkFactory.create(VOCABULARY, CONFIG).params();
        assertEquals(params, NetworkFactory.create(VOCABULARY, CONFIG).params());
        CharRnnConfig otherSeed = new CharRnnConfig(16, 2, 0.3, 0.01, 5, 10, 78, CellType.LSTM);
        assertNotEquals(params, NetworkFactory.create(VOCABULARY, otherSeed).params());
        assertEquals(DataType.FLOAT, params.dataType());
    }

    /** Every weight from U(-1/sqrt(H), 1/sqrt(H)); recurrent biases are b_ih + b_hh, so within twice that. */
    @Test
    void weightsAndBiasesAreDrawnAsPyTorchDrawsThem() {
        MultiLayerNetwork network = NetworkFactory.create(VOCABULARY, CONFIG);
        double bound = 1 / Math.sqrt(16);
        for (String name : new String[]{"0_W", "0_RW", "1_W", "1_RW", "2_W"}) {
            INDArray w = network.getParam(name);
            assertTrue(w.amaxNumber().doubleValue() <= bound, name);
            assertTrue(w.amaxNumber().doubleValue() > 0.9 * bound, name + " uses the whole range");
        }
        for (String name : new String[]{"0_b", "1_b"}) {
            INDArray b = network.getParam(name);
            assertTrue(b.amaxNumber().doubleValue() <= 2 * bound, name);
            assertTrue(b.amaxNumber().doubleValue() > bound, name + " is a sum of two draws");
            // no constant forget-gate bias of 1 (DL4J's default): the forget gate's biases vary like the others
            INDArray forget = b.get(NDArrayIndex.interval(16, 32));
            assertTrue(forget.stdNumber().doubleValue() > 0.05, name);
        }
        INDArray outputBias = network.getParam("2_b");
        assertTrue(outputBias.amaxNumber().doubleValue() <= bound);
        assertTrue(outputBias.stdNumber().doubleValue() > 0);
    }

    @Test
    void anEmbeddingComesFirstFedIdsFromOneHotInput() {
        CharRnnConfig embedded = new CharRnnConfig(16, 1, 0, 0.01, 5, 10, 77, CellType.LSTM, InputEncoding.EMBEDDING, 6);
        MultiLayerConfiguration conf = NetworkFactory.configuration(VOCABULARY, embedded);
        EmbeddingSequenceLayer embedding = assertInstanceOf(EmbeddingSequenceLayer.class, conf.getConf(0).getLayer());
        assertEquals(VOCABULARY, embedding.getNIn());
        assertEquals(6, embedding.getNOut());
        assertInstanceOf(OneHotToIds.class, conf.getInputPreProcess(0));
        assertEquals(6, assertInstanceOf(LSTM.class, conf.getConf(1).getLayer()).getNIn());
        MultiLayerNetwork network = NetworkFactory.create(VOCABULARY, embedded);
        // N(0, 1) embedding vectors
        assertTrue(network.getParam("0_W").stdNumber().doubleValue() > 0.6);
    }
}
