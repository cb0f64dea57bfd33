package io.github.charrnn.cli;

import picocli.CommandLine.Option;

/** The flags of {@code sample} beyond top-k and temperature: nucleus sampling, best-of-N and beam search. */
final class SearchOptions {

    @Option(names = "--top-p", paramLabel = "P", description = {"Nucleus sampling: after top-k and temperature, keep",
            "the fewest most likely characters whose probability",
            "reaches P; 1 keeps all (default: ${DEFAULT-VALUE})."})
    double topP = 1.0;

    @Option(names = "--best-of", paramLabel = "N", description = {"Generate N candidates per text in one batch and print",
            "the most likely: the highest mean log-probability of",
            "its characters after the prime, after the --stop-at",
            "cut (default: ${DEFAULT-VALUE})."})
    int bestOf = 1;

    @Option(names = "--beam", paramLabel = "W", description = {"Deterministic beam search keeping W texts per step",
            "instead of sampling (--top-k, --top-p, --temperature",
            "and --seed do not apply; --count up to W prints the",
            "best). Beams repeat themselves: docs/sampling.md",
            "(default: off)."})
    int beam;
}
