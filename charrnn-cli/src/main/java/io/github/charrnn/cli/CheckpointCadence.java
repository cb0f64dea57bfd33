package io.github.charrnn.cli;

import java.time.Duration;

/**
 * How often {@code train --checkpoint-every} saves: every so many steps, every so much time, or never ({@code 0}).
 *
 * @param steps    steps between checkpoints, 0 unless given in steps
 * @param interval time between checkpoints, null unless given as a duration
 */
record CheckpointCadence(long steps, Duration interval) {

    /** What a run without {@code --checkpoint-every} does: a checkpoint every five minutes. */
    static final String DEFAULT = "5m";

    /** Whether any checkpoints are written. */
    boolean any() {
        return steps > 0 || interval != null;
    }

    /** Parses {@code --checkpoint-every}: a whole number of steps (0 for none) or a duration such as {@code 10m}. */
    static CheckpointCadence parse(String value) {
        String text = value.trim();
        if (Durations.isDuration(text)) {
            return new CheckpointCadence(0, Durations.parse("--checkpoint-every", text));
        }
        try {
            long steps = Long.parseLong(text);
            if (steps >= 0) {
                return new CheckpointCadence(steps, null);
            }
        } catch (NumberFormatException ignored) {
            // the message below
        }
        throw new IllegalArgumentException("--checkpoint-every takes a number of steps (0 for no checkpoints) or a duration"
                + " such as 10m or 1h; got '" + value + "'.");
    }
}
