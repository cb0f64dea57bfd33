package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.vocabulary.Vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code charrnn sample} and {@code charrnn serve} share: their defaults, the top-k bound, and turning one
 * request into texts (the prime, then the generated characters up to the stop text).
 */
final class Samples {

    /** Characters generated when none are asked for. */
    static final int DEFAULT_LENGTH = 500;
    /** Top-k when none is asked for. */
    static final int DEFAULT_TOP_K = 5;
    /** Temperature when none is asked for. */
    static final double DEFAULT_TEMPERATURE = 1.0;

    private Samples() {
    }

    /**
     * Refuses a top-k above the vocabulary's size (it would silently mean "all"); {@code name} is how the caller's
     * user spells the setting, e.g. {@code --top-k} or {@code top_k}.
     */
    static void requireTopKWithin(Vocabulary vocabulary, long topK, boolean greedy, String name) {
        if (!greedy && topK > vocabulary.size()) {
            throw new IllegalArgumentException(name + " " + topK + " is larger than the model's vocabulary of "
                    + vocabulary.size() + " characters; use 1 to " + vocabulary.size() + ", or 0 for all.");
        }
    }

    /**
     * {@code count} texts after {@code prime} (one generation, or one batch when count is above 1; text i uses seed
     * {@code options.seed() + i}), each starting with the prime and cut after the first {@code stopAt} (null: uncut).
     */
    static List<String> generate(CharRnn rnn, String prime, int count, SamplingOptions options, String stopAt) {
        List<String> generated = count == 1 ? List.of(rnn.generate(prime, options)) : rnn.generate(prime, count, options);
        List<String> texts = new ArrayList<>(generated.size());
        for (String text : generated) {
            texts.add(prime + cut(text, stopAt));
        }
        return texts;
    }

    /** The generated text up to and including the first {@code stopAt}, or all of it (also when stopAt is null). */
    static String cut(String generated, String stopAt) {
        if (stopAt == null) {
            return generated;
        }
        int at = generated.indexOf(stopAt);
        return at < 0 ? generated : generated.substring(0, at + stopAt.length());
    }
}
