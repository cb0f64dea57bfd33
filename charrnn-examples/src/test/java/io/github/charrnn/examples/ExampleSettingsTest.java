package io.github.charrnn.examples;

import io.github.charrnn.datavec.training.SmallRun;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A builder starts from the library's small run, the settings of {@code ./charrnn train} on a bundled text; an
 * example's command line: {@code --help}, and a bad flag in one line.
 */
class ExampleSettingsTest {

    @Test
    void theBuilderStartsFromTheSmallRun() {
        ExampleSettings settings = ExampleSettings.builder("small").primes("The ").build();
        assertEquals(SmallRun.CONFIG.hiddenSize(), settings.hiddenSize());
        assertEquals(SmallRun.CONFIG.layers(), settings.layers());
        assertEquals(SmallRun.CONFIG.dropout(), settings.dropout());
        assertEquals(SmallRun.CONFIG.learningRate(), settings.learningRate());
        assertEquals(SmallRun.CONFIG.sequenceLength(), settings.sequenceLength());
        assertEquals(SmallRun.CONFIG.seed(), settings.seed());
        assertEquals(SmallRun.BATCH_SIZE, settings.batchSize());
        assertEquals(SmallRun.STEPS, settings.steps());
        assertEquals(600, settings.steps());
        assertEquals(12345, settings.seed());
        assertEquals(List.of("The "), settings.primes());
        assertEquals(Path.of("examples-out", "small.zip"), settings.modelFile());
    }

    @Test
    void helpPrintsEveryFlagAndTheExamplesDefaults() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertNull(PoemWriter.DEFAULTS.parseCommandLine("PoemWriter", new PrintStream(printed, true, StandardCharsets.UTF_8),
                "--steps", "9", "--help"));
        String help = printed.toString(StandardCharsets.UTF_8);
        assertTrue(help.startsWith("Usage: PoemWriter "), help);
        for (String flag : List.of("--text FILE", "[FILE]", "--steps N", "--hidden N", "--layers N", "--dropout P", "--lr RATE",
                "--batch N", "--seq N", "--prime TEXT", "--count N", "--length N", "--seed N", "--model ZIP", "--help")) {
            assertTrue(help.contains(flag), flag + " in " + help);
        }
        assertTrue(help.endsWith("defaults: " + PoemWriter.DEFAULTS + System.lineSeparator()), help);
    }

    @Test
    void aBadFlagIsOneLineThatPointsToHelp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NovelWriter.DEFAULTS.parseCommandLine("NovelWriter", System.out, "--stepz", "5"));
        assertEquals("Unknown option: '--stepz'; did you mean --steps? (usage: NovelWriter --help)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NovelWriter.DEFAULTS.parseCommandLine("NovelWriter", System.out, "--steps", "0"));
        assertEquals("--steps must be at least 1, got 0.", e.getMessage());
        assertEquals(List.of("Anna"), NovelWriter.DEFAULTS.parseCommandLine("NovelWriter", System.out, "--prime", "Anna").primes());
    }
}
