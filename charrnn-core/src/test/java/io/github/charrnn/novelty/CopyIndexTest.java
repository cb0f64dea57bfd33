package io.github.charrnn.novelty;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyIndexTest {

    @Test
    void findsAPlantedLongCopy() {
        SplittableRandom random = new SplittableRandom(3);
        String corpus = randomText(random, 20_000, "abcdefgh \n");
        String planted = corpus.substring(7_000, 7_120);
        String text = randomText(random, 300, "ijklmn") + planted + randomText(random, 300, "ijklmn");
        CopySpan copy = CopyIndex.of(corpus).longestCopy(text);
        assertEquals(120, copy.length());
        assertEquals(300, copy.start());
        assertEquals(planted, copy.text());
    }

    @Test
    void agreesWithABruteForceSearch() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            String corpus = randomText(random, 1 + random.nextInt(60), "abc");
            String text = randomText(random, random.nextInt(40), "abcd");
            CopySpan copy = CopyIndex.of(corpus).longestCopy(text);
            int expected = 0;
            for (int i = 0; i < text.length(); i++) {
                for (int j = i + 1; j <= text.length(); j++) {
                    if (corpus.contains(text.substring(i, j))) {
                        expected = Math.max(expected, j - i);
                    }
                }
            }
            assertEquals(expected, copy.length(), corpus + " / " + text);
            assertTrue(corpus.contains(copy.text()));
            assertEquals(copy.text(), text.substring(copy.start(), copy.start() + copy.length()));
        }
    }

    @Test
    void countsCodePointsOutsideTheBasicPlane() {
        String corpus = "春眠不觉晓😀处处闻啼鸟";
        CopySpan copy = CopyIndex.of(corpus).longestCopy("x不觉晓😀处y");
        assertEquals(5, copy.length());
        assertEquals(1, copy.start());
        assertEquals("不觉晓😀处", copy.text());
        assertEquals(CopySpan.NONE, CopyIndex.of(corpus).longestCopy("xyz"));
    }

    /** After a prime: a copy running into the generated text counts whole, one inside the prime not at all. */
    @Test
    void onlyCopiesReachingPastThePrimeCount() {
        CopyIndex index = CopyIndex.of("I'm looking for my partner in crime.\nOther lines.\n");
        String prime = "I'm looking for";
        CopySpan whole = index.longestCopy(prime + " my partner in crime.", prime.length());
        assertEquals(36, whole.length());
        assertEquals(0, whole.start());
        assertEquals(CopySpan.NONE, index.longestCopy(prime + "qzx", prime.length()));
        assertEquals(15, index.longestCopy(prime + "qzx").length());
        CopySpan after = index.longestCopy(prime + "qq lines.", prime.length());
        assertEquals(" lines.", after.text());
        assertEquals(17, after.start());
    }

    @Test
    void anEmptyCorpusIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CopyIndex.of(""));
    }

    private static String randomText(SplittableRandom random, int length, String alphabet) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
