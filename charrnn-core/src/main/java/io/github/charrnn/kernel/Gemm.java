package io.github.charrnn.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.Reference;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

/**
 * {@code c = alpha * op(a) * op(b) + beta * c} in single precision, handed straight to a native library: oneDNN's
 * {@code dnnl_sgemm} where it is available (Linux x86-64), else the OpenBLAS that ND4J's CPU backend loaded (same
 * library, same kernel); either way with as many threads as BLAS has at the time ({@link GemmLibrary}).
 *
 * <p>Why not {@code Nd4j.gemm}: for row-major operands it first copies them into column-major order, and the
 * views a time step needs cost more to create than its product: at the 2 × 128 network's per-step shape
 * (32 × 128 × 512) one {@code Nd4j.gemm} on two row views took 139–170 µs, the same product here 56–62 µs.
 * CPU backend only; the shapes are checked before anything reaches native code.
 */
public final class Gemm {

    private Gemm() {
    }

    /** {@link #multiply(FloatMatrix, boolean, FloatMatrix, boolean, FloatMatrix, float, float)} on ND4J arrays. */
    public static void multiply(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, float alpha, float beta) {
        multiply(FloatMatrix.of(a), transposeA, FloatMatrix.of(b), transposeB, FloatMatrix.of(c), alpha, beta);
    }

    /**
     * {@code c = alpha * op(a) * op(b) + beta * c}, where op transposes when its flag is set. IllegalArgumentException
     * if the shapes do not fit together.
     */
    public static void multiply(FloatMatrix a, boolean transposeA, FloatMatrix b, boolean transposeB, FloatMatrix c,
                                float alpha, float beta) {
        multiply(a, transposeA, b, transposeB, c, alpha, beta, ProductPrecision.FP32);
    }

    /**
     * {@link #multiply(FloatMatrix, boolean, FloatMatrix, boolean, FloatMatrix, float, float)} with the operands
     * rounded to {@code precision} first; bfloat16 only where oneDNN runs the products, with {@code alpha} 1 and
     * {@code beta} 0 or 1 (single precision otherwise).
     */
    public static void multiply(FloatMatrix a, boolean transposeA, FloatMatrix b, boolean transposeB, FloatMatrix c,
                                float alpha, float beta, ProductPrecision precision) {
        requireFit(a, transposeA, b, transposeB, c);
        int m = transposeA ? a.columns() : a.rows();
        int k = transposeA ? a.rows() : a.columns();
        int n = transposeB ? b.rows() : b.columns();
        if (m == 0 || n == 0) {
            return;
        }
        try {
            if (!c.columnMajor()) {
                rowMajor(m, n, k, a, transposeA, b, transposeB, c, alpha, beta, precision);
            } else {
                // a column-major c is the row-major c^T = op(b)^T op(a)^T
                rowMajor(n, m, k, b, !transposeB, a, !transposeA, c, alpha, beta, precision);
            }
        } finally {
            Reference.reachabilityFence(a.owner());
            Reference.reachabilityFence(b.owner());
            Reference.reachabilityFence(c.owner());
        }
    }

    /**
     * {@code c = op(a) * op(b) + beta * c} (beta 0 or 1) with {@code a} rounded to bfloat16 and {@code b} the copy
     * made by its last {@link Bf16Matrix#refresh()}; for a row-major {@code c} (a block of {@link OffHeapRows}).
     * Where oneDNN does not run the products, the copy's source is multiplied in single precision instead.
     */
    public static void multiply(FloatMatrix a, boolean transposeA, Bf16Matrix b, boolean transposeB, FloatMatrix c,
                                float beta) {
        FloatMatrix source = b.source();
        if (GemmLibrary.chosen() != GemmLibrary.ONEDNN || c.columnMajor() || beta != 0f && beta != 1f) {
            multiply(a, transposeA, source, transposeB, c, 1f, beta);
            return;
        }
        requireFit(a, transposeA, source, transposeB, c);
        int m = transposeA ? a.columns() : a.rows();
        int k = transposeA ? a.rows() : a.columns();
        int n = transposeB ? source.rows() : source.columns();
        if (m == 0 || n == 0) {
            return;
        }
        try {
            Bf16Gemm.multiply(m, n, k, a, transposeA != a.columnMajor(), b.values(), transposeB != source.columnMajor(),
                    c, beta);
        } finally {
            Reference.reachabilityFence(a.owner());
            Reference.reachabilityFence(c.owner());
        }
    }

    /** The row-major product of m x k and k x n into c's memory; a column-major operand is its own transpose. */
    private static void rowMajor(int m, int n, int k, FloatMatrix a, boolean transposeA, FloatMatrix b, boolean transposeB,
                                 FloatMatrix c, float alpha, float beta, ProductPrecision precision) {
        boolean aTransposed = transposeA != a.columnMajor();
        boolean bTransposed = transposeB != b.columnMajor();
        if (GemmLibrary.chosen() == GemmLibrary.ONEDNN) {
            if (precision == ProductPrecision.BF16 && alpha == 1f && (beta == 0f || beta == 1f)) {
                Bf16Gemm.multiply(m, n, k, a, aTransposed, b, bTransposed, c, beta);
                return;
            }
            OneDnnGemm.multiply(m, n, k, a, aTransposed, b, bTransposed, c, alpha, beta);
            return;
        }
        cblas_sgemm(CblasRowMajor, aTransposed ? CblasTrans : CblasNoTrans, bTransposed ? CblasTrans : CblasNoTrans,
                m, n, k, alpha, a.memory(), a.leadingDimension(), b.memory(), b.leadingDimension(), beta,
                c.memory(), c.leadingDimension());
    }

    /** IllegalArgumentException unless op(a) * op(b) fits into c. */
    private static void requireFit(FloatMatrix a, boolean transposeA, FloatMatrix b, boolean transposeB, FloatMatrix c) {
        int m = transposeA ? a.columns() : a.rows();
        int k = transposeA ? a.rows() : a.columns();
        int kOfB = transposeB ? b.columns() : b.rows();
        int n = transposeB ? b.rows() : b.columns();
        if (k != kOfB || c.rows() != m || c.columns() != n) {
            throw new IllegalArgumentException("Cannot multiply " + shape(a, transposeA) + " by " + shape(b, transposeB)
                    + " into " + c.rows() + " x " + c.columns() + ".");
        }
    }

    private static String shape(FloatMatrix matrix, boolean transposed) {
        return transposed ? matrix.columns() + " x " + matrix.rows() : matrix.rows() + " x " + matrix.columns();
    }
}
