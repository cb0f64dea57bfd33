package io.github.charrnn.training;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.batching.OneHot;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** {@link SegmentIds} reads a segment's ids time-major from one-hot or id features of any layout. */
class SegmentIdsTest {

    @Test
    void oneHotAndIdFeaturesGiveTheSameTimeMajorIds() {
        int[][] ids = new int[3][8];
        SplittableRandom random = new SplittableRandom(1);
        for (int[] row : ids) {
            for (int t = 0; t < row.length; t++) {
                row[t] = random.nextInt(5);
            }
        }
        int[] expected = new int[3 * 4];   // steps 2..5, time-major
        for (int t = 0; t < 4; t++) {
            for (int r = 0; r < 3; r++) {
                expected[t * 3 + r] = ids[r][2 + t];
            }
        }
        INDArray oneHot = OneHot.sequences(ids, 5);
        assertArrayEquals(expected, SegmentIds.of(oneHot, BatchFormat.ONE_HOT, 2, 4));
        assertArrayEquals(expected, SegmentIds.of(oneHot.dup('c'), BatchFormat.ONE_HOT, 2, 4));
        assertArrayEquals(expected, SegmentIds.of(OneHot.idSequences(ids), BatchFormat.IDS, 2, 4));
        // a view (every other row of a bigger batch) and a double array take the general path or the strided one alike
        INDArray doubled = Nd4j.concat(0, oneHot, oneHot);
        INDArray view = doubled.get(NDArrayIndex.interval(0, 3), NDArrayIndex.all(), NDArrayIndex.all());
        assertArrayEquals(expected, SegmentIds.of(view, BatchFormat.ONE_HOT, 2, 4));
        assertArrayEquals(expected, SegmentIds.of(oneHot.castTo(DataType.DOUBLE), BatchFormat.ONE_HOT, 2, 4));
    }

    @Test
    void aColumnWithTiesGivesItsFirstLargestElementAsArgMaxDoes() {
        INDArray features = Nd4j.zeros(DataType.FLOAT, 1, 4, 1);
        features.putScalar(new long[]{0, 1, 0}, 0.5);
        features.putScalar(new long[]{0, 3, 0}, 0.5);
        assertArrayEquals(new int[]{1}, SegmentIds.of(features, BatchFormat.ONE_HOT, 0, 1));
        assertArrayEquals(new int[]{1}, SegmentIds.of(features.castTo(DataType.DOUBLE), BatchFormat.ONE_HOT, 0, 1));
    }
}
