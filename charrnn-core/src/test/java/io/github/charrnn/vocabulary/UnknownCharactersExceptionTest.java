package io.github.charrnn.vocabulary;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link UnknownCharactersException}: the message counts and names the characters; the list is kept as a copy. */
class UnknownCharactersExceptionTest {

    @Test
    void theMessageNamesEachUnknownCharacter() {
        UnknownCharactersException e = new UnknownCharactersException(List.of((int) 'x', 0x1F600, (int) '\t'));
        String message = e.getMessage();
        assertTrue(message.startsWith("The text has 3 characters that the model's vocabulary does not contain: "), message);
        assertTrue(message.contains("'x' (U+0078)"), message);
        assertTrue(message.contains("'😀' (U+1F600)"), message);
        assertTrue(message.contains("U+0009"), message);
        assertTrue(message.endsWith("; leave them out with --unknown skip, or read them as a character the model knows with"
                + " --unknown replace:C (UnknownCharacters in the library)."), message);
        assertEquals(List.of((int) 'x', 0x1F600, (int) '\t'), e.codePoints());
        assertTrue(e instanceof IllegalArgumentException);
    }

    @Test
    void theMessageNamesTenAndCountsTheRest() {
        List<Integer> many = new ArrayList<>();
        for (int cp = 0x4E00; cp < 0x4E00 + 263; cp++) {
            many.add(cp);
        }
        UnknownCharactersException e = new UnknownCharactersException(many);
        String message = e.getMessage();
        assertTrue(message.startsWith("The text has 263 characters that"), message);
        assertTrue(message.contains("(U+4E09) and 253 more; leave them out with --unknown skip"), message);
        assertEquals(10, message.split("\\(U\\+").length - 1, message);
        assertEquals(263, e.codePoints().size());
        assertTrue(message.startsWith(e.summary() + "; leave them out"), message);
        assertTrue(e.summary().endsWith("(U+4E09) and 253 more"), e.summary());
    }

    @Test
    void oneCharacterIsSingularAndTheListIsACopy() {
        List<Integer> unknown = new ArrayList<>(List.of((int) 'é'));
        UnknownCharactersException e = new UnknownCharactersException(unknown);
        assertTrue(e.getMessage().startsWith("The text has 1 character that"), e.getMessage());
        unknown.add((int) 'z');
        assertEquals(List.of((int) 'é'), e.codePoints());
        assertThrows(UnsupportedOperationException.class, () -> e.codePoints().add(1));
    }

    @Test
    void aVocabularyNamesWhatItLacks() {
        Vocabulary vocabulary = Vocabulary.of("abc");
        List<Integer> unknown = vocabulary.unknownCodePoints("abXcYX");
        UnknownCharactersException e = new UnknownCharactersException(unknown);
        assertEquals(List.of((int) 'X', (int) 'Y'), e.codePoints());
        assertTrue(e.getMessage().contains("'X' (U+0058), 'Y' (U+0059)"), e.getMessage());
    }
}
