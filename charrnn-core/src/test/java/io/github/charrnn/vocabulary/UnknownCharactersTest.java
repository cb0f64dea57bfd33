package io.github.charrnn.vocabulary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link UnknownCharacters}: the three settings, their spelling, and what each makes of a text. */
class UnknownCharactersTest {

    private static final Vocabulary ABC = Vocabulary.of("abc ");

    @Test
    void errorRefusesNamingTheCharacters() {
        UnknownCharactersException e = assertThrows(UnknownCharactersException.class,
                () -> UnknownCharacters.ERROR.encode(ABC, "abXcYX"));
        assertEquals(java.util.List.of((int) 'X', (int) 'Y'), e.codePoints());
        KnownText known = UnknownCharacters.ERROR.encode(ABC, "cab");
        assertArrayEquals(new int[]{3, 1, 2}, known.ids());
        assertEquals(0, known.unknownCharacters());
    }

    @Test
    void skipLeavesThemOutAndCounts() {
        KnownText known = UnknownCharacters.SKIP.encode(ABC, "aX😀b");
        assertEquals("ab", known.text());
        assertArrayEquals(new int[]{1, 2}, known.ids());
        assertEquals(2, known.unknownCharacters());
    }

    @Test
    void replaceReadsThemAsTheGivenCharacter() {
        KnownText known = UnknownCharacters.parse("replace:\\s").encode(ABC, "aX😀b");
        assertEquals("a  b", known.text());
        assertEquals(2, known.unknownCharacters());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnknownCharacters.parse("replace:Z").encode(ABC, "aX"));
        assertTrue(e.getMessage().startsWith("The replacement for unknown characters, 'Z' (U+005A), is not in the model's vocabulary"),
                e.getMessage());
    }

    @Test
    void parsesAndPrintsTheThreeForms() {
        for (String form : new String[]{"error", "skip", "replace:c", "replace:\\n", "replace:\\s", "replace:😀"}) {
            assertEquals(form, UnknownCharacters.parse(form).toString());
        }
        assertEquals(UnknownCharacters.replaceWith('\t'), UnknownCharacters.parse("replace:\\t"));
        for (String bad : new String[]{"", "Skip", "replace:", "replace:ab", "ignore"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnknownCharacters.parse(bad));
            assertTrue(e.getMessage().startsWith("The unknown-characters setting must be error, skip or replace:C"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new UnknownCharacters(UnknownCharacters.Action.SKIP, 'x'));
    }
}
