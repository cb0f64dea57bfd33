package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.texts.PretrainedModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Loads the model a subcommand works on, with a hint for the first-time user who has none yet. */
final class ModelFiles {

    private ModelFiles() {
    }

    /** The model for generating and evaluating (without its optimizer state: quicker). */
    static CharRnn load(Path model) {
        requireExisting(model);
        return CharRnn.loadForGeneration(model);
    }

    /**
     * The model a generating command works on: {@code given} if the user named one, else {@code model.zip} here
     * (what {@code train} writes by default), else the bundled pretrained model, copied to a temporary file; the
     * last choice is said on stderr, so stdout stays the command's output.
     */
    static Path chooseForGeneration(Path given) {
        if (given != null) {
            return given;
        }
        Path trained = Path.of("model.zip");
        if (Files.exists(trained)) {
            return trained;
        }
        System.err.println("charrnn: no --model and no model.zip here, so using the bundled pretrained model"
                + " (2 x 256 LSTM trained on the fortunes-en text; see docs/pretrained-model.md).");
        return bundledModelFile();
    }

    /** The bundled pretrained model as a file (a temporary copy, deleted when the JVM exits). */
    static Path bundledModelFile() {
        try (InputStream in = PretrainedModel.open()) {   // charrnn-texts; docs/pretrained-model.md
            Path copy = Files.createTempFile("charrnn-pretrained-fortunes-en-", ".zip");
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the bundled model to a temporary file: " + e.getMessage(), e);
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
