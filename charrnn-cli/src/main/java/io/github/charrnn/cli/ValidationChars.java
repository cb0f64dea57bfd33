package io.github.charrnn.cli;

import io.github.charrnn.datavec.training.TrainingRun;

/** {@code --val-chars N|all}: how many characters a validation or an evaluation reads. */
final class ValidationChars {

    /** The flag's default, as the help shows it. */
    static final String DEFAULT = String.valueOf(TrainingRun.DEFAULT_VALIDATION_CHARS);

    private ValidationChars() {
    }

    /** A number of characters (at least 1) or {@code all}, as {@link TrainingRun#ALL_VALIDATION_CHARS}. */
    static long parse(String value) {
        String text = value.trim();
        if (text.equalsIgnoreCase("all")) {
            return TrainingRun.ALL_VALIDATION_CHARS;
        }
        try {
            long chars = Long.parseLong(text.replace("_", "").replace(",", ""));
            if (chars >= 1) {
                return chars;
            }
        } catch (NumberFormatException ignored) {
            // the message below
        }
        throw new IllegalArgumentException("--val-chars takes a number of characters of at least 1, or all; got '" + value + "'.");
    }
}
