package io.github.charrnn.kernel;

import org.bytedeco.javacpp.ShortPointer;

/**
 * A bfloat16 copy of a float matrix that products use many times between changes (a layer's recurrent weights
 * in every time step of a segment): {@link #refresh()} rounds the matrix's current values into it, and
 * {@link Gemm#multiply(FloatMatrix, boolean, Bf16Matrix, boolean, FloatMatrix, float)} multiplies by the copy.
 * Not thread-safe; the memory is freed with the object.
 */
public final class Bf16Matrix {

    private final FloatMatrix source;
    private final ShortPointer values;
    private boolean current;

    /** A copy of {@code source}, empty until {@link #refresh()}. */
    public Bf16Matrix(FloatMatrix source) {
        this.source = source;
        this.values = new ShortPointer((long) source.rows() * source.columns());
    }

    /** Rounds the source's current values into the copy (oneDNN's reorder, round to nearest even). */
    public void refresh() {
        // stored as the source is: rows contiguous, or columns (then the storage is the transpose, row-major)
        boolean byColumns = source.columnMajor();
        Bf16Gemm.convert(source.memory(), byColumns ? source.columns() : source.rows(),
                byColumns ? source.rows() : source.columns(), source.leadingDimension(), values);
        current = true;
    }

    FloatMatrix source() {
        return source;
    }

    /** The values, stored densely in the source's order; IllegalStateException before the first refresh. */
    ShortPointer values() {
        if (!current) {
            throw new IllegalStateException("A bfloat16 copy was used before it was filled.");
        }
        return values;
    }
}
