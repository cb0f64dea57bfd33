package io.github.charrnn;

import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.vocabulary.UnknownCharactersException;
import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerationTest {

    private static CharRnn model;

    @BeforeAll
    static void untrainedModel() {
        // an untrained model spreads its probability widely, which makes sampling differences visible
        model = CharRnn.builder().vocabulary(Vocabulary.of("abcdefghij klmnopqrstuvwxyz.")).hiddenSize(16).layers(2)
                .seed(11).build();
    }

    @Test
    void sameSeedGivesSameSample() {
        SamplingOptions options = SamplingOptions.builder().length(80).topK(0).seed(42).build();
        String first = model.generate("the", options);
        assertEquals(80, first.codePointCount(0, first.length()));
        assertEquals(first, model.generate("the", options));
        assertNotEquals(first, model.generate("the", options.toBuilder().seed(43).build()));
    }

    @Test
    void topKOneIsGreedy() {
        String greedy = model.generate("abc", SamplingOptions.builder().length(40).greedy(true).seed(1).build());
        String topOne = model.generate("abc", SamplingOptions.builder().length(40).topK(1).seed(99).build());
        assertEquals(greedy, topOne);
    }

    @Test
    void topKSamplesOnlyAmongTheKMostLikely() {
        float[] p = model.nextCharacterProbabilities("hello");
        int[] order = java.util.stream.IntStream.range(0, p.length).boxed()
                .sorted((a, b) -> Float.compare(p[b], p[a])).mapToInt(Integer::intValue).toArray();
        String allowed = model.vocabulary().decode(order[0], order[1]);
        for (long seed = 0; seed < 20; seed++) {
            String next = model.generate("hello", SamplingOptions.builder().length(1).topK(2).seed(seed).build());
            assertTrue(allowed.contains(next), "'" + next + "' is not among the 2 most likely: " + allowed);
        }
    }

    @Test
    void lowTemperatureApproachesGreedy() {
        String greedy = model.generate("xyz", SamplingOptions.builder().length(30).greedy(true).build());
        String cold = model.generate("xyz", SamplingOptions.builder().length(30).topK(0).temperature(1e-3).seed(5).build());
        assertEquals(greedy, cold);
    }

    @Test
    void primeWithUnknownCharactersIsRejectedNamingThem() {
        UnknownCharactersException e = assertThrows(UnknownCharactersException.class,
                () -> model.generate("abc!?", SamplingOptions.builder().build()));
        assertTrue(e.getMessage().contains("'!'") && e.getMessage().contains("'?'"), e.getMessage());
    }

    @Test
    void emptyPrimeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.generate("", SamplingOptions.builder().build()));
        assertEquals("The prime must contain at least one character.", e.getMessage());
    }

    @Test
    void batchedGenerationGivesIndependentReproducibleTexts() {
        SamplingOptions options = SamplingOptions.builder().length(30).topK(0).seed(100).build();
        java.util.List<String> texts = model.generate("abc", 8, options);
        assertEquals(8, texts.size());
        texts.forEach(t -> assertEquals(30, t.length()));
        assertEquals(texts, model.generate("abc", 8, options));
        assertTrue(new java.util.HashSet<>(texts).size() > 1, "different seeds give different texts");
        java.util.List<String> greedy = model.generate("abc", 3, options.toBuilder().greedy(true).build());
        assertEquals(model.generate("abc", options.toBuilder().greedy(true).build()), greedy.get(0),
                "greedy text from the batch equals the single-stream one");
        assertEquals(greedy.get(0), greedy.get(2));
    }

    @Test
    void probabilitiesSumToOne() {
        float[] p = model.nextCharacterProbabilities("a b");
        double sum = 0;
        for (float v : p) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-4);
        assertEquals(model.vocabulary().size(), p.length);
    }

    @Test
    void scoringAgreesWithEvaluationAndSkipsOrReplacesUnknownCharacters() {
        String text = "the quick brown fox jumps over the lazy dog.";
        io.github.charrnn.evaluation.ScoredText scored = model.score(null, text, io.github.charrnn.vocabulary.UnknownCharacters.ERROR);
        assertEquals("t", scored.prime());
        assertEquals(text.substring(1), scored.text());
        assertEquals(text.length() - 1, scored.score().characters());
        assertEquals(model.evaluate(text).loss(), scored.score().meanLoss(), 1e-9);
        // per character: the model's probability after everything before
        float[] p = model.nextCharacterProbabilities("the quick");
        assertEquals(p[model.vocabulary().id(' ')], scored.score().probability(8), 1e-5);
        // a prime conditions: the same losses as scoring prime + text from the prime's end
        io.github.charrnn.evaluation.ScoredText primed = model.score("the quick", " brown fox", io.github.charrnn.vocabulary.UnknownCharacters.ERROR);
        assertEquals(10, primed.score().characters());
        assertEquals(scored.score().loss(8), primed.score().loss(0), 1e-9);

        String foreign = "the Quick brown Fox";
        assertThrows(UnknownCharactersException.class, () -> model.score(null, foreign, io.github.charrnn.vocabulary.UnknownCharacters.ERROR));
        io.github.charrnn.evaluation.ScoredText skipped = model.score(null, foreign, io.github.charrnn.vocabulary.UnknownCharacters.SKIP);
        assertEquals(2, skipped.unknownCharacters());
        assertEquals("he uick brown ox", skipped.text());
        assertEquals(model.evaluate("the uick brown ox").loss(), skipped.score().meanLoss(), 1e-9);
        assertEquals(model.evaluate(foreign, io.github.charrnn.vocabulary.UnknownCharacters.SKIP).loss(), skipped.score().meanLoss(), 1e-9);
        io.github.charrnn.evaluation.ScoredText replaced = model.score(null, foreign, io.github.charrnn.vocabulary.UnknownCharacters.replaceWith('x'));
        assertEquals("he xuick brown xox", replaced.text());
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> model.score(null, "Q", io.github.charrnn.vocabulary.UnknownCharacters.SKIP));
        assertTrue(tooShort.getMessage().startsWith("A text to score needs at least 2 characters the model knows"), tooShort.getMessage());
    }
}
