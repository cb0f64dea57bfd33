package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.generation.Generation;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.vocabulary.UnknownCharacters;
import io.github.charrnn.vocabulary.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/** {@code charrnn sample}: generates text from a saved model. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generates text from a saved model: the prime runs through the network, then characters are sampled.")
final class SampleCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "ZIP", description = {"Model file (default: model.zip, the file train writes, if it is here;",
            "else the bundled pretrained model, trained on the fortunes-en text)."})
    Path model;

    @Option(names = "--prime", paramLabel = "TEXT", description = "Text to start from (default: a newline, or a space, if the model knows it).")
    String prime;

    @Mixin
    PrimeFileOptions primeFile;

    @Mixin
    CopyGuardOptions copyGuard;

    @Option(names = "--length", paramLabel = "N", description = "Characters to generate (default: ${DEFAULT-VALUE}).")
    int length = Samples.DEFAULT_LENGTH;

    @Option(names = "--top-k", paramLabel = "K", description = "Sample among the k most likely characters; 0 for all (default: ${DEFAULT-VALUE}).")
    int topK = Samples.DEFAULT_TOP_K;

    @Option(names = "--temperature", paramLabel = "T", description = "Below 1 is safer, above 1 wilder (default: ${DEFAULT-VALUE}).")
    double temperature = Samples.DEFAULT_TEMPERATURE;

    @Mixin
    SearchOptions search;

    @Option(names = "--greedy", description = "Always take the most likely character.")
    boolean greedy;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for a reproducible sample (default: random).")
    Long seed;

    @Option(names = "--count", paramLabel = "N", description = "Independent texts to generate, all in one batch; text i uses seed + i (default: ${DEFAULT-VALUE}).")
    int count = 1;

    @Option(names = "--stop-at", paramLabel = "TEXT", description = {"End each text where TEXT first appears after the prime (TEXT kept),",
            "for example a blank line ('\\n\\n': \\n and \\t stand for a newline and a tab) to get one paragraph;",
            "--length is then the most generated."})
    String stopAt;

    @Option(names = "--stream", description = "Print each character as soon as it is generated (one text only).")
    boolean stream;

    @Mixin
    UnknownOption unknown;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count + ".");
        }
        if (stream && (count > 1 || output.json || stopAt != null || search.bestOf > 1 || search.beam > 0)) {
            throw new IllegalArgumentException("--stream prints one text as it is generated; it cannot be combined with"
                    + " --count above 1, --json, --stop-at, --best-of or --beam.");
        }
        if (stopAt != null && stopAt.isEmpty()) {
            throw new IllegalArgumentException("--stop-at needs at least one character.");
        }
        SamplingOptions options = samplingOptions();
        CharRnn rnn = ModelFiles.load(ModelFiles.chooseForGeneration(model));
        Samples.requireTopKWithin(rnn.vocabulary(), topK, greedy || options.beam() > 0, "--top-k");
        String start = prime != null ? prime : defaultPrime(rnn.vocabulary());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        start = primeFile.prime(prime, start);
        if (copyGuard.enabled()) {
            GuardedSamples.print(rnn, start, count, options, stream, stopAt, copyGuard, output.json, out);
            return 0;
        }
        if (!stream) {
            OutOfMemory.requireTextsFit(count, length, "--length or --count");
        }
        if (stream) {
            out.print(options.unknown().encode(rnn.vocabulary(), start).text());   // the prime as the model reads it
            out.flush();
            rnn.generate(start, options, codePoint -> {
                out.print(Character.toString(codePoint));
                out.flush();
            });
            out.println();
            return 0;
        }
        Generation generation = rnn.generateTexts(start, count, options);
        if (generation.unknownCharacters() > 0) {
            System.err.println("charrnn: " + (options.unknown().action() == UnknownCharacters.Action.SKIP ? "left out " : "replaced ")
                    + generation.unknownCharacters() + " unknown character" + (generation.unknownCharacters() == 1 ? "" : "s")
                    + " of the prime (--unknown " + options.unknown() + ").");
        }
        List<String> texts = generation.texts().stream().map(text -> generation.prime() + text.text()).toList();
        if (output.json) {
            out.println(count == 1 ? Json.object("text", texts.get(0)) : Json.object("texts", texts));
            return 0;
        }
        for (int i = 0; i < texts.size(); i++) {
            if (count > 1) {
                out.println("--- text " + (i + 1) + (options.beam() > 0 ? String.format(" (mean log-probability %.4f)",
                        generation.texts().get(i).meanLogProbability()) : " (seed " + (options.seed() + (long) i * options.bestOf()) + ")"));
            }
            out.println(texts.get(i));
        }
        return 0;
    }

    private SamplingOptions samplingOptions() {
        return SamplingOptions.builder().length(length).topK(topK).topP(search.topP).temperature(temperature)
                .greedy(greedy).seed(seed != null ? seed : ThreadLocalRandom.current().nextLong())
                .stopAt(stopAt == null ? null : stopAt.replace("\\n", "\n").replace("\\t", "\t"))
                .unknown(unknown.policy()).bestOf(search.bestOf).beam(search.beam).build();
    }


    /** A newline if the vocabulary has one, else a space, else its first symbol. */
    static String defaultPrime(Vocabulary vocabulary) {
        if (vocabulary.contains('\n')) {
            return "\n";
        }
        return vocabulary.contains(' ') ? " " : vocabulary.decode(0);
    }

    /** A prime for messages, with newlines visible. */
    static String show(String prime) {
        return '"' + prime.replace("\n", "\\n") + '"';
    }
}
