package io.github.charrnn.cli;

import io.github.charrnn.generation.SamplingOptions;

import java.util.Map;

/**
 * The settings of one {@code POST /generate}, checked and with the defaults filled in: what the server generates
 * and echoes back. One record per request, so that a new setting is one new component.
 *
 * @param prime       the text the generation continues (included in every answered text)
 * @param length      characters generated after the prime, per text
 * @param topK        sample among the k most likely characters; 0 for all
 * @param temperature probabilities raised to 1/temperature before sampling
 * @param greedy      always the most likely character
 * @param seed        the first text's seed; text i uses seed + i
 * @param count       texts generated
 * @param stopAt      each text ends after its first occurrence of this (null: full length)
 */
record GenerationSettings(String prime, int length, int topK, double temperature, boolean greedy, long seed, int count,
                          String stopAt) {

    /** The sampling options of text {@code row}. */
    SamplingOptions options(int row) {
        return SamplingOptions.builder().length(length).topK(topK).temperature(temperature).greedy(greedy)
                .seed(seed + row).build();
    }

    /** The settings as the answer echoes them, in the documented order. */
    Map<String, Object> echo() {
        return Json.fields("prime", prime, "length", length, "top_k", topK, "temperature", temperature, "greedy", greedy,
                "seed", seed, "count", count, "stop_at", stopAt);
    }
}
