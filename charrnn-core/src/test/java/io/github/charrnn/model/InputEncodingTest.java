package io.github.charrnn.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link InputEncoding}: one-hot up to {@link InputEncoding#EMBEDDING_ABOVE} symbols, an embedding above; parsing. */
class InputEncodingTest {

    @Test
    void vocabulariesAboveTheThresholdGetAnEmbedding() {
        assertEquals(256, InputEncoding.EMBEDDING_ABOVE);
        assertEquals(InputEncoding.ONEHOT, InputEncoding.defaultFor(2));
        assertEquals(InputEncoding.ONEHOT, InputEncoding.defaultFor(InputEncoding.EMBEDDING_ABOVE));
        assertEquals(InputEncoding.EMBEDDING, InputEncoding.defaultFor(InputEncoding.EMBEDDING_ABOVE + 1));
        assertEquals(InputEncoding.EMBEDDING, InputEncoding.defaultFor(5000));
    }

    @Test
    void parsesEitherNameInAnyCaseAndRefusesOthersInOneSentence() {
        assertEquals(InputEncoding.ONEHOT, InputEncoding.parse("OneHot"));
        assertEquals(InputEncoding.EMBEDDING, InputEncoding.parse(" embedding "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputEncoding.parse("one-hot"));
        assertEquals("Unknown input encoding 'one-hot'; allowed: onehot, embedding.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InputEncoding.parse(null));
    }
}
