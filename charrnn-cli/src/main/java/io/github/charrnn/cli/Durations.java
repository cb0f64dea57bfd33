package io.github.charrnn.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the command line takes them: {@code 90s}, {@code 10m}, {@code 2h}, {@code 1h30m}, {@code 1d}. */
final class Durations {

    private static final Pattern WHOLE = Pattern.compile("(\\d+[dhms])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

    private Durations() {
    }

    /** Whether {@code value} is written as a duration (digits and a unit), not as a plain number. */
    static boolean isDuration(String value) {
        return WHOLE.matcher(value.trim().toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException naming {@code flag} and the accepted forms, for anything else or for zero
     */
    static Duration parse(String flag, String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (!WHOLE.matcher(text).matches()) {
            throw new IllegalArgumentException(flag + " takes a duration such as 90s, 10m, 2h or 1h30m; got '" + value + "'.");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
        }
        if (total.isZero()) {
            throw new IllegalArgumentException(flag + " must be longer than 0, got '" + value + "'.");
        }
        return total;
    }
}
