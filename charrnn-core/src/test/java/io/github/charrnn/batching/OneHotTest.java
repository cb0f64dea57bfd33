package io.github.charrnn.batching;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneHotTest {

    private static final int[][] IDS = {{0, 2, 1}, {3, 3, 0}};

    @Test
    void sequencesPutAOneAtEachIdInFortranOrder() {
        INDArray oneHot = OneHot.sequences(IDS, 4);
        assertArrayEquals(new long[]{2, 4, 3}, oneHot.shape());
        assertEquals('f', oneHot.ordering());
        assertEquals(DataType.FLOAT, oneHot.dataType());
        for (int r = 0; r < IDS.length; r++) {
            for (int t = 0; t < 3; t++) {
                for (int v = 0; v < 4; v++) {
                    assertEquals(v == IDS[r][t] ? 1f : 0f, oneHot.getFloat(r, v, t), "row " + r + " time " + t + " id " + v);
                }
            }
        }
        assertEquals(6.0, oneHot.sumNumber().doubleValue());
        assertArrayEquals(new long[]{1, 4, 3}, OneHot.sequence(IDS[0], 4).shape());
        assertEquals(OneHot.sequences(new int[][]{IDS[1]}, 4), OneHot.sequence(IDS[1], 4));
    }

    @Test
    void idSequencesAndOfIdsRoundTrip() {
        INDArray ids = OneHot.idSequences(IDS);
        assertArrayEquals(new long[]{2, 1, 3}, ids.shape());
        assertEquals(2f, ids.getFloat(0, 0, 1));
        assertEquals(3f, ids.getFloat(1, 0, 0));
        assertEquals(OneHot.sequences(IDS, 4), OneHot.ofIds(ids, 4));
        // a c-order ids array gives the same one-hot array
        assertEquals(OneHot.sequences(IDS, 4), OneHot.ofIds(ids.dup('c'), 4));
    }

    @Test
    void rejectsIdsOutsideTheVocabularyRowsOfDifferentLengthsAndOtherShapes() {
        assertThrows(IllegalArgumentException.class, () -> OneHot.sequences(new int[][]{{0, 4}}, 4));
        assertThrows(IllegalArgumentException.class, () -> OneHot.sequences(new int[][]{{-1}}, 4));
        assertThrows(IllegalArgumentException.class, () -> OneHot.sequences(new int[][]{{0, 1}, {0}}, 4));
        assertThrows(IllegalArgumentException.class, () -> OneHot.idSequences(new int[][]{{0, 1}, {0}}));
        assertThrows(IllegalArgumentException.class, () -> OneHot.ofIds(Nd4j.zeros(DataType.FLOAT, 2, 2, 3), 4));
        assertThrows(IllegalArgumentException.class, () -> OneHot.ofIds(Nd4j.zeros(DataType.FLOAT, 2, 3), 4));
        assertThrows(ArithmeticException.class, () -> OneHot.sequences(new int[][]{new int[70_000]}, 70_000));
    }

    @Test
    void noRowsOrNoTimeGiveEmptyArrays() {
        assertTrue(OneHot.sequences(new int[0][], 4).isEmpty());
        assertArrayEquals(new long[]{2, 4, 0}, OneHot.sequences(new int[][]{{}, {}}, 4).shape());
    }
}
