package io.github.charrnn.generation;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** {@link PowerTable}: x^a within 1e-6 relative of Math.pow over the floats probabilities take, and its edge cases. */
class PowerTableTest {

    @Test
    void agreesWithMathPow() {
        SplittableRandom random = new SplittableRandom(11);
        for (double a : new double[]{0.1, 0.5, 1 / 0.8, 2, 10}) {
            PowerTable table = new PowerTable(a);
            for (int i = 0; i < 20_000; i++) {
                float x = (float) Math.pow(random.nextDouble(), 1 + random.nextInt(20));
                double expected = Math.pow(x, a);
                if (x >= Float.MIN_NORMAL && expected > 1e-300) {   // not where doubles themselves lose precision
                    assertEquals(expected, table.pow(x), expected * 1e-6, "x " + x + " a " + a);
                }
            }
            assertEquals(1.0, table.pow(1f), 1e-15);
            assertEquals(0.0, table.pow(0f));
            assertEquals(0.0, table.pow(-0.5f));
            assertEquals(Math.pow(Float.MIN_VALUE, a), table.pow(Float.MIN_VALUE));   // subnormal: Math.pow
        }
        assertSame(PowerTable.of(1.25), PowerTable.of(1.25));
    }
}
