package io.github.charrnn.generation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SamplingOptionsTest {

    @Test
    void theBuilderStartsFromTheDocumentedDefaults() {
        SamplingOptions options = SamplingOptions.builder().build();
        assertEquals(200, options.length());
        assertEquals(5, options.topK());
        assertEquals(1.0, options.temperature());
        assertFalse(options.greedy());
        // a random seed each time (two equal draws of 64 bits are practically impossible)
        assertNotEquals(options.seed(), SamplingOptions.builder().build().seed());
    }

    @Test
    void toBuilderKeepsEveryValue() {
        SamplingOptions options = SamplingOptions.builder().length(7).topK(0).temperature(0.3).greedy(true).seed(99).build();
        assertEquals(options, options.toBuilder().build());
        assertEquals(new SamplingOptions(8, 0, 0.3, true, 99), options.toBuilder().length(8).build());
    }

    @Test
    void temperaturesThatAreNotFinitePositiveNumbersAreRefused() {
        for (double temperature : new double[]{-1, 0, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SamplingOptions.builder().temperature(temperature).build());
            assertEquals("temperature must be a finite number greater than 0, got " + temperature + ".", e.getMessage());
        }
        assertEquals(1e-9, SamplingOptions.builder().temperature(1e-9).build().temperature());
    }
}
