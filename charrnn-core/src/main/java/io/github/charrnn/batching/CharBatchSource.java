package io.github.charrnn.batching;

import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A DL4J {@link DataSetIterator} of character mini-batches that says how they are laid out, so that training and
 * evaluation need not infer it: their {@link BatchFormat}, and whether each mini-batch continues the one before.
 * charrnn-datavec's iterators are such sources; any other {@code DataSetIterator} is read as one-hot or ids by
 * its arrays' widths ({@link CharBatch#of}) and as not consecutive.
 */
public interface CharBatchSource extends DataSetIterator {

    /** The format of the features and the labels of every mini-batch. */
    BatchFormat format();

    /**
     * Whether row r of each mini-batch continues row r of the one before within a pass (the articles'
     * get_batches): evaluation then carries the recurrent state from batch to batch.
     */
    boolean consecutive();

    /**
     * Characters per sequence-length window of the mini-batches (a mini-batch spans one or more), or 0 where the
     * source does not say. Training checks it against the model's truncation length.
     */
    default int sequenceLength() {
        return 0;
    }

    /** Whether {@code batches} is a source whose mini-batches continue each other; false for other iterators. */
    static boolean consecutive(DataSetIterator batches) {
        return batches instanceof CharBatchSource source && source.consecutive();
    }
}
