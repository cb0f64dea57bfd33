package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;

import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the model a subcommand works on, with a hint for the first-time user who has none yet. */
final class ModelFiles {

    private ModelFiles() {
    }

    static CharRnn load(Path model) {
        if (!Files.exists(model)) {
            throw new IllegalArgumentException("There is no model file " + model
                    + "; train one first (./charrnn train --model " + model + ") or name one with --model.");
        }
        return CharRnn.loadForGeneration(model);
    }
}
