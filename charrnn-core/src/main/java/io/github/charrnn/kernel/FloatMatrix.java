package io.github.charrnn.kernel;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dense single-precision matrix in native memory, as BLAS takes it: where it starts, its shape, its leading
 * dimension and whether its rows or its columns are contiguous. Made from an ND4J array or a block of
 * {@link OffHeapRows} without creating ND4J views, which cost more than a small matrix product
 * (docs/performance.md). It keeps the memory's owner reachable for as long as it is used.
 *
 * @param memory           the owner's memory, positioned at its first element
 * @param rows             rows of the matrix
 * @param columns          columns of the matrix
 * @param leadingDimension elements from one row (row-major) or column (column-major) to the next
 * @param columnMajor      true if columns are contiguous ('f' order), false if rows are ('c' order)
 * @param owner            what holds the memory (an ND4J array): kept reachable while the matrix is in use
 */
public record FloatMatrix(FloatPointer memory, int rows, int columns, int leadingDimension, boolean columnMajor, Object owner) {

    /** Checks that the leading dimension covers a row or column. */
    public FloatMatrix {
        if (rows < 0 || columns < 0 || leadingDimension < Math.max(1, columnMajor ? rows : columns)) {
            throw new IllegalArgumentException("Not a dense matrix: " + rows + " x " + columns + ", leading dimension "
                    + leadingDimension + (columnMajor ? " (column-major)" : " (row-major)") + ".");
        }
    }

    /**
     * The matrix of a 2-D float ND4J array on the CPU whose rows or columns are contiguous (a plain array or a
     * view of whole rows or columns); IllegalArgumentException for any other array.
     */
    public static FloatMatrix of(INDArray array) {
        if (array.rank() != 2 || array.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("Expected a 2-D float array, got rank " + array.rank() + " " + array.dataType() + ".");
        }
        int rows = Math.toIntExact(array.rows());
        int columns = Math.toIntExact(array.columns());
        long rowStride = array.stride(0);
        long columnStride = array.stride(1);
        boolean columnMajor;
        long leading;
        if (columnStride == 1 || columns == 1 && rows == 1) {
            columnMajor = false;
            leading = rows == 1 ? Math.max(columns, rowStride) : rowStride;
        } else if (rowStride == 1) {
            columnMajor = true;
            leading = columns == 1 ? Math.max(rows, columnStride) : columnStride;
        } else {
            throw new IllegalArgumentException("Neither the rows nor the columns of this array are contiguous (strides "
                    + rowStride + ", " + columnStride + ").");
        }
        long extent = rows == 0 || columns == 0 ? 0
                : columnMajor ? (columns - 1L) * leading + rows : (rows - 1L) * leading + columns;
        // a view's buffer is itself a view: its address already points at its own offset into the original
        long start = array.offset() - array.data().offset();
        if (start < 0 || start + extent > array.data().length()) {
            throw new IllegalArgumentException("The array's elements run past its buffer (" + (start + extent) + " > "
                    + array.data().length() + ").");
        }
        Pointer base = array.data().addressPointer();
        if (base.position() != 0) {
            throw new IllegalArgumentException("Unexpected buffer pointer position " + base.position() + ".");
        }
        FloatPointer memory = new FloatPointer(base);
        memory.position(start);
        return new FloatMatrix(memory, rows, columns, Math.toIntExact(leading), columnMajor, array);
    }

    /**
     * Rows {@code from} (inclusive) to {@code to} (exclusive) of a row-major matrix, sharing its memory.
     * IllegalArgumentException for a column-major matrix or rows out of range.
     */
    public FloatMatrix rowRange(int from, int to) {
        if (columnMajor || from < 0 || to < from || to > rows) {
            throw new IllegalArgumentException("Rows " + from + " to " + to + " of a " + rows + "-row "
                    + (columnMajor ? "column-major " : "") + "matrix.");
        }
        FloatPointer start = new FloatPointer(memory);
        start.position(memory.position() + (long) from * leadingDimension);
        return new FloatMatrix(start, to - from, columns, leadingDimension, false, owner);
    }
}
