package io.github.charrnn.cli;

import io.github.charrnn.modelfile.ModelFileException;
import io.github.charrnn.training.TrainingDivergedException;

/** Turns an exception into the one sentence the CLI prints. */
final class ErrorMessages {

    private ErrorMessages() {
    }

    static String describe(Exception e) {
        return describe(null, e);
    }

    /** The sentence for {@code e}, thrown by the subcommand {@code command} (null if unknown). */
    static String describe(String command, Exception e) {
        String outOfMemory = OutOfMemory.describeCause(command, e);
        if (outOfMemory != null) {
            return outOfMemory;
        }
        if (e instanceof IllegalArgumentException || e instanceof ModelFileException || e instanceof TrainingDivergedException) {
            return e.getMessage();
        }
        return "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage() + " (run with --verbose for details)";
    }
}
