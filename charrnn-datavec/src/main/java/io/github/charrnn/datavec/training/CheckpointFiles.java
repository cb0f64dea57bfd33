package io.github.charrnn.datavec.training;

import io.github.charrnn.CharRnn;
import io.github.charrnn.modelfile.ModelFile;
import io.github.charrnn.training.BatchingKey;
import io.github.charrnn.training.CheckpointListener;
import io.github.charrnn.training.TrainingPosition;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where {@code train --checkpoint-every} writes: the latest checkpoint beside the model as
 * {@code <name>.checkpoint.zip}, and the best one by validation loss as {@code <name>-best-val<loss>.zip} (the
 * loss in the name, as char-rnn names its checkpoints) or, for a run with an id, {@code <name>-best-val<loss>-run<id>.zip},
 * the previous best of the same run removed once the new one is written. Best files of other runs (another id, or
 * none) are never counted, replaced or removed, so two runs writing into one folder keep their own. A run stopped
 * early ({@link Reason#STOPPED}) always writes the latest checkpoint, even with periodic ones off. Every file is
 * written atomically by {@link CharRnn#save}.
 */
final class CheckpointFiles implements CheckpointListener {

    private final CharRnn model;
    private final Path directory;
    private final String name;
    private final Consumer<String> notes;
    private final String runId;        // null: names without a run id, as earlier versions wrote them
    private final boolean periodic;    // whether periodic checkpoints are wanted, not only the one on a stop
    private final boolean keepBest;    // whether the best checkpoint by validation loss is kept
    private boolean latestWritten;
    private Path best;
    private double bestLoss = Double.POSITIVE_INFINITY;

    /** Checkpoints of a new run of the model that will be saved as {@code modelFile}. */
    CheckpointFiles(CharRnn model, Path modelFile, Consumer<String> notes) {
        this(model, modelFile, notes, null);
    }

    /**
     * Checkpoints of the model that will be saved as {@code modelFile}. A new run ({@code resumedRun} null) leaves
     * best checkpoints of earlier runs in the folder alone: it neither counts nor removes them. A resumed run keeps
     * the best checkpoint of the run it continues (one whose recorded batching is {@code resumedRun}) unless it does
     * better; files of other runs are still left alone.
     */
    CheckpointFiles(CharRnn model, Path modelFile, Consumer<String> notes, BatchingKey resumedRun) {
        this(model, modelFile, notes, resumedRun, null, true, true);
    }

    /**
     * Checkpoints of run {@code runId} (null: names without an id) of the model that will be saved as
     * {@code modelFile}; {@code periodic} false writes only the checkpoint of a stop, {@code keepBest} false no best
     * checkpoints. A resumed run
     * ({@code resumedRun} not null) keeps the best checkpoint its id names unless it does better.
     */
    CheckpointFiles(CharRnn model, Path modelFile, Consumer<String> notes, BatchingKey resumedRun, String runId,
                    boolean periodic, boolean keepBest) {
        this.model = model;
        this.runId = runId;
        this.periodic = periodic;
        this.keepBest = keepBest;
        Path absolute = modelFile.toAbsolutePath();
        this.directory = absolute.getParent();
        String fileName = absolute.getFileName().toString();
        this.name = fileName.toLowerCase(Locale.ROOT).endsWith(".zip") ? fileName.substring(0, fileName.length() - 4) : fileName;
        this.notes = notes;
        if (resumedRun != null && keepBest) {
            findEarlierBest(resumedRun);
        }
    }

    /** The best checkpoint of the run being resumed, if its folder holds one. */
    private void findEarlierBest(BatchingKey run) {
        String prefix = name + "-best-val";
        String suffix = runId == null ? ".zip" : "-run" + runId + ".zip";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*" + suffix)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                String loss = fileName.substring(prefix.length(), fileName.length() - suffix.length());
                try {
                    double value = Double.parseDouble(loss);
                    if (value < bestLoss && (runId != null || sameRun(file, run))) {
                        bestLoss = value;
                        best = file;
                    }
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        } catch (IOException e) {
            // no earlier best to keep
        }
    }

    /** Whether the model file was written by a run cut as {@code run} (a file that cannot be read is not). */
    private static boolean sameRun(Path file, BatchingKey run) {
        try {
            TrainingPosition position = ModelFile.readMetadata(file).position();
            return position != null && (run.equals(position.key())
                    || (position.key() == null && run.describe().equals(position.batching())));
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** The latest periodic checkpoint. */
    Path latest() {
        return directory.resolve(name + ".checkpoint.zip");
    }

    /** The best checkpoint for a validation loss. */
    Path best(double validationLoss) {
        return directory.resolve(String.format(Locale.ROOT, "%s-best-val%.4f%s.zip", name, validationLoss,
                runId == null ? "" : "-run" + runId));
    }

    /** Whether the latest checkpoint was written by this run. */
    boolean latestWritten() {
        return latestWritten;
    }

    @Override
    public void onCheckpoint(Checkpoint checkpoint) {
        if (checkpoint.reason() == Reason.STOPPED || (periodic && checkpoint.reason() == Reason.PERIODIC)) {
            model.save(latest());
            latestWritten = true;
            notes.accept(String.format(Locale.ROOT, "checkpoint: step %d saved to %s", checkpoint.totalSteps(), latest()));
            return;
        }
        if (!keepBest || checkpoint.reason() != Reason.BEST_VALIDATION || !(checkpoint.validationLoss() < bestLoss)) {
            return;
        }
        bestLoss = checkpoint.validationLoss();
        Path next = best(checkpoint.validationLoss());
        model.save(next);
        if (best != null && !best.equals(next)) {
            try {
                Files.deleteIfExists(best);
            } catch (IOException e) {
                notes.accept("checkpoint: could not remove the previous best, " + best + ": " + e.getMessage());
            }
        }
        best = next;
        notes.accept(String.format(Locale.ROOT, "checkpoint: best validation loss so far (%.4f) saved to %s", checkpoint.validationLoss(), next));
    }
}
