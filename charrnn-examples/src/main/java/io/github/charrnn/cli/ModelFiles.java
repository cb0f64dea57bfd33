package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    /** Where the pretrained model lives on the class path (see docs/pretrained-model.md for how it was made). */
    static final String BUNDLED_MODEL = "/io/github/charrnn/models/fortunes-en.zip";

    /** The small pretrained model shipped in charrnn-examples: 2 x 256 LSTM trained on the bundled fortunes-en text. */
    static CharRnn loadBundled() {
        try (InputStream in = ModelFiles.class.getResourceAsStream(BUNDLED_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("the bundled model " + BUNDLED_MODEL + " is missing from the class path");
            }
            return CharRnn.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
