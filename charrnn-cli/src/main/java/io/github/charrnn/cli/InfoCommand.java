package io.github.charrnn.cli;

import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.modelfile.ModelFile;
import io.github.charrnn.modelfile.ModelMetadata;
import io.github.charrnn.modelfile.Provenance;
import io.github.charrnn.modelfile.TrainingSummary;
import io.github.charrnn.training.TrainingPosition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code charrnn info}: what a model file says about itself — hyperparameters, vocabulary, training, provenance —
 * read from its metadata alone (no network is built, so it answers at once).
 */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Shows a model file's hyperparameters, vocabulary, training progress and provenance.")
final class InfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ZIP", description = "The model file.")
    Path model;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(model)) {
            throw new IllegalArgumentException("There is no model file " + model + ".");
        }
        ModelMetadata metadata = ModelFile.readMetadata(model);
        CharRnnConfig config = metadata.config();
        TrainingSummary training = metadata.training();
        Provenance provenance = metadata.provenance();
        TrainingPosition position = metadata.position();
        PrintStream out = System.out;
        if (output.json) {
            out.println(json(model, metadata));
            return 0;
        }
        out.printf("file:          %s (%,d bytes, format version %d)%n", model, Files.size(model), metadata.formatVersion());
        out.printf("network:       %d x %d %s, dropout %s, vocabulary %d symbols, %s input%n", config.layers(),
                config.hiddenSize(), config.cellType(), config.dropout(), metadata.vocabulary().size(),
                config.embedded() ? "embedded (" + config.embeddingSize() + " values)" : "one-hot");
        out.printf("training:      Adam %s, gradient clip %s, sequence length %d, seed %d%n", config.learningRate(),
                config.gradientClip(), config.sequenceLength(), config.seed());
        out.printf("progress:      %,d steps, epochs begun: %d, %,d characters; train loss %.4f, validation loss %.4f%n",
                training.steps(), training.epochs(), training.charactersTrained(), training.trainLoss(), training.validationLoss());
        out.printf("corpus:        %s%n", training.corpus() == null ? "(not recorded)" : training.corpus());
        out.printf("resumable:     %s%n", position == null
                ? training.steps() == 0 ? "no (never trained)" : metadata.earlyStopping() != null && metadata.earlyStopping().stopped()
                        ? "no (stopped early: the run is over)" : "no (saved --for-generation, or trained with --workers or"
                        + " --spark, whose DL4J trainers keep each worker's optimizer state and place in the text to"
                        + " themselves, so no exact position can be recorded; train it further in a new run)"
                : "yes, at epoch " + position.epoch() + " after " + (position.carried() != null
                        ? position.carried().windowsIntoEpoch() + " steps of it, with the carried state"
                        : position.batchesDone() + " mini-batches") + " (train --resume)");
        if (metadata.schedule() != null) {
            out.printf("lr schedule:   %s%n", metadata.schedule().describe());
        }
        if (metadata.earlyStopping() != null) {
            out.printf("early stop:    %s%n", metadata.earlyStopping().describe());
        }
        if (provenance != null) {
            out.printf("written by:    charrnn %s, DL4J %s, Java %s, at %s%n", provenance.charrnnVersion(),
                    provenance.dl4jVersion(), provenance.javaVersion(), provenance.savedAt());
        }
        return 0;
    }

    /** The model file's metadata as one line of JSON: what {@code info --json} prints. */
    static String json(Path model, ModelMetadata metadata) throws IOException {
        return json(model, metadata, model.toString());
    }

    /**
     * The same with the file shown as {@code shownAs}: {@code serve}'s /info shows only the file's name, since its
     * path says things about the machine that a client has no need to know.
     */
    static String json(Path model, ModelMetadata metadata, String shownAs) throws IOException {
        CharRnnConfig config = metadata.config();
        TrainingSummary training = metadata.training();
        Provenance provenance = metadata.provenance();
        TrainingPosition position = metadata.position();
        return Json.object("file", shownAs, "bytes", Files.size(model),
                "format_version", metadata.formatVersion(), "vocabulary_size", metadata.vocabulary().size(),
                "cell", config.cellType().name(), "input", config.input().name().toLowerCase(java.util.Locale.ROOT),
                "embedding_size", config.embeddingSize(), "layers", config.layers(), "hidden", config.hiddenSize(),
                "dropout", config.dropout(), "learning_rate", config.learningRate(), "gradient_clip", config.gradientClip(),
                "sequence_length", config.sequenceLength(), "seed", config.seed(),
                "steps", training.steps(), "epochs", training.epochs(), "characters_trained", training.charactersTrained(),
                "train_loss", training.trainLoss(), "validation_loss", training.validationLoss(), "corpus", training.corpus(),
                "resumable_at_epoch", position == null ? null : position.epoch(),
                "lr_schedule", metadata.schedule() == null ? null : metadata.schedule().describe(),
                "stopped_early", metadata.earlyStopping() == null ? null : metadata.earlyStopping().stopped(),
                "best_validation_loss", metadata.earlyStopping() == null ? null : metadata.earlyStopping().bestLoss(),
                "best_validation_step", metadata.earlyStopping() == null ? null : metadata.earlyStopping().bestStep(),
                "charrnn_version", provenance == null ? null : provenance.charrnnVersion(),
                "dl4j_version", provenance == null ? null : provenance.dl4jVersion(),
                "java_version", provenance == null ? null : provenance.javaVersion(),
                "saved_at", provenance == null ? null : provenance.savedAt());
    }
}
