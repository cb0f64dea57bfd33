package io.github.charrnn.kernel;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.github.charrnn.kernel.LstmCellMath.A;
import static io.github.charrnn.kernel.LstmCellMath.F;
import static io.github.charrnn.kernel.LstmCellMath.I;
import static io.github.charrnn.kernel.LstmCellMath.O;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LstmCellMathTest {

    private static final int ROWS = 3;
    private static final int HIDDEN = 2;

    @Test
    void tileBiasRepeatsEachGatesBiasForEveryRow() {
        float[] bias = {1, 2, 3, 4, 5, 6, 7, 8};   // DL4J's layout [a | f | o | i], 2 units each
        float[][] tiled = LstmCellMath.tileBias(bias, ROWS, HIDDEN);
        assertEquals(4, tiled.length);
        assertArrayEquals(new float[]{1, 2, 1, 2, 1, 2}, tiled[A]);
        assertArrayEquals(new float[]{3, 4, 3, 4, 3, 4}, tiled[F]);
        assertArrayEquals(new float[]{5, 6, 5, 6, 5, 6}, tiled[O]);
        assertArrayEquals(new float[]{7, 8, 7, 8, 7, 8}, tiled[I]);
    }

    /** One step of the LSTM cell in doubles, element by element: the reference for activate + updateCells. */
    @Test
    void activateAndUpdateCellsComputeAnLstmStep() {
        Random random = new Random(3);
        int units = ROWS * HIDDEN;
        float[][] z = new float[4][units];
        for (float[] gate : z) {
            for (int j = 0; j < units; j++) {
                gate[j] = (float) random.nextGaussian() * 2;
            }
        }
        float[] bias = new float[4 * HIDDEN];
        for (int k = 0; k < bias.length; k++) {
            bias[k] = (float) random.nextGaussian();
        }
        float[] c = new float[units];
        for (int j = 0; j < units; j++) {
            c[j] = (float) random.nextGaussian();
        }
        float[] c0 = c.clone();

        float[][] gates = {z[0].clone(), z[1].clone(), z[2].clone(), z[3].clone()};
        LstmCellMath.activate(gates, LstmCellMath.tileBias(bias, ROWS, HIDDEN), units);
        float[] tanhC = new float[units];
        float[] h = new float[units];
        LstmCellMath.updateCells(gates, c, tanhC, h, units);

        for (int j = 0; j < units; j++) {
            int unit = j % HIDDEN;
            double a = Math.tanh(z[A][j] + bias[A * HIDDEN + unit]);
            double f = sigmoid(z[F][j] + bias[F * HIDDEN + unit]);
            double o = sigmoid(z[O][j] + bias[O * HIDDEN + unit]);
            double i = sigmoid(z[I][j] + bias[I * HIDDEN + unit]);
            double cell = f * c0[j] + i * a;
            assertEquals(a, gates[A][j], 1e-6);
            assertEquals(f, gates[F][j], 1e-6);
            assertEquals(o, gates[O][j], 1e-6);
            assertEquals(i, gates[I][j], 1e-6);
            assertEquals(cell, c[j], 1e-5);
            assertEquals(Math.tanh(cell), tanhC[j], 1e-5);
            assertEquals(o * Math.tanh(cell), h[j], 1e-5);
        }
    }

    @Test
    void onlyTheFirstUnitsElementsChange() {
        float[][] gates = new float[4][4];
        float[][] bias = LstmCellMath.tileBias(new float[]{1, 1, 1, 1}, 4, 1);
        for (float[] gate : gates) {
            gate[3] = 42;
        }
        LstmCellMath.activate(gates, bias, 2);
        for (float[] gate : gates) {
            assertEquals(42f, gate[3]);
            assertEquals(0f, gate[2]);
        }
        float[] c = {1, 1, 7, 7};
        float[] tanhC = new float[4];
        float[] h = new float[4];
        LstmCellMath.updateCells(gates, c, tanhC, h, 2);
        assertEquals(7f, c[2]);
        assertEquals(0f, h[2]);
        assertEquals(0f, tanhC[3]);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
