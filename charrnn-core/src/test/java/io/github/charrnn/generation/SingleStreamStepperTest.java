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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SingleStreamStepperTest {

    private static final Vocabulary VOCABULARY = Vocabulary.of("abcdefghijklmnopqrstuvwxyz .,;!?'\\n");

    /** The fast path must give DL4J's own rnnTimeStep probabilities to 1e-4, character after character. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void givesTheSameProbabilitiesAsDl4jsRnnTimeStep(CellType cellType) {
        assertStepsLikeRnnTimeStep(new CharRnnConfig(24, 3, 0.5, 0.001, 5, 10, 99, cellType));
    }

    /** With an embedding the first layer's input rows are E·W, precomputed: still DL4J's probabilities. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void givesDl4jsProbabilitiesThroughAnEmbedding(CellType cellType) {
        assertStepsLikeRnnTimeStep(new CharRnnConfig(24, 3, 0.5, 0.001, 5, 10, 99, cellType, InputEncoding.EMBEDDING, 6));
    }

    private static void assertStepsLikeRnnTimeStep(CharRnnConfig config) {
        MultiLayerNetwork network = NetworkFactory.create(VOCABULARY.size(), config);
        NetworkLayout layout = NetworkLayout.of(config);
        // larger recurrent weights than at initialisation, as after training
        network.getParam(layout.recurrentParam(1, "RW")).muli(3);
        SingleStreamStepper stepper = new SingleStreamStepper(network, config.cellType(), layout, 24, VOCABULARY.size());
        int[] ids = VOCABULARY.encode("it was the best of times, it was the worst of times");
        network.rnnClearPreviousState();
        for (int id : ids) {
            INDArray expected = network.rnnTimeStep(OneHot.sequence(new int[]{id}, VOCABULARY.size()));
            float[] actual = stepper.step(id);
            assertArrayEquals(expected.reshape(expected.length()).toFloatVector(), actual, 1e-4f);
        }
        stepper.reset();
        network.rnnClearPreviousState();
        INDArray fresh = network.rnnTimeStep(OneHot.sequence(new int[]{ids[0]}, VOCABULARY.size()));
        assertArrayEquals(fresh.reshape(fresh.length()).toFloatVector(), stepper.step(ids[0]), 1e-4f);
    }

    /** The same seed samples the same text on the fast path as on DL4J's (the batched path with one stream). */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void samplesWhatDl4jSamples(CellType cellType) {
        CharRnnConfig config = new CharRnnConfig(32, 2, 0.5, 0.001, 5, 10, 5, cellType);
        MultiLayerNetwork network = NetworkFactory.create(VOCABULARY.size(), config);
        Generator generator = new Generator(network, VOCABULARY, config);
        for (long seed = 1; seed <= 3; seed++) {
            SamplingOptions options = SamplingOptions.builder().length(200).topK(5).seed(seed).build();
            List<String> viaDl4j = generator.generateWithRnnTimeStep("the ", 1, options);
            assertEquals(viaDl4j.get(0), generator.generate("the ", options, cp -> { }));
        }
    }
}
