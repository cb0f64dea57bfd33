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
 * ({@link GateFunctions}). {@link OffHeapRows#readSplit} fills such arrays from a GEMM's [rows, 4*hidden] output.
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
     * Adds the bias ([4*hidden], DL4J's layout) to every row of the four gate arrays, then applies tanh to a and
     * the sigmoid to f, o and i, in place.
     */
    public static void activate(float[][] gates, float[] bias, int rows, int hidden) {
        for (int q = 0; q < 4; q++) {
            float[] gate = gates[q];
            for (int r = 0; r < rows; r++) {
                addBias(gate, r * hidden, bias, q * hidden, hidden);
            }
        }
        int units = rows * hidden;
        tanhInPlace(gates[A], units);
        sigmoidInPlace(gates[F], units);
        sigmoidInPlace(gates[O], units);
        sigmoidInPlace(gates[I], units);
    }

    private static void addBias(float[] gate, int from, float[] bias, int biasFrom, int count) {
        for (int k = 0; k < count; k++) {
            gate[from + k] += bias[biasFrom + k];
        }
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
            float cell = f[j] * c[j] + i[j] * a[j];
            float tc = tanh(cell);
            c[j] = cell;
            tanhC[j] = tc;
            h[j] = o[j] * tc;
        }
    }
}
