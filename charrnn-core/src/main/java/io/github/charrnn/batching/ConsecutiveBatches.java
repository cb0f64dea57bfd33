package io.github.charrnn.batching;

/**
 * Marks a {@link org.nd4j.linalg.dataset.api.iterator.DataSetIterator} whose mini-batches continue each other:
 * row r of a batch is the continuation of row r of the previous batch within an epoch (the articles'
 * get_batches). Evaluation carries the recurrent state from one such batch to the next; for other iterators
 * it starts every batch from a zero state.
 */
public interface ConsecutiveBatches {
}
