package io.github.charrnn.training;

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
        assertArrayEquals(expected, SegmentIds.of(oneHot, 2, 4, 5));
        assertArrayEquals(expected, SegmentIds.of(oneHot.dup('c'), 2, 4, 5));
        assertArrayEquals(expected, SegmentIds.of(OneHot.idSequences(ids), 2, 4, 5));
        // a view (every other row of a bigger batch) and a double array take the general path or the strided one alike
        INDArray doubled = Nd4j.concat(0, oneHot, oneHot);
        INDArray view = doubled.get(NDArrayIndex.interval(0, 3), NDArrayIndex.all(), NDArrayIndex.all());
        assertArrayEquals(expected, SegmentIds.of(view, 2, 4, 5));
        assertArrayEquals(expected, SegmentIds.of(oneHot.castTo(DataType.DOUBLE), 2, 4, 5));
    }

    @Test
    void aColumnWithTiesGivesItsFirstLargestElementAsArgMaxDoes() {
        INDArray features = Nd4j.zeros(DataType.FLOAT, 1, 4, 1);
        features.putScalar(new long[]{0, 1, 0}, 0.5);
        features.putScalar(new long[]{0, 3, 0}, 0.5);
        assertArrayEquals(new int[]{1}, SegmentIds.of(features, 0, 1, 4));
        assertArrayEquals(new int[]{1}, SegmentIds.of(features.castTo(DataType.DOUBLE), 0, 1, 4));
    }
}
