package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;

import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the model a subcommand works on, with a hint for the first-time user who has none yet. */
final class ModelFiles {

    private ModelFiles() {
    }

    /** The model for generating and evaluating (without its optimizer state: quicker). */
    static CharRnn load(Path model) {
        requireExisting(model);
        return CharRnn.loadForGeneration(model);
    }

    /** The model with its optimizer state, to continue training. */
    static CharRnn loadWithOptimizer(Path model) {
        requireExisting(model);
        return CharRnn.load(model);
    }

    private static void requireExisting(Path model) {
        if (!Files.exists(model)) {
            throw new IllegalArgumentException("There is no model file " + model
                    + "; train one first (./charrnn train --model " + model + ") or name one with --model.");
        }
    }
}
