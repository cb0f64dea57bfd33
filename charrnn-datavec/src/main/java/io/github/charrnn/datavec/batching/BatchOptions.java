package io.github.charrnn.datavec.batching;

import io.github.charrnn.batching.BatchFormat;

import java.util.Objects;

/**
 * How {@link CharBatches} cuts a text into mini-batches. Immutable; start from {@link #of} and change one setting
 * at a time with the {@code with…} methods.
 *
 * @param batchSize      rows per mini-batch (at least 1)
 * @param sequenceLength characters per window, the truncated-BPTT length (at least 1)
 * @param mode           consecutive windows (state carried) or random ones
 * @param seed           seed of the random windows' order (epoch e shuffles with seed + e)
 * @param maxWindows     at most this many windows in one consecutive training mini-batch (at least 1; see
 *                       {@link CharBatches#maxWindowsPerBatch})
 * @param format         one-hot or ids arrays ({@link BatchFormat#forInput} of the model's input trains fastest)
 * @param sampleChars    consecutive mini-batches read about this many characters at most: the first windows of each
 *                       row, so a fixed sample spread evenly over the text ({@link #ALL}, the default, for all of it)
 */
public record BatchOptions(int batchSize, int sequenceLength, BatchMode mode, long seed, int maxWindows,
                           BatchFormat format, long sampleChars) {

    /** {@link #sampleChars()} for the whole text. */
    public static final long ALL = Long.MAX_VALUE;

    /** Options that read the whole text. */
    public BatchOptions(int batchSize, int sequenceLength, BatchMode mode, long seed, int maxWindows, BatchFormat format) {
        this(batchSize, sequenceLength, mode, seed, maxWindows, format, ALL);
    }

    /** @throws IllegalArgumentException if a size is below 1 */
    public BatchOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(format, "format");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize + ".");
        }
        if (sequenceLength < 1) {
            throw new IllegalArgumentException("sequence length must be at least 1, got " + sequenceLength + ".");
        }
        if (maxWindows < 1) {
            throw new IllegalArgumentException("at least 1 window per mini-batch is needed, got " + maxWindows + ".");
        }
        if (sampleChars < 1) {
            throw new IllegalArgumentException("a sample needs at least 1 character, got " + sampleChars + ".");
        }
    }

    /**
     * Consecutive one-hot mini-batches of {@code batchSize} rows and {@code sequenceLength} characters, seed 0, at most
     * {@link CharBatches#AUTO_MAX_WINDOWS} windows each.
     */
    public static BatchOptions of(int batchSize, int sequenceLength) {
        return new BatchOptions(batchSize, sequenceLength, BatchMode.CONSECUTIVE, 0, CharBatches.AUTO_MAX_WINDOWS,
                BatchFormat.ONE_HOT);
    }

    /** These options with another batch mode. */
    public BatchOptions withMode(BatchMode mode) {
        return new BatchOptions(batchSize, sequenceLength, mode, seed, maxWindows, format, sampleChars);
    }

    /** These options with another seed. */
    public BatchOptions withSeed(long seed) {
        return new BatchOptions(batchSize, sequenceLength, mode, seed, maxWindows, format, sampleChars);
    }

    /** These options with another window limit. */
    public BatchOptions withMaxWindows(int maxWindows) {
        return new BatchOptions(batchSize, sequenceLength, mode, seed, maxWindows, format, sampleChars);
    }

    /** These options with another format. */
    public BatchOptions withFormat(BatchFormat format) {
        return new BatchOptions(batchSize, sequenceLength, mode, seed, maxWindows, format, sampleChars);
    }

    /** These options reading at most about {@code sampleChars} characters of a text ({@link #ALL} for all of it). */
    public BatchOptions withSampleChars(long sampleChars) {
        return new BatchOptions(batchSize, sequenceLength, mode, seed, maxWindows, format, sampleChars);
    }

    /** The windows of each row that consecutive mini-batches of these options read: all, or the sample's share. */
    public long windowsPerRowRead() {
        return sampleChars == ALL ? Long.MAX_VALUE : Math.max(1, sampleChars / ((long) batchSize * sequenceLength));
    }
}
