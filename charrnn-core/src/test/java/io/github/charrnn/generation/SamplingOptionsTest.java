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

    @Test
    void theNewSettingsHaveDefaultsAndAreChecked() {
        SamplingOptions options = SamplingOptions.builder().build();
        assertEquals(1.0, options.topP());
        assertEquals(null, options.stopAt());
        assertEquals(io.github.charrnn.vocabulary.UnknownCharacters.ERROR, options.unknown());
        assertEquals(1, options.bestOf());
        assertEquals(0, options.beam());
        SamplingOptions all = SamplingOptions.builder().topP(0.9).stopAt("\n").bestOf(3)
                .unknown(io.github.charrnn.vocabulary.UnknownCharacters.SKIP).seed(1).build();
        assertEquals(all, all.toBuilder().build());
        assertEquals("top-p must be above 0 and at most 1 (1 keeps every character), got 0.0.",
                assertThrows(IllegalArgumentException.class, () -> SamplingOptions.builder().topP(0).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SamplingOptions.builder().topP(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> SamplingOptions.builder().topP(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> SamplingOptions.builder().stopAt("").build());
        assertThrows(IllegalArgumentException.class, () -> SamplingOptions.builder().bestOf(0).build());
        assertThrows(IllegalArgumentException.class, () -> SamplingOptions.builder().beam(-1).build());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> SamplingOptions.builder().beam(2).bestOf(2).build());
        assertEquals("best-of and beam cannot be combined: beam search is deterministic and keeps its own candidates;"
                + " use one of them.", both.getMessage());
    }
}
