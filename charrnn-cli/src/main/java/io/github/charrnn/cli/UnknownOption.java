package io.github.charrnn.cli;

import io.github.charrnn.vocabulary.UnknownCharacters;
import picocli.CommandLine.Option;

/** {@code --unknown}: what sample, eval and score do with characters the model does not know. */
final class UnknownOption {

    @Option(names = "--unknown", paramLabel = "ACTION", description = {"Characters the model does not know: error",
            "(refuse), skip (leave them out, and say how many) or",
            "replace:C (read each as C, a character it knows;",
            "\\n, \\t, \\s: newline, tab, space) (default: ${DEFAULT-VALUE})."})
    String unknown = "error";

    /** The setting, checked. */
    UnknownCharacters policy() {
        try {
            return UnknownCharacters.parse(unknown);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--unknown must be error, skip or replace:C with one character C, got \""
                    + unknown + "\".");
        }
    }
}
