package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.vocabulary.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/** {@code charrnn sample}: generates text from a saved model. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generates text from a saved model: the prime runs through the network, then characters are sampled.")
final class SampleCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "ZIP", description = "Model file (default: ${DEFAULT-VALUE}).")
    Path model = Path.of("model.zip");

    @Option(names = "--prime", paramLabel = "TEXT", description = "Text to start from (default: a newline, or a space, if the model knows it).")
    String prime;

    @Option(names = "--length", paramLabel = "N", description = "Characters to generate (default: ${DEFAULT-VALUE}).")
    int length = 500;

    @Option(names = "--top-k", paramLabel = "K", description = "Sample among the k most likely characters; 0 for all (default: ${DEFAULT-VALUE}).")
    int topK = 5;

    @Option(names = "--temperature", paramLabel = "T", description = "Below 1 is safer, above 1 wilder (default: ${DEFAULT-VALUE}).")
    double temperature = 1.0;

    @Option(names = "--greedy", description = "Always take the most likely character.")
    boolean greedy;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for a reproducible sample (default: random).")
    Long seed;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        SamplingOptions options = SamplingOptions.builder().length(length).topK(topK).temperature(temperature)
                .greedy(greedy).seed(seed != null ? seed : ThreadLocalRandom.current().nextLong()).build();
        CharRnn rnn = ModelFiles.load(model);
        if (!greedy && topK > rnn.vocabulary().size()) {
            throw new IllegalArgumentException("--top-k " + topK + " is larger than the model's vocabulary of "
                    + rnn.vocabulary().size() + " characters; use 1 to " + rnn.vocabulary().size() + ", or 0 for all.");
        }
        String start = prime != null ? prime : defaultPrime(rnn.vocabulary());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (output.json) {
            out.println(Json.object("text", start + rnn.generate(start, options)));
        } else {
            out.print(start);
            rnn.generate(start, options, codePoint -> out.print(Character.toString(codePoint)));
            out.println();
        }
        return 0;
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
