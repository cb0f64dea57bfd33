package io.github.charrnn.datavec.batching;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.datavec.corpus.EncodedText;

/**
 * The articles' get_batches: the text is cut to {@code n * batch * seq} characters and laid out as
 * {@code batch} rows of {@code n * seq} contiguous characters; window i holds columns
 * {@code [i*seq, (i+1)*seq)} of every row, and its targets are the same columns shifted by one, the last
 * target of the last window wrapping to column 0.
 *
 * <p>Each mini-batch spans {@code windowsPerBatch} consecutive windows, so DL4J's truncated BPTT carries the
 * hidden state across them and detaches it every {@code seq} characters; the next mini-batch continues the
 * rows where this one ended.
 */
public final class ConsecutiveBatchIterator extends CharBatchIterator {

    /** Windows in each row of the text. */
    private final int windowsPerRow;
    /** Characters in each row: the text cut into {@code batchSize} rows. */
    private final int rowLength;
    /** Windows of each row read in a pass: all of them, or the first ones of each row for a sample. */
    private final int windowsRead;
    /** Windows per mini-batch. */
    private final int windowsPerBatch;
    /** The first window of the next mini-batch. */
    private int nextWindow;

    /**
     * One-hot mini-batches.
     *
     * @param windowsPerBatch sequence-length windows per mini-batch (at least 1)
     * @throws IllegalArgumentException if the text is shorter than one mini-batch
     */
    public ConsecutiveBatchIterator(EncodedText text, int vocabularySize, int batchSize, int sequenceLength,
                                    int windowsPerBatch, String part) {
        this(text, vocabularySize, batchSize, sequenceLength, windowsPerBatch, part, BatchFormat.ONE_HOT);
    }

    /**
     * Mini-batches in the given format.
     *
     * @param windowsPerBatch sequence-length windows per mini-batch (at least 1)
     * @throws IllegalArgumentException if the text is shorter than one mini-batch
     */
    public ConsecutiveBatchIterator(EncodedText text, int vocabularySize, int batchSize, int sequenceLength,
                                    int windowsPerBatch, String part, BatchFormat format) {
        this(text, vocabularySize, batchSize, sequenceLength, windowsPerBatch, part, format, Long.MAX_VALUE);
    }

    /**
     * Mini-batches that read only the first {@code windowsRead} windows of each row: a fixed sample of the text,
     * spread evenly over it (each row starts {@code 1/batchSize} of the text after the one before), the same in
     * every pass.
     *
     * @param windowsRead windows read of each row (at least 1; more than a row has reads all of it)
     * @throws IllegalArgumentException if the text is shorter than one mini-batch
     */
    public ConsecutiveBatchIterator(EncodedText text, int vocabularySize, int batchSize, int sequenceLength,
                                    int windowsPerBatch, String part, BatchFormat format, long windowsRead) {
        super(text, vocabularySize, batchSize, sequenceLength, format);
        if (windowsRead < 1) {
            throw new IllegalArgumentException("windows read of each row must be at least 1, got " + windowsRead + ".");
        }
        if (windowsPerBatch < 1) {
            throw new IllegalArgumentException("windows per mini-batch must be at least 1, got " + windowsPerBatch + ".");
        }
        long perWindow = (long) batchSize * sequenceLength;
        this.windowsPerRow = (int) (text.length() / perWindow);
        if (windowsPerRow == 0) {
            throw tooShort(part, text.length(), batchSize, sequenceLength, (int) Math.min(Integer.MAX_VALUE, perWindow));
        }
        this.rowLength = windowsPerRow * sequenceLength;
        this.windowsRead = (int) Math.min(windowsPerRow, windowsRead);
        this.windowsPerBatch = Math.min(windowsPerBatch, this.windowsRead);
    }

    @Override
    public int batchesPerEpoch() {
        return (windowsRead + windowsPerBatch - 1) / windowsPerBatch;
    }

    @Override
    public long stepsPerEpoch() {
        return windowsRead;
    }

    @Override
    public int windowsPerBatch() {
        return windowsPerBatch;
    }

    /** True: row r of each mini-batch continues row r of the one before, so evaluation carries the state. */
    @Override
    public boolean consecutive() {
        return true;
    }

    @Override
    public boolean hasNext() {
        return nextWindow < windowsRead;
    }

    @Override
    public void reset() {
        nextWindow = 0;
    }

    @Override
    protected IdBatch nextRows() {
        int windows = Math.min(windowsPerBatch, windowsRead - nextWindow);
        int from = nextWindow * sequenceLength;
        int length = windows * sequenceLength;
        int[][] features = new int[batchSize][length];
        int[][] labels = new int[batchSize][length];
        for (int row = 0; row < batchSize; row++) {
            int rowStart = row * rowLength;
            for (int t = 0; t < length; t++) {
                int column = from + t;
                features[row][t] = text.id(rowStart + column);
                labels[row][t] = text.id(rowStart + (column + 1 < rowLength ? column + 1 : 0));
            }
        }
        nextWindow += windows;
        return new IdBatch(features, labels);
    }
}
