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

    @Test
    void aTextEndsAtItsStopTextOnEveryPath() {
        Generator generator = new Generator(network(), VOCABULARY, CONFIG);
        SamplingOptions options = SamplingOptions.builder().length(60).topK(0).seed(4).stopAt("fe").build();
        String one = generator.generate("b", options, cp -> { });
        assertTrue(one.endsWith("fe") && one.indexOf("fe") == one.length() - 2, one);
        List<String> several = generator.generate("b", 4, options);
        assertEquals(one, several.get(0));
        assertEquals(generator.generateWithRnnTimeStep("b", 4, options), several);
        for (String text : several) {
            assertTrue(text.contains("fe") ? text.indexOf("fe") == text.length() - 2 : text.length() == 60, text);
        }
    }

    @Test
    void bestOfKeepsTheCandidateWithTheHighestMeanLogProbability() {
        Generator generator = new Generator(network(), VOCABULARY, CONFIG);
        SamplingOptions sampled = SamplingOptions.builder().length(20).topK(0).temperature(1.5).seed(8).stopAt("é").build();
        Generation candidates = generator.generateTexts("ab", 5, sampled);
        GeneratedText best = candidates.texts().get(0);
        for (GeneratedText candidate : candidates.texts()) {
            if (candidate.meanLogProbability() > best.meanLogProbability()) {
                best = candidate;
            }
        }
        assertTrue(candidates.texts().stream().map(GeneratedText::text).distinct().count() > 1);
        Generation chosen = generator.generateTexts("ab", 1, sampled.toBuilder().bestOf(5).build());
        assertEquals(best, chosen.texts().get(0));
        // two texts of best-of-5: streams 0-4 and 5-9
        Generation ten = generator.generateTexts("ab", 10, sampled);
        Generation two = generator.generateTexts("ab", 2, sampled.toBuilder().bestOf(5).build());
        assertEquals(best, two.texts().get(0));
        assertEquals(BestOf.choose(ten.texts().subList(5, 10), 5).get(0), two.texts().get(1));
        // the single-stream path hands the chosen text over at the end
        List<Integer> handed = new ArrayList<>();
        assertEquals(best.text(), generator.generate("ab", sampled.toBuilder().bestOf(5).build(), handed::add));
        assertArrayEquals(best.text().codePoints().toArray(), handed.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void aTextsLogProbabilityIsTheModelsAtTemperatureOne() {
        MultiLayerNetwork network = network();
        Generator generator = new Generator(network, VOCABULARY, CONFIG);
        GeneratedText text = generator.generateTexts("ab", 1, SamplingOptions.builder().length(12).temperature(0.7)
                .seed(2).build()).texts().get(0);
        float[] expected = generator.nextCharacterProbabilities("ab");
        double logProbability = Math.log(expected[VOCABULARY.id(text.text().codePointAt(0))]);
        String context = "ab";
        for (int i = 1; i < 12; i++) {
            context += text.text().substring(i - 1, i);
            logProbability += Math.log(generator.nextCharacterProbabilities(context)[VOCABULARY.id(text.text().codePointAt(i))]);
        }
        assertEquals(logProbability, text.logProbability(), 1e-3);
        assertEquals(12, text.characters());
    }

    @Test
    void beamSearchIsDeterministicAndWidthOneIsGreedy() {
        Generator generator = new Generator(network(), VOCABULARY, CONFIG);
        String greedy = generator.generate("ab", SamplingOptions.builder().length(15).greedy(true).build(), cp -> { });
        SamplingOptions beam = SamplingOptions.builder().length(15).beam(1).build();
        assertEquals(greedy, generator.generate("ab", beam, cp -> { }));
        SamplingOptions wide = SamplingOptions.builder().length(15).beam(4).seed(1).build();
        Generation first = generator.generateTexts("ab", 3, wide);
        assertEquals(first, generator.generateTexts("ab", 3, wide.toBuilder().seed(99).build()));
        assertEquals(3, first.texts().size());
        // best first, and no worse than the greedy text's (the greedy text competes in the beam)
        GeneratedText greedyText = generator.generateTexts("ab", 1, SamplingOptions.builder().length(15).greedy(true).build())
                .texts().get(0);
        assertTrue(first.texts().get(0).meanLogProbability() >= greedyText.meanLogProbability() - 1e-9);
        assertTrue(first.texts().get(0).meanLogProbability() >= first.texts().get(2).meanLogProbability());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generator.generateTexts("ab", 5, wide));
        assertEquals("A beam search of width 4 gives at most 4 texts; asked for 5.", e.getMessage());
    }

    @Test
    void unknownPrimeCharactersAreSkippedOrReplacedWhenAsked() {
        Generator generator = new Generator(network(), VOCABULARY, CONFIG);
        SamplingOptions skip = SamplingOptions.builder().length(5).seed(1)
                .unknown(io.github.charrnn.vocabulary.UnknownCharacters.SKIP).build();
        Generation skipped = generator.generateTexts("aXbY", 1, skip);
        assertEquals("ab", skipped.prime());
        assertEquals(2, skipped.unknownCharacters());
        assertEquals(generator.generate("ab", skip, cp -> { }), skipped.texts().get(0).text());
        Generation replaced = generator.generateTexts("aXb", 1,
                skip.toBuilder().unknown(io.github.charrnn.vocabulary.UnknownCharacters.replaceWith(' ')).build());
        assertEquals("a b", replaced.prime());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generator.generateTexts("XY", 1, skip));
        assertEquals("The prime has no character the model knows: all 2 were skipped as unknown; give a prime with at"
                + " least one known character.", e.getMessage());
    }
}
