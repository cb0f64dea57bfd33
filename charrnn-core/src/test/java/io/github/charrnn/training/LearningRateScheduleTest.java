package io.github.charrnn.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every schedule follows its formula, step by step. */
class LearningRateScheduleTest {

    private static final double RATE = 0.01;

    @Test
    void constantIsTheRateThroughout() {
        LearningRateSchedule constant = LearningRateSchedule.constant(RATE);
        for (long s = 0; s < 50; s++) {
            assertEquals(RATE, constant.rateAt(s));
        }
        assertTrue(constant.flat());
    }

    @Test
    void warmupRampsLinearlyFromZeroToTheRate() {
        LearningRateSchedule warm = LearningRateSchedule.constant(RATE).withWarmup(4);
        assertEquals(RATE * 1 / 4, warm.rateAt(0), 1e-15);
        assertEquals(RATE * 2 / 4, warm.rateAt(1), 1e-15);
        assertEquals(RATE * 3 / 4, warm.rateAt(2), 1e-15);
        assertEquals(RATE, warm.rateAt(3), 1e-15);
        assertEquals(RATE, warm.rateAt(100), 1e-15);
    }

    @Test
    void stepMultipliesByTheDecayEveryNStepsAfterTheWarmup() {
        LearningRateSchedule step = new LearningRateSchedule(LearningRateSchedule.Kind.STEP, RATE, 2, 0.5, 3, 0, 0);
        for (long s = 2; s < 40; s++) {
            assertEquals(RATE * Math.pow(0.5, (s - 2) / 3), step.rateAt(s), 1e-15, "step " + s);
        }
        assertEquals(RATE, step.rateAt(4), 1e-15);
        assertEquals(RATE / 2, step.rateAt(5), 1e-15);
    }

    @Test
    void expDecaysSmoothly() {
        LearningRateSchedule exp = new LearningRateSchedule(LearningRateSchedule.Kind.EXP, RATE, 0, 0.9, 10, 0, 0);
        for (long s = 0; s < 40; s++) {
            assertEquals(RATE * Math.pow(0.9, s / 10.0), exp.rateAt(s), 1e-15, "step " + s);
        }
    }

    @Test
    void cosineGoesFromTheRateToTheMinimumOverThePlannedSteps() {
        LearningRateSchedule cosine = new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, RATE, 5, 1, 1, 0.001, 25);
        for (long s = 5; s < 25; s++) {
            double expected = 0.001 + (RATE - 0.001) * (1 + Math.cos(Math.PI * (s - 5) / 20)) / 2;
            assertEquals(expected, cosine.rateAt(s), 1e-15, "step " + s);
        }
        assertEquals(RATE, cosine.rateAt(5), 1e-15);
        assertEquals(0.001, cosine.rateAt(25), 1e-15);
        assertEquals(0.001, cosine.rateAt(1000), 1e-15);
    }

    @Test
    void refusesValuesOutsideTheirRangeInOneSentence() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.Kind.parse("linear"));
        assertThrows(IllegalArgumentException.class,
                () -> new LearningRateSchedule(LearningRateSchedule.Kind.STEP, RATE, 0, 1.5, 10, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, RATE, 10, 1, 1, 0, 10));
        assertThrows(IllegalArgumentException.class,
                () -> new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, RATE, 0, 1, 1, 0.1, 10));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(RATE).withWarmup(-1));
    }

    @Test
    void earlyStoppingCountsValidationsWithoutImprovement() {
        EarlyStopping state = EarlyStopping.withPatience(2).afterValidation(10, 2.0);
        assertEquals(2.0, state.bestLoss());
        state = state.afterValidation(20, 2.1);
        assertEquals(1, state.validationsWithoutImprovement());
        state = state.afterValidation(30, 1.9);
        assertEquals(0, state.validationsWithoutImprovement());
        assertEquals(30, state.bestStep());
        state = state.afterValidation(40, 1.9).afterValidation(50, 2.5);
        assertTrue(state.stopped());
        assertEquals(1.9, state.bestLoss());
    }
}
