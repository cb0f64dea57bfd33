package io.github.charrnn.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CellType#parse}: either name in any case and with spaces around it; anything else in one sentence. */
class CellTypeTest {

    @Test
    void parsesEitherNameInAnyCase() {
        assertEquals(CellType.LSTM, CellType.parse("lstm"));
        assertEquals(CellType.LSTM, CellType.parse(" LSTM "));
        assertEquals(CellType.RNN, CellType.parse("Rnn"));
    }

    @Test
    void refusesOtherNamesInOneSentenceListingTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CellType.parse("gru"));
        assertEquals("Unknown cell type 'gru'; allowed: lstm, rnn.", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CellType.parse(null)).getMessage()
                .contains("allowed: lstm, rnn."));
        assertThrows(IllegalArgumentException.class, () -> CellType.parse(""));
    }
}
