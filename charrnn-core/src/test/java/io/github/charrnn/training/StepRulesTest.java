package io.github.charrnn.training;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link StepRules}: the rules Trainer and RoundLoop share. */
class StepRulesTest {

    @Test
    void theStepLimitEndsTheRunAndCutsTheLastMiniBatch() {
        StepRules limited = new StepRules(TrainingOptions.builder().epochs(3).maxSteps(10).build());
        assertFalse(limited.limitReached(9));
        assertTrue(limited.limitReached(10));
        assertEquals(4, limited.stepsAllowed(3, 4));
        assertEquals(2, limited.stepsAllowed(8, 4));
        StepRules unlimited = new StepRules(TrainingOptions.builder().epochs(3).build());
        assertFalse(unlimited.limitReached(Long.MAX_VALUE));
        assertEquals(64, unlimited.stepsAllowed(1_000_000, 64));
    }

    @Test
    void epochsBeginUntilTheLastOrTheLimit() {
        StepRules rules = new StepRules(TrainingOptions.builder().epochs(2).maxSteps(10).build());
        assertTrue(rules.epochBegins(1, 0));
        assertTrue(rules.epochBegins(2, 9));
        assertFalse(rules.epochBegins(2, 10));
        assertFalse(rules.epochBegins(3, 0));
    }

    @Test
    void validationIsDueEveryIntervalAndAtEachEpochsEnd() {
        StepRules every5 = new StepRules(TrainingOptions.builder().validateEvery(5).build());
        assertFalse(every5.validationDue(4, 0));
        assertTrue(every5.validationDue(5, 0));
        assertTrue(every5.validationDue(12, 5));
        assertTrue(every5.validationDueAtEpochEnd(12, 10));
        assertFalse(every5.validationDueAtEpochEnd(10, 10));
        StepRules never = new StepRules(TrainingOptions.builder().validateEvery(0).build());
        assertFalse(never.validationDue(1_000, 0));
        assertTrue(never.validationDueAtEpochEnd(1_000, 0));
    }

    @Test
    void aNonFiniteLossAndAnEmptyEpochHaveOneMessageEach() {
        StepRules.checkFinite(3, 1.5);
        TrainingDivergedException diverged = assertThrows(TrainingDivergedException.class,
                () -> StepRules.checkFinite(7, Double.NaN));
        assertEquals("Training diverged at step 7 (loss NaN); try a lower learning rate or a smaller gradient clip.",
                diverged.getMessage());
        assertThrows(TrainingDivergedException.class, () -> StepRules.checkFinite(7, Double.POSITIVE_INFINITY));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> StepRules.checkNotEmpty(Collections.emptyIterator()));
        assertEquals("The training data produced no mini-batch.", empty.getMessage());
        var pass = List.of(1).iterator();
        assertSame(pass, StepRules.checkNotEmpty(pass));
    }
}
