package io.github.charrnn.generation;

import io.github.charrnn.batching.OneHot;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkFactory;
import io.github.charrnn.vocabulary.UnknownCharactersException;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorTest {

    private static final Vocabulary VOCABULARY = Vocabulary.of("abcdefg é");
    private static final CharRnnConfig CONFIG = new CharRnnConfig(12, 2, 0, 0.01, 5, 10, 21, CellType.LSTM);

    private static MultiLayerNetwork network() {
        MultiLayerNetwork network = NetworkFactory.create(VOCABULARY.size(), CONFIG);
        network.params().muli(4);   // peaked distributions, as after training
        return network;
    }

    @Test
    void handsEachCharacterOverAsItIsChosenAndReturnsThemWithoutThePrime() {
        Generator generator = new Generator(network(), VOCABULARY, CONFIG);
        List<Integer> handed = new ArrayList<>();
        String text = generator.generate("abc", SamplingOptions.builder().length(30).seed(3).build(), handed::add);
        assertEquals(30, text.codePointCount(0, text.length()));
        assertArrayEquals(text.codePoints().toArray(), handed.stream().mapToInt(Integer::intValue).toArray());
        text.codePoints().forEach(cp -> assertTrue(VOCABULARY.contains(cp)));
    }

    @Test
    void severalStreamsAreSampledWithSeedPlusTheirIndexAsDl4jsRnnTimeStepDoes() {
        Generator generator = new Generator(network(), VOCABULARY, CONFIG);
        SamplingOptions options = SamplingOptions.builder().length(25).topK(3).seed(10).build();
        List<String> batched = generator.generate("ab", 3, options);
        assertEquals(generator.generateWithRnnTimeStep("ab", 3, options), batched);
        // stream i is what one stream with seed 10 + i gives
        for (int i = 0; i < 3; i++) {
            String single = generator.generate("ab", options.toBuilder().seed(10 + i).build(), cp -> { });
            assertEquals(single, batched.get(i), "stream " + i);
        }
        assertNotEquals(batched.get(0), batched.get(1));
    }

    @Test
    void nextCharacterProbabilitiesAreDl4jsAfterTheContext() {
        MultiLayerNetwork network = network();
        Generator generator = new Generator(network, VOCABULARY, CONFIG);
        float[] probabilities = generator.nextCharacterProbabilities("bad cafe");
        int[] ids = VOCABULARY.encode("bad cafe");
        network.rnnClearPreviousState();
        INDArray expected = network.output(OneHot.sequence(ids, VOCABULARY.size()))
                .get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(ids.length - 1));
        assertArrayEquals(expected.toFloatVector(), probabilities, 1e-5f);
        // no state is left behind: the same call gives the same answer
        assertArrayEquals(probabilities, generator.nextCharacterProbabilities("bad cafe"));
    }

    @Test
    void theSingleStreamWeightsAreCopiedAtTheFirstGeneration() {
        MultiLayerNetwork network = network();
        Generator generator = new Generator(network, VOCABULARY, CONFIG);
        SamplingOptions options = SamplingOptions.builder().length(40).seed(5).build();
        String first = generator.generate("a", options, cp -> { });
        network.params().muli(-1);   // changes what the network predicts ...
        assertEquals(first, generator.generate("a", options, cp -> { }));   // ... but not this generator's copy
        assertNotEquals(first, new Generator(network, VOCABULARY, CONFIG).generate("a", options, cp -> { }));
    }

    @Test
    void badPrimesAndCountsAreRefused() {
        Generator generator = new Generator(network(), VOCABULARY, CONFIG);
        SamplingOptions options = SamplingOptions.builder().length(3).build();
        assertThrows(IllegalArgumentException.class, () -> generator.generate("", options, cp -> { }));
        assertThrows(IllegalArgumentException.class, () -> generator.generate(null, 2, options));
        assertThrows(UnknownCharactersException.class, () -> generator.generate("xyz", options, cp -> { }));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generator.generate("a", 0, options));
        assertEquals("count must be at least 1, got 0.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> generator.nextCharacterProbabilities(""));
    }
}
