package io.github.charrnn.generation;

import static io.github.charrnn.kernel.GateFunctions.sigmoid;
import static io.github.charrnn.kernel.GateFunctions.tanh;

/** The element-wise math of one recurrent step, shared by the single-stream and the batched stepper. */
final class CellMath {

    private CellMath() {
    }

    /**
     * One LSTM cell update of {@code hidden} units in DL4J's gate layout: {@code gates[from..from+4H)} holds the
     * pre-activations of block input, forget, output and input gates; c = f*c + i*tanh(a), h = o*tanh(c).
     */
    static void lstm(float[] gates, int from, float[] h, float[] c, int at, int hidden) {
        for (int k = 0; k < hidden; k++) {
            float blockInput = tanh(gates[from + k]);
            float forget = sigmoid(gates[from + hidden + k]);
            float output = sigmoid(gates[from + 2 * hidden + k]);
            float input = sigmoid(gates[from + 3 * hidden + k]);
            c[at + k] = forget * c[at + k] + input * blockInput;
            h[at + k] = output * tanh(c[at + k]);
        }
    }

    /** One tanh-RNN update: h = tanh(pre-activation). */
    static void rnn(float[] preActivations, int from, float[] h, int at, int hidden) {
        for (int k = 0; k < hidden; k++) {
            h[at + k] = tanh(preActivations[from + k]);
        }
    }

    /** out = softmax(logits[from..from+V) + bias), with the maximum subtracted for stability. */
    static void softmax(float[] logits, int from, float[] bias, float[] out) {
        int size = out.length;
        float max = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < size; v++) {
            out[v] = logits[from + v] + bias[v];
            max = Math.max(max, out[v]);
        }
        double sum = 0;
        for (int v = 0; v < size; v++) {
            out[v] = (float) Math.exp(out[v] - max);
            sum += out[v];
        }
        float scale = (float) (1.0 / sum);
        for (int v = 0; v < size; v++) {
            out[v] *= scale;
        }
    }
}
