package io.github.charrnn.examples;

import io.github.charrnn.modelfile.ModelFileException;
import io.github.charrnn.training.TrainingDivergedException;

import java.io.UncheckedIOException;

/**
 * How the examples' {@code main} methods run: library logging at WARN, and bad input — a missing text file, a prime
 * the text cannot read — ends with one sentence on stderr and exit status 1, as {@code ./charrnn} does, instead of a
 * stack trace.
 */
final class ExampleMain {

    private ExampleMain() {
    }

    /** Runs {@code example}; a refusal of the user's input ends the program with its one-sentence message. */
    static void run(String program, Runnable example) {
        // ND4J's start-up lines would bury the example's own output; the CLI quiets them the same way
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try {
            example.run();
        } catch (IllegalArgumentException | UncheckedIOException | ModelFileException | TrainingDivergedException e) {
            System.err.println(program + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
