package io.github.charrnn.novelty;

import io.github.charrnn.CharRnn;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyGuardTest {

    private static final CharRnn MODEL = CharRnn.builder().vocabulary(Vocabulary.of("abc")).hiddenSize(4).layers(1).seed(1).build();
    private static final SamplingOptions OPTIONS = SamplingOptions.builder().length(30).topK(0).seed(5).build();

    @Test
    void aSampleWithinTheLimitIsKeptOnTheFirstDrawAndIsTheUnguardedSample() {
        CopyGuard guard = new CopyGuard(CopyIndex.of("abc"), 3, 5);
        List<CopyGuard.Sample> samples = guard.generate(MODEL, "a", 2, OPTIONS, UnaryOperator.identity());
        assertEquals(MODEL.generate("a", 2, OPTIONS), samples.stream().map(CopyGuard.Sample::generated).toList());
        for (CopyGuard.Sample s : samples) {
            assertTrue(s.accepted());
            assertEquals(1, s.tries());
            assertTrue(s.longestCopy().length() <= 3);
        }
    }

    /** Every string of six of a, b, c is in the corpus, so every 30-character sample copies at least six: never kept. */
    @Test
    void aSampleThatAlwaysCopiesIsDrawnTheGivenNumberOfTimesThenReported() {
        StringBuilder everySix = new StringBuilder();
        for (int n = 0; n < 729; n++) {
            for (int k = 0, v = n; k < 6; k++, v /= 3) {
                everySix.append("abc".charAt(v % 3));
            }
            everySix.append('\n');
        }
        CopyGuard guard = new CopyGuard(CopyIndex.of(everySix), 5, 3);
        List<CopyGuard.Sample> samples = guard.generate(MODEL, "a", 2, OPTIONS, UnaryOperator.identity());
        for (CopyGuard.Sample s : samples) {
            assertFalse(s.accepted());
            assertEquals(3, s.tries());
            assertTrue(s.longestCopy().length() >= 6);
        }
        assertEquals(OPTIONS.seed() + 2 * 2, samples.get(0).seed());   // third round: seeds from seed + 2 x count
    }

    /** A sample that copies is replaced by one drawn with another seed that does not. */
    @Test
    void aCopyingSampleIsDrawnAgain() {
        String first = MODEL.generate("a", OPTIONS);
        CopyGuard guard = new CopyGuard(CopyIndex.of(first), 20, 4);
        CopyGuard.Sample s = guard.generate(MODEL, "a", 1, OPTIONS, UnaryOperator.identity()).get(0);
        assertTrue(s.accepted());
        assertTrue(s.tries() > 1);
        assertTrue(s.longestCopy().length() <= 20);
        assertEquals(MODEL.generate("a", OPTIONS.toBuilder().seed(s.seed()).build()), s.generated());
    }

    @Test
    void limitsBelowOneAreRefused() {
        CopyIndex index = CopyIndex.of("abc");
        assertThrows(IllegalArgumentException.class, () -> new CopyGuard(index, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new CopyGuard(index, 1, 0));
    }
}
