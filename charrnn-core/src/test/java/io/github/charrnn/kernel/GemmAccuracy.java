package io.github.charrnn.kernel;

import io.github.charrnn.runtime.BlasKernel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * Checks {@link Gemm} against a double-precision product computed in Java, at the LSTM's shapes and every
 * transposition, on whichever library ({@link GemmLibrary}) and OpenBLAS kernel this JVM runs. A program of its
 * own (run by GemmKernelsTest in a child JVM per kernel, since OpenBLAS picks its kernel once per process): prints
 * the library, the kernel and the worst error, exits 1 if any product is off by more than the bound.
 */
public final class GemmAccuracy {

    /** Allowed error per element: entries are uniform in [-1, 1], so float rounding grows like sqrt(k). */
    static final double BOUND_PER_SQRT_K = 1e-5;

    /** m, k, n of the products a training step and generation make (batch 32/64/128, hidden 128/512, 96 symbols). */
    static final int[][] SHAPES = {{32, 128, 512}, {128, 512, 2048}, {64, 1024, 2048}, {400, 96, 512}, {512, 400, 512},
            {96, 1600, 128}, {1, 512, 2048}};

    private GemmAccuracy() {
    }

    /** Runs the check; prints "kernel K worst R" and exits 0 if every product is within the bound, else 1. */
    public static void main(String[] args) {
        BlasKernel.Choice choice = BlasKernel.choose();
        Nd4j.factory().blas().setMaxThreads(2);
        double worst = worstRelativeError(new Random(7));
        Nd4j.factory().blas().setMaxThreads(1);   // one thread per product, as each training shard has
        worst = Math.max(worst, worstRelativeError(new Random(8)));
        System.out.printf("library %s kernel %s worst %.3g%n", GemmLibrary.chosen(), choice.kernel(), worst);
        System.exit(worst <= 1 ? 0 : 1);
    }

    /** The largest error over all shapes and transpositions, as a fraction of the bound (1 = at the bound). */
    static double worstRelativeError(Random random) {
        double worst = 0;
        for (int[] shape : SHAPES) {
            for (int variant = 0; variant < 8; variant++) {
                worst = Math.max(worst, relativeError(random, shape[0], shape[1], shape[2], (variant & 1) != 0,
                        (variant & 2) != 0, (variant & 4) != 0));
            }
        }
        return worst;
    }

    private static double relativeError(Random random, int m, int k, int n, boolean transposeA, boolean transposeB,
                                        boolean columnMajorResult) {
        float[][] a = randomMatrix(random, m, k);
        float[][] b = randomMatrix(random, k, n);
        INDArray aArray = Nd4j.create(transposeA ? transpose(a) : a);
        INDArray bArray = Nd4j.create(transposeB ? transpose(b) : b).dup('f');   // both layouts among the operands
        INDArray c = Nd4j.create(DataType.FLOAT, new long[]{m, n}, columnMajorResult ? 'f' : 'c').assign(0.5);
        Gemm.multiply(aArray, transposeA, bArray, transposeB, c, 1f, 2f);
        float[][] result = c.toFloatMatrix();
        double worst = 0;
        for (int i = 0; i < m; i += 1 + m / 16) {   // a sample of rows keeps the Java reference quick
            for (int j = 0; j < n; j++) {
                double expected = 1.0;   // beta 2 times the 0.5 the result held
                for (int q = 0; q < k; q++) {
                    expected += (double) a[i][q] * b[q][j];
                }
                worst = Math.max(worst, Math.abs(result[i][j] - expected));
            }
        }
        return worst / (BOUND_PER_SQRT_K * Math.sqrt(k));
    }

    static float[][] randomMatrix(Random random, int rows, int columns) {
        float[][] matrix = new float[rows][columns];
        for (float[] row : matrix) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextFloat() * 2 - 1;
            }
        }
        return matrix;
    }

    private static float[][] transpose(float[][] matrix) {
        float[][] transposed = new float[matrix[0].length][matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < matrix[0].length; j++) {
                transposed[j][i] = matrix[i][j];
            }
        }
        return transposed;
    }
}
