package io.github.charrnn.datavec.batching;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.batching.CharBatchSource;
import io.github.charrnn.batching.OneHot;
import io.github.charrnn.datavec.corpus.EncodedText;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * What both batch modes share: a DL4J {@code DataSetIterator} ({@link CharBatchSource}: it says its format) over an encoded text producing features and labels
 * (labels = the next character of each feature), one-hot [batch, vocabulary, time] or, in the
 * {@link BatchFormat#IDS ids format}, [batch, 1, time].
 *
 * <p>Not thread-safe, like DL4J's iterators: one consumer at a time.
 */
public abstract class CharBatchIterator implements CharBatchSource {

    /** The encoded text the batches are cut from. */
    protected final EncodedText text;
    /** One-hot width: the vocabulary's size. */
    protected final int vocabularySize;
    /** Rows per mini-batch. */
    protected final int batchSize;
    /** Characters per window (the truncated-BPTT length). */
    protected final int sequenceLength;
    /** How characters are written into the arrays. */
    protected final BatchFormat format;
    /** DL4J's optional pre-processor, applied to each mini-batch. */
    private DataSetPreProcessor preProcessor;

    /** Keeps the text, the sizes and the format; batch size and sequence length must be at least 1. */
    protected CharBatchIterator(EncodedText text, int vocabularySize, int batchSize, int sequenceLength, BatchFormat format) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize + ".");
        }
        if (sequenceLength < 1) {
            throw new IllegalArgumentException("sequence length must be at least 1, got " + sequenceLength + ".");
        }
        this.text = text;
        this.vocabularySize = vocabularySize;
        this.batchSize = batchSize;
        this.sequenceLength = sequenceLength;
        this.format = java.util.Objects.requireNonNull(format, "format");
    }

    /** The message for a text too short for even one mini-batch. */
    protected static IllegalArgumentException tooShort(String part, int length, int batchSize, int sequenceLength, int needed) {
        return new IllegalArgumentException(String.format(
                "The %s text has %,d characters, fewer than one mini-batch of batch size %d and sequence length %d needs (%,d);"
                        + " use more text or a smaller batch size or sequence length.",
                part, length, batchSize, sequenceLength, needed));
    }

    /** Number of mini-batches in one pass. */
    public abstract int batchesPerEpoch();

    /** Sequence-length windows (training steps) in one pass. */
    public abstract long stepsPerEpoch();

    /** Sequence-length windows in each mini-batch (the last of a pass may have fewer). */
    public abstract int windowsPerBatch();

    /** Rows (features) and their next characters (labels) of the mini-batch to come. */
    protected abstract IdBatch nextRows();

    @Override
    public DataSet next() {
        IdBatch ids = nextIds();
        DataSet batch = new DataSet(encode(ids.features()), encode(ids.labels()));
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    /**
     * The next mini-batch as symbol ids rather than arrays, for callers that encode it elsewhere (for example on a
     * Spark executor).
     */
    public IdBatch nextIds() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more mini-batches in this epoch; call reset()");
        }
        return nextRows();
    }

    private INDArray encode(int[][] ids) {
        return format == BatchFormat.IDS ? OneHot.idSequences(ids) : OneHot.sequences(ids, vocabularySize);
    }

    /** How characters are written into the feature and label arrays. */
    @Override
    public BatchFormat format() {
        return format;
    }

    @Override
    public int sequenceLength() {
        return sequenceLength;
    }

    /** The next mini-batch; {@code num} must equal the batch size, which is fixed at construction. */
    @Override
    public DataSet next(int num) {
        if (num != batchSize) {
            throw new IllegalArgumentException("This iterator's batch size is fixed at " + batchSize + "; asked for " + num + ".");
        }
        return next();
    }

    @Override
    public int inputColumns() {
        return format.width(vocabularySize);
    }

    @Override
    public int totalOutcomes() {
        return vocabularySize;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
