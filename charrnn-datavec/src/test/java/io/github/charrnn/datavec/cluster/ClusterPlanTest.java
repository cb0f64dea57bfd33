package io.github.charrnn.datavec.cluster;

import io.github.charrnn.training.TrainingOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ClusterPlan}: keeps valid values; refuses a size below 1, a validation fraction outside [0, 1), no options. */
class ClusterPlanTest {

    private static final TrainingOptions OPTIONS = TrainingOptions.builder().epochs(2).build();

    @Test
    void keepsValidValues() {
        ClusterPlan plan = new ClusterPlan(32, 50, 4, 0.1, 5, OPTIONS);
        assertEquals(32, plan.batchSize());
        assertEquals(50, plan.sequenceLength());
        assertEquals(4, plan.windowsPerBlock());
        assertEquals(0.1, plan.validationFraction());
        assertEquals(5, plan.averagingFrequency());
        assertSame(OPTIONS, plan.options());
        assertEquals(0.0, new ClusterPlan(1, 1, 1, 0, 1, OPTIONS).validationFraction());
    }

    @Test
    void refusesSizesBelowOneNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClusterPlan(0, 50, 4, 0.1, 5, OPTIONS));
        assertEquals("batch size, sequence length, windows per block and averaging frequency must each be at least 1,"
                + " got 0, 50, 4, 5.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClusterPlan(32, 0, 4, 0.1, 5, OPTIONS));
        assertThrows(IllegalArgumentException.class, () -> new ClusterPlan(32, 50, 0, 0.1, 5, OPTIONS));
        assertThrows(IllegalArgumentException.class, () -> new ClusterPlan(32, 50, 4, 0.1, 0, OPTIONS));
    }

    @Test
    void refusesAValidationFractionOutsideZeroToOneAndMissingOptions() {
        for (double bad : new double[]{-0.01, 1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ClusterPlan(32, 50, 4, bad, 5, OPTIONS));
            assertTrue(e.getMessage().startsWith("validation fraction must be in [0, 1), got "), e.getMessage());
        }
        assertEquals("training options must be given.",
                assertThrows(IllegalArgumentException.class, () -> new ClusterPlan(32, 50, 4, 0.1, 5, null)).getMessage());
    }
}
