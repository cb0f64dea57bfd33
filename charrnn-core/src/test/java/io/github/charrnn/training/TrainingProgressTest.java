package io.github.charrnn.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingProgressTest {

    @Test
    void perplexitiesAreExpOfTheLosses() {
        TrainingProgress progress = new TrainingProgress(10, 1, Math.log(4), Math.log(2.5), 100, true);
        assertEquals(4.0, progress.trainPerplexity(), 1e-12);
        assertEquals(2.5, progress.validationPerplexity(), 1e-12);
        assertTrue(Double.isNaN(new TrainingProgress(10, 1, 1, Double.NaN, 0, false).validationPerplexity()));
    }
}
