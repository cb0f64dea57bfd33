package io.github.charrnn.training;

import io.github.charrnn.batching.BatchFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;

/** The symbol ids of one segment of a mini-batch, in the time-major row order the training passes use. */
final class SegmentIds {

    private SegmentIds() {
    }

    /**
     * Ids of time steps {@code from} to {@code from + time} of {@code features} in the given format: one-hot
     * [batch, vocabulary, time] (the id is the first largest element of each column, as ND4J's argMax gives it) or
     * ids [batch, 1, time]; element {@code t * batch + r} is row r at step t.
     */
    static int[] of(INDArray features, BatchFormat format, long from, int time) {
        boolean ids = format == BatchFormat.IDS;
        if (features.dataType() == DataType.FLOAT && features.rank() == 3) {
            return read(features, from, time, ids);
        }
        INDArray segment = features.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(from, from + time));
        INDArray byRow = ids ? segment.reshape(segment.size(0), time) : segment.argMax(1);
        INDArray byTime = byRow.transpose().dup('c');   // [batch, time] -> [time, batch]
        return byTime.reshape(byTime.length()).toIntVector();
    }

    /**
     * The same, read straight from the float buffer by the array's strides: a dozen ND4J operations (a view, an
     * argMax, a transposed copy) cost 0.6 ms a step at batch 32, sequence 50, where this loop takes a tenth of it.
     */
    private static int[] read(INDArray features, long from, int time, boolean ids) {
        int batch = (int) features.size(0);
        int width = (int) features.size(1);
        long[] strides = features.stride();
        FloatBuffer values = features.data().asNioFloat();
        long offset = features.offset();
        int[] result = new int[time * batch];
        try {
            for (int t = 0; t < time; t++) {
                for (int r = 0; r < batch; r++) {
                    long base = offset + r * strides[0] + (from + t) * strides[2];
                    if (ids) {
                        result[t * batch + r] = (int) values.get(Math.toIntExact(base));
                        continue;
                    }
                    int best = 0;
                    float bestValue = values.get(Math.toIntExact(base));
                    for (int v = 1; v < width; v++) {
                        float value = values.get(Math.toIntExact(base + v * strides[1]));
                        if (value > bestValue) {
                            bestValue = value;
                            best = v;
                        }
                    }
                    result[t * batch + r] = best;
                }
            }
        } finally {
            Reference.reachabilityFence(features);
        }
        return result;
    }
}
