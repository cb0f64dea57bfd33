package io.github.charrnn.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;

/**
 * A row-major float matrix in ND4J's native memory, addressed by blocks of rows: ND4J's GEMMs read and write
 * the blocks as views, Java loops copy them in and out of plain arrays in one bulk copy each. Part of charrnn's
 * internal kernels (the fast training and generation paths), not of its stable API. Not thread-safe.
 *
 * <p>The NIO view of ND4J's memory does not keep that memory alive: ND4J frees it once the array is unreachable,
 * and the JIT may treat this object as unreachable in the middle of one of its own methods, after its last field
 * read. Every method that touches the view therefore ends with a reachability fence on this object (whose
 * {@code matrix} owns the memory); without it a collection at the wrong moment let a copy write into freed memory.
 */
public final class OffHeapRows {

    private final INDArray matrix;
    private final FloatBuffer floats;
    private final FloatMatrix dense;
    private final int width;

    /** A zeroed matrix of {@code rows} x {@code width}. */
    public OffHeapRows(long rows, int width) {
        this(Nd4j.create(DataType.FLOAT, new long[]{rows, width}, 'c'));
    }

    private OffHeapRows(INDArray matrix) {
        this.matrix = matrix;
        this.floats = matrix.data().asNioFloat();
        this.dense = FloatMatrix.of(matrix);
        this.width = (int) matrix.columns();
    }

    /**
     * The time-major rows of a segment of [batch, width, time] sequences: row {@code t * batch + r} is time step
     * {@code from + t} of sequence {@code r}.
     */
    public static OffHeapRows timeMajor(INDArray sequences, long from, int time) {
        INDArray segment = sequences.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(from, from + time));
        INDArray rows = segment.permute(2, 0, 1).dup('c').reshape('c', time * sequences.size(0), sequences.size(1));
        return new OffHeapRows(rows);
    }

    /** Frees the native memory of a matrix made by {@link #timeMajor} (or any this object owns); it is not used after. */
    public void release() {
        io.github.charrnn.runtime.OffHeap.release(matrix);
    }

    /** All rows as an ND4J array. */
    public INDArray matrix() {
        return matrix;
    }

    /** The number of rows. */
    public long rows() {
        return matrix.rows();
    }

    /** The number of columns. */
    public int width() {
        return width;
    }

    /** Rows {@code [from, to)} as an ND4J view, for GEMMs. */
    public INDArray rows(long from, long to) {
        return matrix.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as a matrix for {@link Gemm}, without an ND4J view. */
    public FloatMatrix block(long from, long to) {
        return dense.rowRange(Math.toIntExact(from), Math.toIntExact(to));
    }

    /** All rows as a matrix for {@link Gemm}. */
    public FloatMatrix block() {
        return dense;
    }

    /** Copies rows {@code [from, from + count)} into {@code into}, row after row. */
    public void read(long from, int count, float[] into) {
        try {
            floats.get(Math.toIntExact(from * width), into, 0, count * width);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Copies {@code count} rows from {@code values} into rows {@code [from, from + count)}. */
    public void write(long from, int count, float[] values) {
        try {
            floats.put(Math.toIntExact(from * width), values, 0, count * width);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Copies {@code count} values from {@code values[from..]} into row {@code row} from column {@code column} on. */
    public void writeRowPart(long row, int column, float[] values, int from, int count) {
        try {
            floats.put(Math.toIntExact(row * width + column), values, from, count);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Copies rows {@code [from, from + count)} into {@code parts.length} arrays, split by columns into equal
     * blocks: {@code parts[q]} gets columns {@code [q*w, (q+1)*w)} of every row, row after row ({@code w} =
     * width / parts).
     */
    public void readSplit(long from, int count, float[][] parts) {
        try {
            int part = width / parts.length;
            for (int r = 0; r < count; r++) {
                int row = Math.toIntExact((from + r) * width);
                for (int q = 0; q < parts.length; q++) {
                    floats.get(row + q * part, parts[q], r * part, part);
                }
            }
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** The reverse of {@link #readSplit}. */
    public void writeSplit(long from, int count, float[][] parts) {
        try {
            int part = width / parts.length;
            for (int r = 0; r < count; r++) {
                int row = Math.toIntExact((from + r) * width);
                for (int q = 0; q < parts.length; q++) {
                    floats.put(row + q * part, parts[q], r * part, part);
                }
            }
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Copies rows {@code [from, from + count)} over rows {@code [to, to + count)}. */
    public void copyRows(long from, long to, int count, float[] scratch) {
        read(from, count, scratch);
        write(to, count, scratch);
    }

    /** Copies rows {@code [from, from + count)} into rows {@code [to, to + count)} of {@code target}, of the same width. */
    public void copyRowsTo(long from, OffHeapRows target, long to, int count) {
        if (target.width != width) {
            throw new IllegalArgumentException("Cannot copy rows of width " + width + " into rows of width " + target.width + ".");
        }
        try {
            target.floats.put(Math.toIntExact(to * width), floats, Math.toIntExact(from * width), count * width);
        } finally {
            Reference.reachabilityFence(this);
            Reference.reachabilityFence(target);
        }
    }

    /** Sets every element to 0. */
    public void zero() {
        matrix.assign(0);
    }
}
