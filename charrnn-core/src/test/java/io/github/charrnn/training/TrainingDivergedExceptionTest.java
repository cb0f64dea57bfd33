package io.github.charrnn.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TrainingDivergedException}: the message names the step and the loss and says what to try. */
class TrainingDivergedExceptionTest {

    @Test
    void theMessageNamesTheStepTheLossAndTheRemedy() {
        TrainingDivergedException e = new TrainingDivergedException(42, Double.NaN);
        assertEquals("Training diverged at step 42 (loss NaN); try a lower learning rate or a smaller gradient clip.",
                e.getMessage());
        assertTrue(new TrainingDivergedException(7, Double.POSITIVE_INFINITY).getMessage()
                .contains("step 7 (loss Infinity)"));
        assertTrue(e instanceof RuntimeException);
    }
}
