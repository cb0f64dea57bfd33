package io.github.charrnn.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CharacterCountsTest {

    private static final CharacterCounts COUNTS = CharacterCounts.of("abracadabra 😀😀");

    @Test
    void countsCodePoints() {
        assertEquals(14, COUNTS.total());   // the emoji twice, one code point each
        assertEquals(7, COUNTS.distinct());
        assertEquals(5, COUNTS.count('a'));
        assertEquals(2, COUNTS.count(0x1F600));
        assertEquals(0, COUNTS.count('z'));
        assertEquals(0, CharacterCounts.of("").total());
    }

    @Test
    void rarestFirstWithTiesInCodePointOrder() {
        assertEquals(List.of(new CharacterCount(' ', 1), new CharacterCount('c', 1), new CharacterCount('d', 1),
                new CharacterCount('b', 2)), COUNTS.rarest(4));
        assertEquals(7, COUNTS.rarest(100).size());
        assertEquals(List.of(new CharacterCount(' ', 1), new CharacterCount('b', 2), new CharacterCount('c', 1),
                new CharacterCount('d', 1), new CharacterCount('r', 2), new CharacterCount(0x1F600, 2)), COUNTS.rarerThan(3));
    }
}
