package io.github.charrnn.generation;

import io.github.charrnn.vocabulary.UnknownCharacters;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How to generate one request's texts: how each next character is picked, where a text ends, what happens to a
 * prime's unknown characters, and whether several candidates compete (best-of-N) or a beam search replaces
 * sampling. Immutable, so one object can describe one server request; build one with {@link #builder()}.
 *
 * @param length       characters to generate after the prime, at least 1 (the most, with {@code stopAt})
 * @param topK         sample among the k most likely characters (the articles' top-k); 0 samples among all
 * @param topP         then keep the fewest most likely characters whose probability (after top-k and temperature)
 *                     reaches p, nucleus sampling; in (0, 1], 1 keeps all
 * @param temperature  probabilities are raised to 1/temperature before sampling (softmax of logits/T); &gt; 0
 * @param greedy       always take the most likely character (argmax), ignoring topK, topP and temperature
 * @param seed         seed of the sampling random numbers: the same seed, model and prime give the same text
 * @param stopAt       a text ends where this first appears after the prime (kept), and generation stops there;
 *                     null: every text has {@code length} characters
 * @param unknown      what happens to prime characters the model does not know
 * @param bestOf       generate this many candidates in one batch and keep the most likely under the model (the
 *                     highest mean log-probability at temperature 1 of the characters after the prime, after the
 *                     stopAt cut); 1 keeps the one sample
 * @param beam         0 to sample; W &ge; 1 for a deterministic beam search over characters keeping W texts at every
 *                     step (topK, topP, temperature, greedy and seed do not apply); not with bestOf above 1
 */
public record SamplingOptions(int length, int topK, double topP, double temperature, boolean greedy, long seed,
                              String stopAt, UnknownCharacters unknown, int bestOf, int beam) {

    /** Checks every value; the exception names the value and what is allowed. */
    public SamplingOptions {
        if (length < 1) {
            throw new IllegalArgumentException("length must be at least 1, got " + length + ".");
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be at least 1 (or 0 to sample among all characters), got " + topK + ".");
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be above 0 and at most 1 (1 keeps every character), got " + topP + ".");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number greater than 0, got " + temperature + ".");
        }
        if (stopAt != null && stopAt.isEmpty()) {
            throw new IllegalArgumentException("stop-at needs at least one character (or none at all, to keep whole texts).");
        }
        Objects.requireNonNull(unknown, "unknown");
        if (bestOf < 1) {
            throw new IllegalArgumentException("best-of must be at least 1 (1 keeps the one sample), got " + bestOf + ".");
        }
        if (beam < 0) {
            throw new IllegalArgumentException("beam must be at least 1 (or 0 to sample), got " + beam + ".");
        }
        if (beam > 0 && bestOf > 1) {
            throw new IllegalArgumentException("best-of and beam cannot be combined: beam search is deterministic and"
                    + " keeps its own candidates; use one of them.");
        }
    }

    /** Sampling as before top-p, best-of and beam existed: top-p 1, no stop text, unknown characters refused. */
    public SamplingOptions(int length, int topK, double temperature, boolean greedy, long seed) {
        this(length, topK, 1.0, temperature, greedy, seed, null, UnknownCharacters.ERROR, 1, 0);
    }

    /**
     * A builder with the defaults: 200 characters, top-k 5, top-p 1, temperature 1, a random seed, no stop text,
     * unknown prime characters refused, one sample.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        return new Builder().length(length).topK(topK).topP(topP).temperature(temperature).greedy(greedy).seed(seed)
                .stopAt(stopAt).unknown(unknown).bestOf(bestOf).beam(beam);
    }

    /** Builder of {@link SamplingOptions}; values are checked by {@link #build()}. */
    public static final class Builder {
        private int length = 200;
        private int topK = 5;
        private double topP = 1.0;
        private double temperature = 1.0;
        private boolean greedy;
        private long seed = ThreadLocalRandom.current().nextLong();
        private String stopAt;
        private UnknownCharacters unknown = UnknownCharacters.ERROR;
        private int bestOf = 1;
        private int beam;

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

        /** Nucleus sampling: keep the most likely characters up to this much probability (default 1: all). */
        public Builder topP(double topP) {
            this.topP = topP;
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

        /** End each text at the first appearance of this text after the prime (default null: no end). */
        public Builder stopAt(String stopAt) {
            this.stopAt = stopAt;
            return this;
        }

        /** What to do with prime characters the model does not know (default: refuse the prime). */
        public Builder unknown(UnknownCharacters unknown) {
            this.unknown = unknown;
            return this;
        }

        /** Candidates per text, the most likely kept (default 1). */
        public Builder bestOf(int bestOf) {
            this.bestOf = bestOf;
            return this;
        }

        /** Beam width of a beam search instead of sampling (default 0: sample). */
        public Builder beam(int beam) {
            this.beam = beam;
            return this;
        }

        /** The options; throws IllegalArgumentException naming an invalid value. */
        public SamplingOptions build() {
            return new SamplingOptions(length, topK, topP, temperature, greedy, seed, stopAt, unknown, bestOf, beam);
        }
    }
}
