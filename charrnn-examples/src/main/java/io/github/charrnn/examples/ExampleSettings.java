package io.github.charrnn.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an example program trains on, how large its network is, how long it trains and what it generates. Each
 * example keeps its defaults in one of these; flags on the command line change them:
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

    /** The flags {@link #withArguments} understands, for a usage message. */
    public static final String FLAGS = "[--text FILE | FILE] [--steps N] [--hidden N] [--layers N] [--dropout P] [--lr RATE]"
            + " [--batch N] [--seq N] [--prime TEXT]... [--count N] [--length N] [--seed N] [--model ZIP]";

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
     * A builder with small defaults that saves the model as {@code examples-out/NAME.zip}; examples set their own
     * values on it.
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
     * These settings with the flags in {@code args} applied.
     *
     * @throws IllegalArgumentException naming an unknown flag, a missing value or a value that is not a number
     */
    public ExampleSettings withArguments(String... args) {
        Builder builder = toBuilder();
        boolean primeGiven = false;
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                builder.set("--text", args[i]);
                continue;
            }
            String flag = args[i];
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(flag + " needs a value.");
            }
            if (flag.equals("--prime") && !primeGiven) {
                builder.primes.clear();   // the first --prime replaces the example's primes, later ones add to them
                primeGiven = true;
            }
            builder.set(flag, args[++i]);
        }
        return builder.build();
    }

    /**
     * For an example's {@code main}: these settings with the command line's flags applied. On {@code --help} it
     * prints the flags and the defaults and exits; on a bad flag it says what is wrong and exits with status 2.
     */
    public ExampleSettings fromCommandLine(String program, String... args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println("usage: " + program + " " + FLAGS);
            System.out.println("defaults: " + this);
            System.exit(0);
        }
        try {
            return withArguments(args);
        } catch (IllegalArgumentException e) {
            System.err.println(program + ": " + e.getMessage());
            System.err.println("usage: " + program + " " + FLAGS);
            System.exit(2);
            throw e;   // not reached
        }
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
        private int hiddenSize = 128;
        private int layers = 2;
        private double dropout = 0.1;
        private double learningRate = 0.004;
        private int batchSize = 32;
        private int sequenceLength = 50;
        private long steps = 300;
        private final List<String> primes = new ArrayList<>();
        private int count = 1;
        private int length = 300;
        private long seed = 1;
        private Path modelFile = Path.of("examples-out", "model.zip");

        private Builder() {
        }

        /** A text file or folder to train on; null (default) for the example's bundled text. */
        public Builder text(Path text) {
            this.text = text;
            return this;
        }

        /** Units per LSTM layer (default 128). */
        public Builder hiddenSize(int hiddenSize) {
            this.hiddenSize = hiddenSize;
            return this;
        }

        /** Stacked LSTM layers (default 2). */
        public Builder layers(int layers) {
            this.layers = layers;
            return this;
        }

        /** Dropout probability (default 0.1). */
        public Builder dropout(double dropout) {
            this.dropout = dropout;
            return this;
        }

        /** Adam's learning rate (default 0.004). */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Rows per mini-batch (default 32). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Characters per training step (default 50). */
        public Builder sequenceLength(int sequenceLength) {
            this.sequenceLength = sequenceLength;
            return this;
        }

        /** Training steps (default 300). */
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

        /** Seed of the weights, the mini-batches and the sampling (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Where the trained model is saved. */
        public Builder modelFile(Path modelFile) {
            this.modelFile = modelFile;
            return this;
        }

        /** Sets the value of one command-line flag. */
        private void set(String flag, String value) {
            try {
                switch (flag) {
                    case "--text" -> text(Path.of(value));
                    case "--hidden" -> hiddenSize(Integer.parseInt(value));
                    case "--layers" -> layers(Integer.parseInt(value));
                    case "--dropout" -> dropout(Double.parseDouble(value));
                    case "--lr" -> learningRate(Double.parseDouble(value));
                    case "--batch" -> batchSize(Integer.parseInt(value));
                    case "--seq" -> sequenceLength(Integer.parseInt(value));
                    case "--steps" -> steps(Long.parseLong(value));
                    case "--prime" -> primes(value);
                    case "--count" -> count(Integer.parseInt(value));
                    case "--length" -> length(Integer.parseInt(value));
                    case "--seed" -> seed(Long.parseLong(value));
                    case "--model" -> modelFile(Path.of(value));
                    default -> throw new IllegalArgumentException("Unknown flag " + flag + ".");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a number, got '" + value + "'.", e);
            }
        }

        /** The settings; throws IllegalArgumentException naming an invalid value. */
        public ExampleSettings build() {
            return new ExampleSettings(text, hiddenSize, layers, dropout, learningRate, batchSize, sequenceLength, steps,
                    primes, count, length, seed, modelFile);
        }
    }
}
