package io.github.charrnn;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.charrnn.vocabulary.UnknownCharactersException;
import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocabularyTest {

    @Test
    void symbolsAreSortedByCodePointWhateverTheTextOrder() {
        assertEquals(List.of(" ", "a", "b", "c"), Vocabulary.of("cab a").symbols());
        assertEquals(Vocabulary.of("abc "), Vocabulary.of("  cba"));
    }

    @Test
    void supplementaryPlaneCharactersAreOneSymbolAndRoundTrip() {
        String text = "a😀b𠀋c😀";  // an emoji and a CJK Extension B character, each two UTF-16 chars
        Vocabulary vocabulary = Vocabulary.of(text);
        assertEquals(5, vocabulary.size());
        int[] ids = vocabulary.encode(text);
        assertEquals(6, ids.length);
        assertEquals(text, vocabulary.decode(ids));
    }

    @Test
    void jsonRoundTripKeepsIds() throws Exception {
        Vocabulary vocabulary = Vocabulary.of("héllo 世界 😀\n");
        ObjectMapper json = new ObjectMapper();
        Vocabulary back = json.readValue(json.writeValueAsString(vocabulary), Vocabulary.class);
        assertEquals(vocabulary, back);
        assertArrayEquals(vocabulary.encode("世界 😀"), back.encode("世界 😀"));
    }

    @Test
    void unknownCharactersAreNamed() {
        Vocabulary vocabulary = Vocabulary.of("abc");
        UnknownCharactersException e = assertThrows(UnknownCharactersException.class, () -> vocabulary.encode("abxyx"));
        assertEquals(List.of((int) 'x', (int) 'y'), e.codePoints());
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("'y'"), e.getMessage());
    }

    @Test
    void emptyTextHasNoVocabulary() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(""));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
}
