package io.github.charrnn.generation;

import java.util.SplittableRandom;

/**
 * Picks the next symbol id from a probability distribution: greedy (argmax), or top-k sampling with a
 * temperature. Ties go to the lower id, so top-k 1 picks exactly what greedy picks. Not thread-safe: one
 * sampler per generation.
 */
public final class NextCharacterSampler {

    private final SamplingOptions options;
    private final SplittableRandom random;

    /** A sampler whose random numbers start from {@code options.seed()}. */
    public NextCharacterSampler(SamplingOptions options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
    }

    /** The id of the next character given the model's probabilities (need not sum to exactly 1). */
    public int next(float[] probabilities) {
        if (options.greedy() || options.topK() == 1) {
            return argmax(probabilities);
        }
        int k = options.topK() == 0 ? probabilities.length : Math.min(options.topK(), probabilities.length);
        int[] top = topK(probabilities, k);
        double[] weights = new double[k];
        double total = 0;
        double exponent = 1.0 / options.temperature();
        for (int i = 0; i < k; i++) {
            weights[i] = exponent == 1.0 ? probabilities[top[i]] : Math.pow(probabilities[top[i]], exponent);
            total += weights[i];
        }
        if (!(total > 0)) {
            return top[0];
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < k; i++) {
            u -= weights[i];
            if (u < 0) {
                return top[i];
            }
        }
        return top[k - 1];
    }

    static int argmax(float[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Ids of the k largest probabilities, largest first, ties to the lower id. */
    static int[] topK(float[] probabilities, int k) {
        int[] top = new int[k];
        int size = 0;
        for (int id = 0; id < probabilities.length; id++) {
            float p = probabilities[id];
            if (size == k && p <= probabilities[top[k - 1]]) {
                continue;
            }
            int pos = size < k ? size++ : k - 1;
            while (pos > 0 && probabilities[top[pos - 1]] < p) {
                top[pos] = top[pos - 1];
                pos--;
            }
            top[pos] = id;
        }
        return top;
    }
}
