package io.github.charrnn.training;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.kernel.OffHeapRows;

/**
 * One truncated-BPTT segment of a mini-batch as every {@link BatchShard} reads it: all rows of the batch,
 * time-major (row {@code t * batch + r} is time step t of sequence r).
 *
 * @param time       time steps in the segment
 * @param ids        the input symbol ids, where the first layer reads ids (an embedding, or one-hot input without
 *                   dropout); else null
 * @param oneHotRows the one-hot input rows, where the first recurrent layer applies dropout to them; else null
 * @param targets    the targets: one row of probabilities per input row, or one column of ids
 * @param targetFormat which of the two {@code targets} holds
 * @param masks      per layer (the output layer last), the dropout mask of its input, or null where it has none
 */
record Segment(int time, int[] ids, OffHeapRows oneHotRows, OffHeapRows targets, BatchFormat targetFormat,
               OffHeapRows[] masks) {
}
