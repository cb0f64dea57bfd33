package io.github.charrnn.datavec.batching;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link BatchMode#parse}: "consecutive" or "random" in any case; anything else refused in one sentence. */
class BatchModeTest {

    @Test
    void parsesEitherNameInAnyCase() {
        assertEquals(BatchMode.CONSECUTIVE, BatchMode.parse("consecutive"));
        assertEquals(BatchMode.CONSECUTIVE, BatchMode.parse("Consecutive"));
        assertEquals(BatchMode.RANDOM, BatchMode.parse("RANDOM"));
        assertEquals(BatchMode.RANDOM, BatchMode.parse(" random "));
    }

    @Test
    void refusesOtherNamesInOneSentenceListingTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchMode.parse("shuffled"));
        assertEquals("Unknown batch mode 'shuffled'; allowed: consecutive, random.", e.getMessage());
        assertEquals("Unknown batch mode 'null'; allowed: consecutive, random.",
                assertThrows(IllegalArgumentException.class, () -> BatchMode.parse(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BatchMode.parse(""));
    }
}
