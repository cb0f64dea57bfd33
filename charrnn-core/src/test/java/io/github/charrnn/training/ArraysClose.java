package io.github.charrnn.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Float arrays compared element by element, to a tolerance relative to the expected array's largest magnitude. */
final class ArraysClose {

    private ArraysClose() {
    }

    static void assertClose(float[] expected, float[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (float value : expected) {
            scale = Math.max(scale, Math.abs(value));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], relative * scale, what + ", element " + i);
        }
    }
}
