package io.github.charrnn.generation;

import io.github.charrnn.batching.OneHot;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.NetworkLayout;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.InputEncoding;
import io.github.charrnn.model.NetworkFactory;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BatchedStepperTest {

    private static final Vocabulary VOCABULARY = Vocabulary.of("abcdefghijklmnopqrstuvwxyz .,;!?'\\n");

    /** Several streams at once give DL4J's rnnTimeStep probabilities on the same batch to 1e-4. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void givesTheSameProbabilitiesAsDl4jsRnnTimeStep(CellType cellType) {
        assertStepsLikeRnnTimeStep(new CharRnnConfig(20, 2, 0.5, 0.001, 5, 10, 17, cellType));
    }

    /** Through an embedding too (its E·W rows precomputed). */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void givesDl4jsProbabilitiesThroughAnEmbedding(CellType cellType) {
        assertStepsLikeRnnTimeStep(new CharRnnConfig(20, 2, 0.5, 0.001, 5, 10, 17, cellType, InputEncoding.EMBEDDING, 5));
    }

    private static void assertStepsLikeRnnTimeStep(CharRnnConfig config) {
        MultiLayerNetwork network = NetworkFactory.create(VOCABULARY.size(), config);
        NetworkLayout layout = NetworkLayout.of(config);
        network.getParam(layout.recurrentParam(0, "RW")).muli(3);
        int streams = 4;
        BatchedStepper stepper = new BatchedStepper(network, config.cellType(), layout, 20, VOCABULARY.size(), streams);
        String[] texts = {"the quick brown fox", "jumps over the lazy", "dog, and then again", "it was the best of t"};
        network.rnnClearPreviousState();
        for (int t = 0; t < texts[0].length(); t++) {
            int[] ids = new int[streams];
            int[][] column = new int[streams][];
            for (int s = 0; s < streams; s++) {
                ids[s] = VOCABULARY.id(texts[s].charAt(t));
                column[s] = new int[]{ids[s]};
            }
            INDArray expected = network.rnnTimeStep(OneHot.sequences(column, VOCABULARY.size()));
            float[][] expectedRows = (expected.rank() == 3 ? expected.reshape(streams, VOCABULARY.size()) : expected).toFloatMatrix();
            float[][] actual = stepper.step(ids);
            for (int s = 0; s < streams; s++) {
                assertArrayEquals(expectedRows[s], actual[s], 1e-4f, "stream " + s + " at step " + t);
            }
        }
    }

    /** The same seeds sample the same texts on the batched path as on DL4J's. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void samplesWhatDl4jSamples(CellType cellType) {
        CharRnnConfig config = new CharRnnConfig(32, 2, 0.5, 0.001, 5, 10, 5, cellType);
        Generator generator = new Generator(NetworkFactory.create(VOCABULARY.size(), config), VOCABULARY, config);
        SamplingOptions options = SamplingOptions.builder().length(150).topK(5).seed(21).build();
        assertEquals(generator.generateWithRnnTimeStep("the ", 5, options), generator.generate("the ", 5, options));
    }
}
