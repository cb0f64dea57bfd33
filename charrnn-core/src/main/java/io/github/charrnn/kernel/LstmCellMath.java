package io.github.charrnn.kernel;

import static io.github.charrnn.kernel.GateFunctions.sigmoidInPlace;
import static io.github.charrnn.kernel.GateFunctions.tanh;
import static io.github.charrnn.kernel.GateFunctions.tanhInPlace;

/**
 * The element-wise part of an LSTM step for a batch of rows, in DL4J's gate layout {@code [a, f, o, i]}:
 * a = tanh(z_a) the block input, f, o, i sigmoid gates, c = f*c + i*a, h = o*tanh(c).
 *
 * <p>Each gate's values of one step sit in an array of their own ({@code gates[q]}, [rows*hidden], row after
 * row), as do c and h, so every loop indexes all its arrays alike; that is what lets the JIT vectorise them
 * ({@link GateFunctions}). C2 in JDK 17 also vectorises a loop only while it stores into one array, so each
 * result gets a loop of its own (one fused loop ran 10 times slower). {@link OffHeapRows#readSplit} fills such
 * arrays from a GEMM's [rows, 4*hidden] output.
 * Part of charrnn's internal kernels, not of its stable API.
 */
public final class LstmCellMath {

    /** Index of the block input a in the gate arrays. */
    public static final int A = 0;
    /** Index of the forget gate f. */
    public static final int F = 1;
    /** Index of the output gate o. */
    public static final int O = 2;
    /** Index of the input gate i. */
    public static final int I = 3;

    private LstmCellMath() {
    }

    /**
     * The bias ([4*hidden], DL4J's layout) repeated for every row, one array per gate ([4][rows*hidden]), so that
     * {@link #activate} adds it with loops that index all arrays alike.
     */
    public static float[][] tileBias(float[] bias, int rows, int hidden) {
        float[][] tiled = new float[4][rows * hidden];
        for (int q = 0; q < 4; q++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(bias, q * hidden, tiled[q], r * hidden, hidden);
            }
        }
        return tiled;
    }

    /**
     * Adds the tiled bias ({@link #tileBias}) to the first {@code units} elements of the four gate arrays, then
     * applies tanh to a and the sigmoid to f, o and i, in place.
     */
    public static void activate(float[][] gates, float[][] tiledBias, int units) {
        for (int q = 0; q < 4; q++) {
            float[] gate = gates[q];
            float[] bias = tiledBias[q];
            for (int j = 0; j < units; j++) {
                gate[j] += bias[j];
            }
        }
        tanhInPlace(gates[A], units);
        sigmoidInPlace(gates[F], units);
        sigmoidInPlace(gates[O], units);
        sigmoidInPlace(gates[I], units);
    }

    /**
     * c = f*c + i*a (c updated in place), tanhC = tanh(c), h = o*tanh(c), over the first {@code units} elements
     * of activated gate arrays.
     */
    public static void updateCells(float[][] gates, float[] c, float[] tanhC, float[] h, int units) {
        float[] a = gates[A];
        float[] f = gates[F];
        float[] o = gates[O];
        float[] i = gates[I];
        for (int j = 0; j < units; j++) {
            c[j] = f[j] * c[j] + i[j] * a[j];
        }
        for (int j = 0; j < units; j++) {
            tanhC[j] = tanh(c[j]);
        }
        for (int j = 0; j < units; j++) {
            h[j] = o[j] * tanhC[j];
        }
    }
}
