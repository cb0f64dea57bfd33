package io.github.charrnn.generation;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How to pick each next character. Immutable; build one with {@link #builder()}.
 *
 * @param length       characters to generate after the prime, at least 1
 * @param topK         sample among the k most likely characters (the articles' top-k); 0 samples among all
 * @param temperature  probabilities are raised to 1/temperature before sampling (softmax of logits/T); &gt; 0
 * @param greedy       always take the most likely character (argmax), ignoring topK and temperature
 * @param seed         seed of the sampling random numbers: the same seed, model and prime give the same text
 */
public record SamplingOptions(int length, int topK, double temperature, boolean greedy, long seed) {

    /** Checks every value; the exception names the value and what is allowed. */
    public SamplingOptions {
        if (length < 1) {
            throw new IllegalArgumentException("length must be at least 1, got " + length + ".");
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be at least 1 (or 0 to sample among all characters), got " + topK + ".");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number greater than 0, got " + temperature + ".");
        }
    }

    /** A builder with the defaults: 200 characters, top-k 5, temperature 1, a random seed. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        return new Builder().length(length).topK(topK).temperature(temperature).greedy(greedy).seed(seed);
    }

    /** Builder of {@link SamplingOptions}; values are checked by {@link #build()}. */
    public static final class Builder {
        private int length = 200;
        private int topK = 5;
        private double temperature = 1.0;
        private boolean greedy;
        private long seed = ThreadLocalRandom.current().nextLong();

        /** Characters to generate (default 200). */
        public Builder length(int length) {
            this.length = length;
            return this;
        }

        /** Sample among the k most likely characters (default 5); 0 for all. */
        public Builder topK(int topK) {
            this.topK = topK;
            return this;
        }

        /** Temperature (default 1). */
        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Argmax instead of sampling (default false). */
        public Builder greedy(boolean greedy) {
            this.greedy = greedy;
            return this;
        }

        /** Seed for reproducible samples (default: random). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The options; throws IllegalArgumentException naming an invalid value. */
        public SamplingOptions build() {
            return new SamplingOptions(length, topK, temperature, greedy, seed);
        }
    }
}
