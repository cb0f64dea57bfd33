package io.github.charrnn.kernel;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FloatMatrixTest {

    /** A 3 x 4 array with element (r, c) = 10r + c. */
    private static INDArray counting(char order) {
        INDArray array = Nd4j.create(DataType.FLOAT, new long[]{3, 4}, order);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                array.putScalar(r, c, 10 * r + c);
            }
        }
        return array;
    }

    @Test
    void describesARowMajorArray() {
        INDArray array = counting('c');
        FloatMatrix matrix = FloatMatrix.of(array);
        assertEquals(3, matrix.rows());
        assertEquals(4, matrix.columns());
        assertEquals(4, matrix.leadingDimension());
        assertFalse(matrix.columnMajor());
        assertSame(array, matrix.owner());
        assertEquals(12f, at(matrix, 1, 2));
        assertEquals(23f, at(matrix, 2, 3));
    }

    @Test
    void describesAColumnMajorArray() {
        FloatMatrix matrix = FloatMatrix.of(counting('f'));
        assertTrue(matrix.columnMajor());
        assertEquals(3, matrix.leadingDimension());
        assertEquals(12f, at(matrix, 1, 2));
        assertEquals(20f, at(matrix, 2, 0));
    }

    @Test
    void describesViewsOfWholeRowsAndColumnsAtTheirOffset() {
        FloatMatrix rows = FloatMatrix.of(counting('c').get(NDArrayIndex.interval(1, 3), NDArrayIndex.all()));
        assertEquals(2, rows.rows());
        assertEquals(4, rows.leadingDimension());
        assertEquals(10f, at(rows, 0, 0));
        assertEquals(23f, at(rows, 1, 3));

        FloatMatrix columns = FloatMatrix.of(counting('f').get(NDArrayIndex.all(), NDArrayIndex.interval(2, 4)));
        assertTrue(columns.columnMajor());
        assertEquals(2, columns.columns());
        assertEquals(3, columns.leadingDimension());
        assertEquals(2f, at(columns, 0, 0));
        assertEquals(23f, at(columns, 2, 1));

        // the transpose of a row-major array is column-major, with the same memory
        FloatMatrix transposed = FloatMatrix.of(counting('c').transpose());
        assertTrue(transposed.columnMajor());
        assertEquals(4, transposed.rows());
        assertEquals(21f, at(transposed, 1, 2));
    }

    @Test
    void refusesArraysBlasCannotRead() {
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.of(Nd4j.create(DataType.DOUBLE, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.of(Nd4j.create(DataType.FLOAT, 2, 2, 2)));
        // every other column: neither rows nor columns contiguous
        INDArray strided = counting('c').get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 4));
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.of(strided));
        FloatMatrix matrix = FloatMatrix.of(counting('c'));
        assertThrows(IllegalArgumentException.class,
                () -> new FloatMatrix(matrix.memory(), 3, 4, 3, false, null));   // leading dimension < columns
        assertThrows(IllegalArgumentException.class,
                () -> new FloatMatrix(matrix.memory(), 3, 4, 2, true, null));    // leading dimension < rows
    }

    @Test
    void rowRangeSharesTheMemoryFromItsFirstRow() {
        INDArray array = counting('c');
        FloatMatrix rows = FloatMatrix.of(array).rowRange(1, 3);
        assertEquals(2, rows.rows());
        assertEquals(4, rows.columns());
        assertEquals(4, rows.leadingDimension());
        assertSame(array, rows.owner());
        assertEquals(10f, at(rows, 0, 0));
        rows.memory().put(5, -1f);   // element (1, 1) of the range: (2, 1) of the array
        assertEquals(-1f, array.getFloat(2, 1));
        assertEquals(0, FloatMatrix.of(array).rowRange(3, 3).rows());

        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.of(array).rowRange(2, 4));
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.of(array).rowRange(2, 1));
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.of(array).rowRange(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.of(counting('f')).rowRange(0, 1));
    }

    private static float at(FloatMatrix matrix, int row, int column) {
        long offset = matrix.columnMajor() ? (long) column * matrix.leadingDimension() + row
                : (long) row * matrix.leadingDimension() + column;
        return matrix.memory().get(offset);   // JavaCPP indexes from the pointer's position
    }
}
