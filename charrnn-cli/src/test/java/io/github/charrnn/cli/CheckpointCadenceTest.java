package io.github.charrnn.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --checkpoint-every} in steps or as a duration, {@code --time-limit}, and one sentence for anything else. */
class CheckpointCadenceTest {

    @Test
    void stepsDurationsAndZero() {
        assertEquals(new CheckpointCadence(500, null), CheckpointCadence.parse("500"));
        assertEquals(new CheckpointCadence(0, Duration.ofMinutes(10)), CheckpointCadence.parse("10m"));
        assertEquals(new CheckpointCadence(0, Duration.ofMinutes(90)), CheckpointCadence.parse("1h30m"));
        assertTrue(!CheckpointCadence.parse("0").any());
        assertTrue(CheckpointCadence.parse(CheckpointCadence.DEFAULT).any());
        assertEquals(Duration.ofSeconds(90), Durations.parse("--time-limit", "90s"));
        assertEquals(Duration.ofDays(1), Durations.parse("--time-limit", "1D"));
    }

    @Test
    void anythingElseIsOneSentence() {
        assertEquals("--checkpoint-every takes a number of steps (0 for no checkpoints) or a duration such as 10m or 1h;"
                + " got 'soon'.", assertThrows(IllegalArgumentException.class, () -> CheckpointCadence.parse("soon")).getMessage());
        assertEquals("--checkpoint-every takes a number of steps (0 for no checkpoints) or a duration such as 10m or 1h;"
                + " got '-5'.", assertThrows(IllegalArgumentException.class, () -> CheckpointCadence.parse("-5")).getMessage());
        assertEquals("--time-limit takes a duration such as 90s, 10m, 2h or 1h30m; got '10'.",
                assertThrows(IllegalArgumentException.class, () -> Durations.parse("--time-limit", "10")).getMessage());
        assertEquals("--time-limit must be longer than 0, got '0m'.",
                assertThrows(IllegalArgumentException.class, () -> Durations.parse("--time-limit", "0m")).getMessage());
        CommandLineTest.Run refused = CommandLineTest.run("train", "--time-limit", "soon");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("--time-limit takes a duration such as 90s, 10m, 2h or 1h30m; got 'soon'."), refused.err());
        CommandLineTest.Run parallel = CommandLineTest.run("train", "--workers", "2", "--time-limit", "1h");
        assertEquals(1, parallel.exitCode());
        assertTrue(parallel.err().contains("--time-limit stops single-process runs only"), parallel.err());
    }
}
