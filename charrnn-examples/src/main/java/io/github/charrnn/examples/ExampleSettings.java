package io.github.charrnn.examples;

import io.github.charrnn.datavec.training.SmallRun;
import picocli.CommandLine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an example program trains on, how large its network is, how long it trains and what it generates. A
 * {@link #builder} starts from the library's small run ({@link SmallRun}: the settings {@code ./charrnn train} uses
 * on a bundled text); each example states its own values over them in one of these, and flags on the command line
 * (parsed with picocli, as {@code ./charrnn}'s are: {@code ExampleFlags}) change those:
 *
 * <pre>
 * --text FILE   train on this UTF-8 file (or folder) instead of the bundled text; a bare FILE argument works too
 * --steps N     training steps: the budget (more steps, better text, a longer wait)
 * --hidden N  --layers N  --dropout P  --lr RATE  --batch N  --seq N     the network and its mini-batches
 * --prime TEXT  start the generated texts with TEXT (repeat the flag for several primes)
 * --count N  --length N  --seed N     how many texts to generate, how many characters each, the seed of everything
 * --model ZIP   where to save the trained model
 * </pre>
 *
 * <p>Immutable. The library checks the network's values when the model is built.
 *
 * @param text           a text file or folder to train on, or null for the example's bundled text
 * @param hiddenSize     units per LSTM layer
 * @param layers         stacked LSTM layers
 * @param dropout        dropout between the layers and before the output
 * @param learningRate   Adam's learning rate
 * @param batchSize      rows per mini-batch
 * @param sequenceLength characters per training step (truncated backpropagation through time)
 * @param steps          training steps, at least 1
 * @param primes         texts to start the generated texts with, at least one
 * @param count          texts to generate (per prime), at least 1
 * @param length         characters to generate per text
 * @param seed           seed of the weights, the mini-batches and the sampling
 * @param modelFile      where the trained model is saved
 */
public record ExampleSettings(Path text, int hiddenSize, int layers, double dropout, double learningRate,
                              int batchSize, int sequenceLength, long steps, List<String> primes, int count, int length,
                              long seed, Path modelFile) {

    /** Checks the values the library does not check itself. */
    public ExampleSettings {
        primes = List.copyOf(primes);
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be at least 1, got " + steps + ".");
        }
        if (primes.isEmpty() || primes.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("--prime needs at least one character.");
        }
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count + ".");
        }
    }

    /**
     * A builder with the small run's settings ({@link SmallRun}; one text of 300 characters per prime) that saves
     * the model as {@code examples-out/NAME.zip}; examples set their own values on it.
     */
    public static Builder builder(String name) {
        return new Builder().modelFile(Path.of("examples-out", name + ".zip"));
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder().text(text).hiddenSize(hiddenSize).layers(layers).dropout(dropout).learningRate(learningRate)
                .batchSize(batchSize).sequenceLength(sequenceLength).steps(steps).primes(primes.toArray(String[]::new))
                .count(count).length(length).seed(seed).modelFile(modelFile);
    }

    /** The first prime. */
    public String prime() {
        return primes.get(0);
    }

    /**
     * These settings with the flags in {@code args} applied (parsed by {@code ExampleFlags}, as {@code ./charrnn}
     * parses its own).
     *
     * @throws IllegalArgumentException naming an unknown flag, a missing value, a value that is not a number or an
     *                                  invalid one
     */
    public ExampleSettings withArguments(String... args) {
        ExampleFlags flags = new ExampleFlags(toBuilder());
        try {
            flags.commandLine("example").parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(ExampleFlags.describe(e), e);
        }
        return flags.build();
    }

    /**
     * For an example's {@code main}: these settings with the command line's flags applied. On {@code --help} it
     * prints the flags and the defaults and exits; on a bad flag or value it says in one line what is wrong and exits
     * with status 2.
     */
    public ExampleSettings fromCommandLine(String program, String... args) {
        try {
            ExampleSettings settings = parseCommandLine(program, System.out, args);
            if (settings == null) {
                System.exit(0);
            }
            return settings;
        } catch (IllegalArgumentException e) {
            System.err.println(program + ": " + e.getMessage());
            System.exit(2);
            throw e;   // not reached
        }
    }

    /**
     * {@link #fromCommandLine} without exiting: these settings with the flags applied, or null after printing the
     * flags and the defaults on {@code out} for {@code --help} (anywhere on the line).
     *
     * @throws IllegalArgumentException the one sentence to print for a bad flag or value
     */
    ExampleSettings parseCommandLine(String program, PrintStream out, String... args) {
        ExampleFlags flags = new ExampleFlags(toBuilder());
        CommandLine commandLine = flags.commandLine(program);
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            commandLine.usage(out);
            out.println("defaults: " + this);
            return null;
        }
        try {
            commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(ExampleFlags.describe(e) + " (usage: " + program + " --help)", e);
        }
        return flags.build();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "text %s, %d x %d LSTM, dropout %s, lr %s, batch %d, seq %d, %d steps, primes %s,"
                        + " %d texts of %d characters, seed %d, model %s", text == null ? "(bundled)" : text, layers,
                hiddenSize, dropout, learningRate, batchSize, sequenceLength, steps, primes, count, length, seed, modelFile);
    }

    /** Builder of {@link ExampleSettings}; {@link #build()} checks the values. */
    public static final class Builder {
        private Path text;
        private int hiddenSize = SmallRun.CONFIG.hiddenSize();
        private int layers = SmallRun.CONFIG.layers();
        private double dropout = SmallRun.CONFIG.dropout();
        private double learningRate = SmallRun.CONFIG.learningRate();
        private int batchSize = SmallRun.BATCH_SIZE;
        private int sequenceLength = SmallRun.CONFIG.sequenceLength();
        private long steps = SmallRun.STEPS;
        private final List<String> primes = new ArrayList<>();
        private int count = 1;
        private int length = 300;
        private long seed = SmallRun.CONFIG.seed();
        private Path modelFile = Path.of("examples-out", "model.zip");

        private Builder() {
        }

        /** A text file or folder to train on; null (default) for the example's bundled text. */
        public Builder text(Path text) {
            this.text = text;
            return this;
        }

        /** Units per LSTM layer (default {@value SmallRun#HIDDEN_SIZE}). */
        public Builder hiddenSize(int hiddenSize) {
            this.hiddenSize = hiddenSize;
            return this;
        }

        /** Stacked LSTM layers (default 2, the small run's). */
        public Builder layers(int layers) {
            this.layers = layers;
            return this;
        }

        /** Dropout probability (default {@value SmallRun#DROPOUT}). */
        public Builder dropout(double dropout) {
            this.dropout = dropout;
            return this;
        }

        /** Adam's learning rate (default {@value SmallRun#LEARNING_RATE}). */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Rows per mini-batch (default {@value SmallRun#BATCH_SIZE}). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Characters per training step (default {@value SmallRun#SEQUENCE_LENGTH}). */
        public Builder sequenceLength(int sequenceLength) {
            this.sequenceLength = sequenceLength;
            return this;
        }

        /** Training steps (default {@value SmallRun#STEPS}). */
        public Builder steps(long steps) {
            this.steps = steps;
            return this;
        }

        /** Adds primes to start the generated texts with. */
        public Builder primes(String... primes) {
            this.primes.addAll(List.of(primes));
            return this;
        }

        /** Texts to generate per prime (default 1). */
        public Builder count(int count) {
            this.count = count;
            return this;
        }

        /** Characters to generate per text (default 300). */
        public Builder length(int length) {
            this.length = length;
            return this;
        }

        /** Seed of the weights, the mini-batches and the sampling (default 12345, the small run's). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Where the trained model is saved. */
        public Builder modelFile(Path modelFile) {
            this.modelFile = modelFile;
            return this;
        }

        /** Forgets the primes given so far (the first {@code --prime} flag replaces the example's). */
        Builder clearPrimes() {
            primes.clear();
            return this;
        }

        /** The settings; throws IllegalArgumentException naming an invalid value. */
        public ExampleSettings build() {
            return new ExampleSettings(text, hiddenSize, layers, dropout, learningRate, batchSize, sequenceLength, steps,
                    primes, count, length, seed, modelFile);
        }
    }
}
