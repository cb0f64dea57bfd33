package io.github.charrnn.cli;

import io.github.charrnn.modelfile.ModelFileException;
import io.github.charrnn.training.TrainingDivergedException;

/** Turns an exception into the one sentence the CLI prints. */
final class ErrorMessages {

    private ErrorMessages() {
    }

    static String describe(Exception e) {
        if (e instanceof IllegalArgumentException || e instanceof ModelFileException || e instanceof TrainingDivergedException) {
            return e.getMessage();
        }
        if (e.getCause() instanceof OutOfMemoryError) {
            return "Out of memory; use a smaller --batch, --seq or --hidden, or give Java more heap (JAVA_OPTS=-Xmx8g).";
        }
        return "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage() + " (run with --verbose for details)";
    }
}
