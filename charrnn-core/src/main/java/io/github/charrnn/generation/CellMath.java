package io.github.charrnn.generation;

/** The softmax of the output layer, shared by the single-stream and the batched stepper. */
final class CellMath {

    private CellMath() {
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
