package io.github.charrnn.kernel;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OffHeapRowsTest {

    private static final int ROWS = 5;
    private static final int WIDTH = 4;

    @Test
    void startsZeroedWithItsShape() {
        OffHeapRows rows = new OffHeapRows(ROWS, WIDTH);
        assertEquals(ROWS, rows.rows());
        assertEquals(WIDTH, rows.width());
        assertArrayEquals(new long[]{ROWS, WIDTH}, rows.matrix().shape());
        assertEquals('c', rows.matrix().ordering());
        assertEquals(DataType.FLOAT, rows.matrix().dataType());
        assertEquals(0.0, rows.matrix().norm1Number().doubleValue());
    }

    @Test
    void writeThenReadRoundTripsAndLandsInTheRightRows() {
        OffHeapRows rows = new OffHeapRows(ROWS, WIDTH);
        float[] values = counting(2 * WIDTH, 1);
        rows.write(1, 2, values);
        float[] back = new float[2 * WIDTH];
        rows.read(1, 2, back);
        assertArrayEquals(values, back);
        // row-major: rows 1 and 2 hold the values, the others are untouched
        assertArrayEquals(new float[]{1, 2, 3, 4}, rows.matrix().getRow(1).toFloatVector());
        assertArrayEquals(new float[]{5, 6, 7, 8}, rows.matrix().getRow(2).toFloatVector());
        assertArrayEquals(new float[WIDTH], rows.matrix().getRow(0).toFloatVector());
        assertArrayEquals(new float[WIDTH], rows.matrix().getRow(3).toFloatVector());
        // what ND4J writes, read sees
        rows.matrix().putScalar(4, 3, 9f);
        float[] last = new float[WIDTH];
        rows.read(4, 1, last);
        assertArrayEquals(new float[]{0, 0, 0, 9}, last);
    }

    @Test
    void readAndWriteUseOnlyTheFirstCountRowsOfALargerArray() {
        OffHeapRows rows = new OffHeapRows(ROWS, WIDTH);
        float[] values = counting(3 * WIDTH, 1);
        rows.write(0, 1, values);
        assertArrayEquals(new float[WIDTH], rows.matrix().getRow(1).toFloatVector());
        float[] into = new float[3 * WIDTH];
        Arrays.fill(into, -1);
        rows.read(0, 1, into);
        assertArrayEquals(new float[]{1, 2, 3, 4, -1, -1, -1, -1, -1, -1, -1, -1}, into);
    }

    @Test
    void writeRowPartWritesOnlyThoseColumnsOfThatRow() {
        OffHeapRows rows = new OffHeapRows(ROWS, WIDTH);
        rows.writeRowPart(2, 1, new float[]{10, 20, 30, 40}, 1, 2);
        assertArrayEquals(new float[]{0, 20, 30, 0}, rows.matrix().getRow(2).toFloatVector());
        assertEquals(50.0, rows.matrix().sumNumber().doubleValue());
    }

    @Test
    void readSplitCutsRowsIntoColumnBlocksAndWriteSplitPutsThemBack() {
        OffHeapRows rows = new OffHeapRows(ROWS, WIDTH);
        rows.write(0, ROWS, counting(ROWS * WIDTH, 0));   // element (r, c) = 4r + c
        float[][] parts = new float[2][2 * 2];
        rows.readSplit(1, 2, parts);
        assertArrayEquals(new float[]{4, 5, 8, 9}, parts[0]);     // columns 0-1 of rows 1 and 2
        assertArrayEquals(new float[]{6, 7, 10, 11}, parts[1]);   // columns 2-3

        float[][] quarters = new float[4][3];
        rows.readSplit(2, 3, quarters);
        assertArrayEquals(new float[]{9, 13, 17}, quarters[1]);   // column 1 of rows 2 to 4

        OffHeapRows copy = new OffHeapRows(ROWS, WIDTH);
        copy.writeSplit(1, 2, parts);
        assertEquals(rows.matrix().getRow(1), copy.matrix().getRow(1));
        assertEquals(rows.matrix().getRow(2), copy.matrix().getRow(2));
        assertEquals(0.0, copy.matrix().getRow(0).norm1Number().doubleValue());
        assertEquals(0.0, copy.matrix().getRow(3).norm1Number().doubleValue());
    }

    @Test
    void copyRowsCopiesABlockOverAnother() {
        OffHeapRows rows = new OffHeapRows(ROWS, WIDTH);
        rows.write(0, ROWS, counting(ROWS * WIDTH, 0));
        INDArray before = rows.matrix().dup();
        rows.copyRows(0, 3, 2, new float[2 * WIDTH]);
        assertEquals(before.getRow(0), rows.matrix().getRow(3));
        assertEquals(before.getRow(1), rows.matrix().getRow(4));
        assertEquals(before.getRow(2), rows.matrix().getRow(2));
    }

    @Test
    void copyRowsToCopiesABlockIntoRowsOfAnotherMatrixOfTheSameWidth() {
        OffHeapRows source = new OffHeapRows(ROWS, WIDTH);
        source.write(0, ROWS, counting(ROWS * WIDTH, 0));
        OffHeapRows target = new OffHeapRows(3, WIDTH);
        source.copyRowsTo(2, target, 1, 2);
        assertEquals(0.0, target.matrix().getRow(0).norm1Number().doubleValue());
        assertEquals(source.matrix().getRow(2), target.matrix().getRow(1));
        assertEquals(source.matrix().getRow(3), target.matrix().getRow(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> source.copyRowsTo(0, new OffHeapRows(2, WIDTH + 1), 0, 1));
        assertEquals("Cannot copy rows of width 4 into rows of width 5.", e.getMessage());
    }

    @Test
    void zeroClearsEveryElement() {
        OffHeapRows rows = new OffHeapRows(ROWS, WIDTH);
        rows.write(0, ROWS, counting(ROWS * WIDTH, 1));
        rows.zero();
        float[] all = new float[ROWS * WIDTH];
        Arrays.fill(all, 1);
        rows.read(0, ROWS, all);
        assertArrayEquals(new float[ROWS * WIDTH], all);
    }

    @Test
    void rowsIsAViewSharingTheMemory() {
        OffHeapRows rows = new OffHeapRows(ROWS, WIDTH);
        INDArray view = rows.rows(1, 3);
        assertArrayEquals(new long[]{2, WIDTH}, view.shape());
        view.assign(2);
        float[] all = new float[ROWS * WIDTH];
        rows.read(0, ROWS, all);
        assertEquals(2 * 2 * WIDTH, sum(all), 0);
        assertEquals(2f, all[WIDTH]);
        assertEquals(0f, all[3 * WIDTH]);
    }

    @Test
    void blocksDescribeRowMajorRowRangesOfTheSameMemory() {
        OffHeapRows rows = new OffHeapRows(ROWS, WIDTH);
        rows.write(0, ROWS, counting(ROWS * WIDTH, 0));
        FloatMatrix all = rows.block();
        assertEquals(ROWS, all.rows());
        assertEquals(WIDTH, all.columns());
        assertEquals(WIDTH, all.leadingDimension());
        assertFalse(all.columnMajor());
        assertEquals(0f, all.memory().get(0));
        assertEquals(ROWS * WIDTH - 1f, all.memory().get(ROWS * WIDTH - 1));

        FloatMatrix middle = rows.block(2, 4);
        assertEquals(2, middle.rows());
        assertEquals(WIDTH, middle.columns());
        assertEquals(WIDTH, middle.leadingDimension());
        assertFalse(middle.columnMajor());
        assertEquals(8f, middle.memory().get(0));   // element (2, 0)
        assertEquals(15f, middle.memory().get(2 * WIDTH - 1));   // element (3, 3)

        assertEquals(0, rows.block(5, 5).rows());
        // a write through the block's memory is a write to the rows
        middle.memory().put(1, -1f);
        assertEquals(-1f, rows.matrix().getFloat(2, 1));
    }

    @Test
    void timeMajorPutsTimeStepTOfSequenceRInRowTTimesBatchPlusR() {
        int batch = 2;
        int width = 3;
        int time = 4;
        INDArray sequences = Nd4j.create(DataType.FLOAT, batch, width, time);
        for (int r = 0; r < batch; r++) {
            for (int c = 0; c < width; c++) {
                for (int t = 0; t < time; t++) {
                    sequences.putScalar(new int[]{r, c, t}, 100 * r + 10 * c + t);
                }
            }
        }
        OffHeapRows rows = OffHeapRows.timeMajor(sequences, 1, 2);
        assertEquals(2 * batch, rows.rows());
        assertEquals(width, rows.width());
        float[] all = new float[2 * batch * width];
        rows.read(0, 2 * batch, all);
        assertArrayEquals(new float[]{
                1, 11, 21,          // t = 1, r = 0
                101, 111, 121,      // t = 1, r = 1
                2, 12, 22,          // t = 2, r = 0
                102, 112, 122},     // t = 2, r = 1
                all);
        // a copy: changing the rows leaves the sequences alone
        rows.zero();
        assertEquals(1f, sequences.getFloat(0, 0, 1));
    }

    private static float[] counting(int n, int first) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = first + i;
        }
        return values;
    }

    private static float sum(float[] values) {
        float sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum;
    }
}
