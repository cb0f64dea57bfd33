package io.github.charrnn.cli;

/**
 * The bounds {@code charrnn serve} puts on one request; a request past one of them gets 413.
 *
 * @param maxBodyBytes largest request body, in bytes
 * @param maxLength    most characters one text may ask for ({@code length})
 * @param maxCount     most texts one request may ask for ({@code count})
 */
record ServeLimits(int maxBodyBytes, int maxLength, int maxCount) {

    /** Default of {@code --max-body-bytes}: 16 KiB, room for a prime of thousands of characters. */
    static final int DEFAULT_MAX_BODY_BYTES = 16_384;
    /** Default of {@code --max-length}. */
    static final int DEFAULT_MAX_LENGTH = 10_000;
    /** Default of {@code --max-count}. */
    static final int DEFAULT_MAX_COUNT = 64;

    /** Checks that every limit is at least 1; the exception names the option. */
    ServeLimits {
        requirePositive("--max-body-bytes", maxBodyBytes);
        requirePositive("--max-length", maxLength);
        requirePositive("--max-count", maxCount);
    }

    private static void requirePositive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value + ".");
        }
    }
}
