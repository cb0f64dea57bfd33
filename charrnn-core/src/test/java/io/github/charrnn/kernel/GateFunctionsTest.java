package io.github.charrnn.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateFunctionsTest {

    @Test
    void tanhIsWithinItsStatedErrorOverTheWholeRange() {
        double worst = 0;
        for (float x = -20f; x <= 20f; x += 0.001f) {
            worst = Math.max(worst, Math.abs(GateFunctions.tanh(x) - Math.tanh(x)));
        }
        assertTrue(worst <= 4e-7, "worst tanh error " + worst);
    }

    @Test
    void sigmoidIsWithinItsStatedErrorOverTheWholeRange() {
        double worst = 0;
        for (float x = -40f; x <= 40f; x += 0.002f) {
            worst = Math.max(worst, Math.abs(GateFunctions.sigmoid(x) - 1 / (1 + Math.exp(-x))));
        }
        assertTrue(worst <= 3e-7, "worst sigmoid error " + worst);
    }

    @Test
    void theTailsSaturateAndTheOriginIsExact() {
        assertEquals(0f, GateFunctions.tanh(0f));
        assertEquals(0.5f, GateFunctions.sigmoid(0f));
        assertEquals(1f, GateFunctions.tanh(1e30f), 1e-6f);
        assertEquals(-1f, GateFunctions.tanh(Float.NEGATIVE_INFINITY), 1e-6f);
        assertEquals(1f, GateFunctions.sigmoid(Float.POSITIVE_INFINITY), 1e-6f);
        assertEquals(0f, GateFunctions.sigmoid(-1e30f), 1e-6f);
        assertEquals(-GateFunctions.tanh(0.3f), GateFunctions.tanh(-0.3f));   // odd
        assertTrue(Math.abs(GateFunctions.tanh(1e30f)) <= 1f);
    }

    @Test
    void theInPlaceLoopsApplyTheFunctionToTheFirstCountValuesOnly() {
        float[] values = {-2f, -0.5f, 0f, 0.5f, 2f, 9f};
        float[] tanh = values.clone();
        GateFunctions.tanhInPlace(tanh, 5);
        float[] sigmoid = values.clone();
        GateFunctions.sigmoidInPlace(sigmoid, 5);
        for (int k = 0; k < 5; k++) {
            assertEquals(GateFunctions.tanh(values[k]), tanh[k]);
            assertEquals(GateFunctions.sigmoid(values[k]), sigmoid[k]);
        }
        assertEquals(9f, tanh[5]);
        assertEquals(9f, sigmoid[5]);
    }
}
