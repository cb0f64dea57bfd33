package io.github.charrnn.training;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The symbol ids of one segment of a mini-batch, in the time-major row order the training passes use. */
final class SegmentIds {

    private SegmentIds() {
    }

    /**
     * Ids of time steps {@code from} to {@code from + time} of {@code features}: one-hot [batch, vocabulary, time]
     * or ids [batch, 1, time] (told apart by {@code vocabularySize}); element {@code t * batch + r} is row r at step t.
     */
    static int[] of(INDArray features, long from, int time, long vocabularySize) {
        INDArray segment = features.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(from, from + time));
        INDArray byRow = features.size(1) == 1 && vocabularySize > 1
                ? segment.reshape(segment.size(0), time) : segment.argMax(1);
        INDArray byTime = byRow.transpose().dup('c');   // [batch, time] -> [time, batch]
        return byTime.reshape(byTime.length()).toIntVector();
    }
}
