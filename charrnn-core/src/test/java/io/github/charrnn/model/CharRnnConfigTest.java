package io.github.charrnn.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CharRnnConfigTest {

    @Test
    void theDefaultsAreTheArticles() {
        CharRnnConfig d = CharRnnConfig.DEFAULTS;
        assertEquals(512, d.hiddenSize());
        assertEquals(2, d.layers());
        assertEquals(0.5, d.dropout());
        assertEquals(0.001, d.learningRate());
        assertEquals(5.0, d.gradientClip());
        assertEquals(100, d.sequenceLength());
        assertEquals(CellType.LSTM, d.cellType());
        assertEquals(InputEncoding.ONEHOT, d.input());
        assertEquals(0, d.embeddingSize());
        assertFalse(d.embedded());
    }

    @Test
    void oneHotInputHasNoEmbeddingSizeAndNullMeansOneHot() {
        CharRnnConfig oneHot = new CharRnnConfig(8, 1, 0, 0.01, 5, 10, 1, CellType.LSTM, InputEncoding.ONEHOT, 64);
        assertEquals(0, oneHot.embeddingSize());
        CharRnnConfig unset = new CharRnnConfig(8, 1, 0, 0.01, 5, 10, 1, CellType.LSTM, null, 64);
        assertEquals(InputEncoding.ONEHOT, unset.input());
        assertEquals(oneHot, unset);
        CharRnnConfig embedded = new CharRnnConfig(8, 1, 0, 0.01, 5, 10, 1, CellType.RNN, InputEncoding.EMBEDDING, 64);
        assertTrue(embedded.embedded());
        assertEquals(64, embedded.embeddingSize());
    }

    @Test
    void valuesOutsideTheirRangesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CharRnnConfig(8, 1, 0, 0.01, 5, 10, 1, CellType.LSTM, InputEncoding.EMBEDDING, 0));
        assertEquals("embedding size must be at least 1, got 0.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CharRnnConfig(8, 1, Double.NaN, 0.01, 5, 10, 1, CellType.LSTM));
        assertThrows(IllegalArgumentException.class,
                () -> new CharRnnConfig(8, 1, 0, Double.POSITIVE_INFINITY, 5, 10, 1, CellType.LSTM));
        assertThrows(IllegalArgumentException.class, () -> new CharRnnConfig(8, 1, 0, Double.NaN, 5, 10, 1, CellType.LSTM));
        assertThrows(IllegalArgumentException.class, () -> new CharRnnConfig(8, 1, 0, 0.01, Double.NaN, 10, 1, CellType.LSTM));
        assertThrows(IllegalArgumentException.class,
                () -> new CharRnnConfig(8, 1, 0, 0.01, Double.POSITIVE_INFINITY, 10, 1, CellType.LSTM));
        assertEquals(0.0, new CharRnnConfig(8, 1, 0, 0.01, 0, 10, 1, CellType.LSTM).gradientClip());   // 0: no clipping
    }
}
