package io.github.charrnn.cli;

/**
 * The bounds {@code charrnn serve} works within: what one request may ask for (past those it gets 413), how much
 * runs and waits at once (past the queue it gets 503), and how long a request may take. Each has an upper bound
 * too, so that no setting overflows an int or asks for more than a server could hold: the texts in progress are
 * at most maxStreams × maxLength characters, and nothing is sized by a limit before it is needed.
 *
 * @param maxBodyBytes   largest request body, in bytes
 * @param maxLength      most characters one text may ask for ({@code length})
 * @param maxCount       most texts one request may ask for ({@code count})
 * @param maxStreams     most texts generated at once (the rows of the shared batch)
 * @param maxQueue       most requests waiting for rows
 * @param timeoutSeconds a request's deadline, from its arrival, waiting included
 */
record ServeLimits(int maxBodyBytes, int maxLength, int maxCount, int maxStreams, int maxQueue, int timeoutSeconds) {

    /** Default of {@code --max-body-bytes}: 16 KiB, room for a prime of thousands of characters. */
    static final int DEFAULT_MAX_BODY_BYTES = 16_384;
    /** Default of {@code --max-length}. */
    static final int DEFAULT_MAX_LENGTH = 10_000;
    /** Default of {@code --max-count}. */
    static final int DEFAULT_MAX_COUNT = 64;
    /** Default of {@code --max-streams}: as many as {@code bench --streams} measures. */
    static final int DEFAULT_MAX_STREAMS = 64;
    /** Default of {@code --max-queue}. */
    static final int DEFAULT_MAX_QUEUE = 256;
    /** Default of {@code --timeout}, in seconds. */
    static final int DEFAULT_TIMEOUT_SECONDS = 120;

    static final int MAX_BODY_BYTES = 1 << 20;
    static final int MAX_LENGTH = 1_000_000;
    static final int MAX_STREAMS = 1024;
    static final int MAX_QUEUE = 10_000;
    static final int MAX_TIMEOUT_SECONDS = 3600;

    /** Checks every limit against its range; the exception names the option in one sentence. */
    ServeLimits {
        requireWithin("--max-body-bytes", maxBodyBytes, 1, MAX_BODY_BYTES);
        requireWithin("--max-length", maxLength, 1, MAX_LENGTH);
        requireWithin("--max-streams", maxStreams, 1, MAX_STREAMS);
        if (maxCount > maxStreams && maxCount <= MAX_STREAMS) {
            throw new IllegalArgumentException("--max-count " + maxCount + " is more than --max-streams " + maxStreams
                    + ", the texts generated at once; raise --max-streams or lower --max-count.");
        }
        requireWithin("--max-count", maxCount, 1, maxStreams);
        requireWithin("--max-queue", maxQueue, 0, MAX_QUEUE);
        requireWithin("--timeout", timeoutSeconds, 1, MAX_TIMEOUT_SECONDS);
    }

    /** Limits on one request, with the defaults for the rest. */
    ServeLimits(int maxBodyBytes, int maxLength, int maxCount) {
        this(maxBodyBytes, maxLength, maxCount, Math.max(DEFAULT_MAX_STREAMS, maxCount), DEFAULT_MAX_QUEUE,
                DEFAULT_TIMEOUT_SECONDS);
    }

    private static void requireWithin(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be from " + min + " to " + max + ", got " + value + ".");
        }
    }
}
