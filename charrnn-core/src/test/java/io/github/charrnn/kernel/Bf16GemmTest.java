package io.github.charrnn.kernel;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Products with bfloat16 operands ({@link ProductPrecision#BF16}) agree with the double-precision product within
 * bfloat16's rounding, for every layout and transposition the training passes use; and the setting is checked.
 */
class Bf16GemmTest {

    @Test
    void bf16ProductsAgreeWithTheExactProductWithinBfloat16Rounding() {
        assumeTrue(ProductPrecision.bf16Available(), "no bfloat16 products on this CPU");
        Random random = new Random(11);
        int m = 12, k = 40, n = 24;
        for (boolean transposeA : new boolean[] {false, true}) {
            for (boolean transposeB : new boolean[] {false, true}) {
                for (char orderA : new char[] {'c', 'f'}) {
                    for (char orderB : new char[] {'c', 'f'}) {
                        for (float beta : new float[] {0f, 1f}) {
                            INDArray a = random(random, transposeA ? k : m, transposeA ? m : k, orderA);
                            INDArray b = random(random, transposeB ? n : k, transposeB ? k : n, orderB);
                            INDArray c = random(random, m, n, 'c');
                            double[][] expected = product(a, transposeA, b, transposeB, c, beta);
                            String what = "a " + orderA + (transposeA ? "T" : "") + ", b " + orderB + (transposeB ? "T" : "")
                                    + ", beta " + beta;
                            INDArray viaFloatB = c.dup('c');
                            Gemm.multiply(FloatMatrix.of(a), transposeA, FloatMatrix.of(b), transposeB,
                                    FloatMatrix.of(viaFloatB), 1f, beta, ProductPrecision.BF16);
                            assertClose(expected, viaFloatB, k, what);
                            Bf16Matrix copy = new Bf16Matrix(FloatMatrix.of(b));
                            copy.refresh();
                            INDArray viaCopy = c.dup('c');
                            Gemm.multiply(FloatMatrix.of(a), transposeA, copy, transposeB, FloatMatrix.of(viaCopy), beta);
                            assertClose(expected, viaCopy, k, what + ", b a bfloat16 copy");
                        }
                    }
                }
            }
        }
    }

    @Test
    void aParameterViewAndABlockOfRowsMultiplyAsWholeArraysDo() {
        assumeTrue(ProductPrecision.bf16Available(), "no bfloat16 products on this CPU");
        Random random = new Random(5);
        INDArray weights = random(random, 24, 16, 'f');
        INDArray flatParams = Nd4j.create(DataType.FLOAT, 1, 500);
        INDArray paramView = flatParams.get(NDArrayIndex.point(0), NDArrayIndex.interval(100, 100 + 24 * 16))
                .reshape('f', 24, 16).assign(weights);   // how DL4J's parameter views look
        OffHeapRows rows = new OffHeapRows(30, 24);
        rows.matrix().assign(random(random, 30, 24, 'c'));
        OffHeapRows result = new OffHeapRows(20, 16);
        Gemm.multiply(rows.block(8, 20), false, FloatMatrix.of(paramView), false, result.block(4, 16), 1f, 0f,
                ProductPrecision.BF16);
        INDArray block = rows.matrix().get(NDArrayIndex.interval(8, 20), NDArrayIndex.all());
        assertClose(product(block, false, weights, false, Nd4j.zeros(DataType.FLOAT, 12, 16), 0f),
                result.matrix().get(NDArrayIndex.interval(4, 16), NDArrayIndex.all()), 24, "views");
    }

    @Test
    void theSettingIsCheckedInOneSentence() {
        String before = System.getProperty(ProductPrecision.PROPERTY);
        try {
            System.setProperty(ProductPrecision.PROPERTY, "fp16");
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, ProductPrecision::forTraining);
            assertEquals("charrnn.trainingPrecision must be auto, fp32 or bf16; got 'fp16'.", refused.getMessage());
            System.setProperty(ProductPrecision.PROPERTY, "FP32");
            assertEquals(ProductPrecision.FP32, ProductPrecision.forTraining());
            System.setProperty(ProductPrecision.PROPERTY, "auto");
            boolean tiles = GemmLibrary.chosen() == GemmLibrary.ONEDNN && Bf16Gemm.hasMatrixTiles();
            assertEquals(tiles ? ProductPrecision.BF16 : ProductPrecision.FP32, ProductPrecision.forTraining());
        } finally {
            if (before == null) {
                System.clearProperty(ProductPrecision.PROPERTY);
            } else {
                System.setProperty(ProductPrecision.PROPERTY, before);
            }
        }
    }

    private static INDArray random(Random random, int rows, int columns, char order) {
        return Nd4j.create(GemmAccuracy.randomMatrix(random, rows, columns)).dup(order);
    }

    private static double[][] product(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, float beta) {
        int m = (int) (transposeA ? a.columns() : a.rows());
        int k = (int) (transposeA ? a.rows() : a.columns());
        int n = (int) (transposeB ? b.rows() : b.columns());
        double[][] result = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = beta * c.getDouble(i, j);
                for (int p = 0; p < k; p++) {
                    sum += (transposeA ? a.getDouble(p, i) : a.getDouble(i, p)) * (transposeB ? b.getDouble(j, p) : b.getDouble(p, j));
                }
                result[i][j] = sum;
            }
        }
        return result;
    }

    /** Each operand carries a relative rounding of 2^-9; the sum of k products about sqrt(k) times that. */
    private static void assertClose(double[][] expected, INDArray actual, int k, String what) {
        double tolerance = 4 * Math.sqrt(k) * Math.pow(2, -8);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual.getDouble(i, j), tolerance, what + ", element " + i + ", " + j);
            }
        }
    }
}
