package io.github.charrnn.cli;

import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.vocabulary.UnknownCharacters;

import java.util.Map;

/**
 * The settings of one {@code POST /generate}, checked and with the defaults filled in: what the server generates
 * and echoes back. One record per request, so that a new setting is one new component.
 *
 * @param prime             the text the generation continues, as the model reads it (unknown characters already
 *                          skipped or replaced), included in every answered text
 * @param length            characters generated after the prime, per text
 * @param topK              sample among the k most likely characters; 0 for all
 * @param temperature       probabilities raised to 1/temperature before sampling
 * @param greedy            always the most likely character
 * @param seed              the first text's seed; text i uses seed + i
 * @param count             texts generated
 * @param stopAt            each text ends after its first occurrence of this (null: full length)
 * @param topP              nucleus sampling: keep the most likely characters up to this much probability; 1 keeps all
 * @param bestOf            candidates per text, the most likely kept (1: plain sampling)
 * @param beam              beam width of a beam search instead of sampling (0: sample)
 * @param unknown           what was done with the prime's unknown characters
 * @param unknownCharacters how many prime characters were unknown (skipped or replaced)
 */
record GenerationSettings(String prime, int length, int topK, double temperature, boolean greedy, long seed, int count,
                          String stopAt, double topP, int bestOf, int beam, UnknownCharacters unknown,
                          int unknownCharacters) {

    /** Plain sampling settings: top-p 1, no best-of or beam, a prime of known characters. */
    GenerationSettings(String prime, int length, int topK, double temperature, boolean greedy, long seed, int count,
                       String stopAt) {
        this(prime, length, topK, temperature, greedy, seed, count, stopAt, 1.0, 1, 0, UnknownCharacters.ERROR, 0);
    }

    /**
     * The sampling options of text {@code row} (seed + row). The prime is already read, so its unknown characters
     * need no policy here.
     */
    SamplingOptions options(int row) {
        return SamplingOptions.builder().length(length).topK(topK).topP(topP).temperature(temperature).greedy(greedy)
                .seed(seed + row).stopAt(stopAt).bestOf(bestOf).beam(beam).build();
    }

    /** Whether the texts are chosen among whole candidates (best-of-N or beam search), not sampled as they go. */
    boolean choosesWholeTexts() {
        return bestOf > 1 || beam > 0;
    }

    /** The settings as the answer echoes them, in the documented order. */
    Map<String, Object> echo() {
        return Json.fields("prime", prime, "length", length, "top_k", topK, "temperature", temperature, "greedy", greedy,
                "seed", seed, "count", count, "stop_at", stopAt, "top_p", topP, "best_of", bestOf, "beam", beam,
                "unknown", unknown.toString(), "unknown_chars", unknownCharacters);
    }
}
