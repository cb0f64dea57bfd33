package io.github.charrnn.batching;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TimeColumnsTest {

    private static final int[][] X = {{0, 1, 2, 3}, {3, 2, 1, 0}};
    private static final int[][] Y = {{1, 2, 3, 0}, {2, 1, 0, 3}};

    @Test
    void keepsTheFirstTimeStepsOfFeaturesAndLabels() {
        DataSet batch = new DataSet(OneHot.sequences(X, 4), OneHot.sequences(Y, 4));
        DataSet first = TimeColumns.first(batch, 2);
        assertArrayEquals(new long[]{2, 4, 2}, first.getFeatures().shape());
        assertEquals(OneHot.sequences(new int[][]{{0, 1}, {3, 2}}, 4), first.getFeatures());
        assertEquals(OneHot.sequences(new int[][]{{1, 2}, {2, 1}}, 4), first.getLabels());
        assertEquals('f', first.getFeatures().ordering());
        // a copy: the cut batch does not change the original
        first.getFeatures().assign(0);
        assertEquals(8.0, batch.getFeatures().sumNumber().doubleValue());
    }

    @Test
    void returnsTheBatchItselfWhenItIsNoLonger() {
        DataSet batch = new DataSet(OneHot.sequences(X, 4), OneHot.sequences(Y, 4));
        assertSame(batch, TimeColumns.first(batch, 4));
        assertSame(batch, TimeColumns.first(batch, 100));
        INDArray features = batch.getFeatures();
        assertSame(features, TimeColumns.first(batch, 4).getFeatures());
    }
}
