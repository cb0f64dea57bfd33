package io.github.charrnn.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/**
 * The example programs' flags, parsed by picocli as {@code ./charrnn}'s are. Each flag is a setter that applies its
 * value to an {@link ExampleSettings.Builder} holding the example's own settings, and picocli calls the setters in the
 * order the flags are given: a later {@code --steps} (or {@code --text}, or bare FILE) wins over an earlier one, and
 * the first {@code --prime} replaces the example's primes while later ones add to them.
 */
@Command(separator = " ", sortOptions = false, sortSynopsis = false, usageHelpAutoWidth = true,
        description = "Trains the example's model on its bundled text (or FILE), saves it and prints what it writes.")
final class ExampleFlags {

    private final ExampleSettings.Builder settings;

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 100, description = "Print the flags and this example's defaults.")
    boolean help;

    ExampleFlags(ExampleSettings.Builder settings) {
        this.settings = settings;
    }

    /** A parser for {@code program}'s command line. */
    CommandLine commandLine(String program) {
        return new CommandLine(this)
                .setCommandName(program)
                .setOverwrittenOptionsAllowed(true)   // --steps 5 --steps 9: the last one counts
                .setPosixClusteredShortOptionsAllowed(false)   // a prime "-hi" is a value, not -h -i
                .setAllowOptionsAsOptionParameters(true);   // and so is "--steps" after --prime
    }

    /** The settings with the parsed flags applied; throws IllegalArgumentException naming an invalid value. */
    ExampleSettings build() {
        return settings.build();
    }

    /** picocli's message about a malformed command line, with its suggestion for a mistyped flag. */
    static String describe(CommandLine.ParameterException e) {
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        return message;
    }

    @Option(names = "--text", paramLabel = "FILE", order = 1,
            description = "Train on this UTF-8 file (or folder) instead of the bundled text; a bare FILE works too.")
    void text(Path text) {
        settings.text(text);
    }

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The same as --text FILE.")
    void file(Path file) {
        settings.text(file);
    }

    @Option(names = "--steps", paramLabel = "N", order = 2,
            description = "Training steps: the budget (more steps, better text, a longer wait).")
    void steps(long steps) {
        settings.steps(steps);
    }

    @Option(names = "--hidden", paramLabel = "N", order = 3, description = "Units per LSTM layer.")
    void hidden(int hiddenSize) {
        settings.hiddenSize(hiddenSize);
    }

    @Option(names = "--layers", paramLabel = "N", order = 4, description = "Stacked LSTM layers.")
    void layers(int layers) {
        settings.layers(layers);
    }

    @Option(names = "--dropout", paramLabel = "P", order = 5, description = "Dropout between the layers and before the output.")
    void dropout(double dropout) {
        settings.dropout(dropout);
    }

    @Option(names = "--lr", paramLabel = "RATE", order = 6, description = "Adam's learning rate.")
    void learningRate(double learningRate) {
        settings.learningRate(learningRate);
    }

    @Option(names = "--batch", paramLabel = "N", order = 7, description = "Rows per mini-batch.")
    void batch(int batchSize) {
        settings.batchSize(batchSize);
    }

    @Option(names = "--seq", paramLabel = "N", order = 8, description = "Characters per training step.")
    void seq(int sequenceLength) {
        settings.sequenceLength(sequenceLength);
    }

    @Option(names = "--prime", paramLabel = "TEXT", order = 9,
            description = "Start the generated texts with TEXT; repeat the flag for several primes (they replace the example's).")
    void primes(List<String> primes) {
        // picocli passes the primes given so far at each --prime: the first replaces the example's, later ones add
        if (primes != null) {
            settings.clearPrimes().primes(primes.toArray(String[]::new));
        }
    }

    @Option(names = "--count", paramLabel = "N", order = 10, description = "Texts to generate per prime.")
    void count(int count) {
        settings.count(count);
    }

    @Option(names = "--length", paramLabel = "N", order = 11, description = "Characters per generated text.")
    void length(int length) {
        settings.length(length);
    }

    @Option(names = "--seed", paramLabel = "N", order = 12, description = "Seed of the weights, the mini-batches and the sampling.")
    void seed(long seed) {
        settings.seed(seed);
    }

    @Option(names = "--model", paramLabel = "ZIP", order = 13, description = "Where to save the trained model.")
    void model(Path modelFile) {
        settings.modelFile(modelFile);
    }
}
