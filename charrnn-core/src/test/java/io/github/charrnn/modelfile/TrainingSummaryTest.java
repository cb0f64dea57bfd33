package io.github.charrnn.modelfile;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingSummaryTest {

    @Test
    void anUntrainedModelsSummaryHasNoLosses() {
        TrainingSummary untrained = TrainingSummary.UNTRAINED;
        assertEquals(0, untrained.steps());
        assertEquals(0, untrained.epochs());
        assertEquals(0, untrained.charactersTrained());
        assertNull(untrained.corpus());
        assertTrue(Double.isNaN(untrained.trainLoss()) && Double.isNaN(untrained.validationLoss()));
    }
}
