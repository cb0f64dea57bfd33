package io.github.charrnn.training;

import io.github.charrnn.kernel.OffHeapRows;

/**
 * The rows {@code [from, from + count)} of a mini-batch of {@code batch} rows, as one {@link BatchShard} computes
 * them. Segment data is time-major (row {@code t * batch + r} is time step t of sequence r); the shard's own copy
 * of it is time-major over its rows ({@code t * count + (r - from)}).
 */
record ShardRows(int batch, int from, int count) {

    ShardRows {
        if (from < 0 || count < 1 || from + count > batch) {
            throw new IllegalArgumentException("Rows " + from + ".." + (from + count - 1) + " are not rows of a batch of " + batch + ".");
        }
    }

    /** {@code shards} consecutive shares of {@code batch} rows, as equal as they can be (the first ones larger). */
    static ShardRows[] split(int batch, int shards) {
        ShardRows[] parts = new ShardRows[shards];
        int from = 0;
        for (int k = 0; k < shards; k++) {
            int count = batch / shards + (k < batch % shards ? 1 : 0);
            parts[k] = new ShardRows(batch, from, count);
            from += count;
        }
        return parts;
    }

    /** Whether these are all the rows of the batch. */
    boolean whole() {
        return from == 0 && count == batch;
    }

    /** This shard's elements of time-major ids of {@code time} steps of the batch; {@code all} itself if whole. */
    int[] ids(int[] all, int time) {
        if (whole()) {
            return all;
        }
        int[] mine = new int[time * count];
        for (int t = 0; t < time; t++) {
            System.arraycopy(all, t * batch + from, mine, t * count, count);
        }
        return mine;
    }

    /**
     * This shard's rows of time-major {@code all} ({@code time} steps of the batch), copied into {@code into}, which
     * is returned; {@code all} itself if whole.
     */
    OffHeapRows rows(OffHeapRows all, OffHeapRows into, int time) {
        if (whole()) {
            return all;
        }
        for (int t = 0; t < time; t++) {
            all.copyRowsTo((long) t * batch + from, into, (long) t * count, count);
        }
        return into;
    }
}
