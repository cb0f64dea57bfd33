package io.github.charrnn.cli;

import io.github.charrnn.training.ProgressListener;
import io.github.charrnn.training.TrainingProgress;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes the loss curve beside the model as CSV ({@code NAME.losses.csv}: step, epoch, train_loss,
 * validation_loss — one row per report, the validation column filled on rows after a validation), for
 * spreadsheets and plotting. A resumed run appends to the file of the run it continues.
 */
final class LossLog implements ProgressListener, AutoCloseable {

    static final String HEADER = "step,epoch,train_loss,validation_loss";

    private final BufferedWriter writer;

    LossLog(Path modelFile, boolean append) {
        Path file = fileFor(modelFile);
        try {
            boolean header = !append || !Files.exists(file) || Files.size(file) == 0;
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            if (header) {
                writer.write(HEADER);
                writer.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the loss log " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code NAME.losses.csv} beside {@code NAME.zip}. */
    static Path fileFor(Path modelFile) {
        Path absolute = modelFile.toAbsolutePath();
        String name = absolute.getFileName().toString().replaceFirst("(?i)\\.zip$", "");
        return absolute.resolveSibling(name + ".losses.csv");
    }

    @Override
    public void onProgress(TrainingProgress p) {
        try {
            if (p.validated()) {
                writer.write(String.format(Locale.ROOT, "%d,%d,,%.6f", p.step(), p.epoch(), p.validationLoss()));
            } else {
                writer.write(String.format(Locale.ROOT, "%d,%d,%.6f,", p.step(), p.epoch(), p.trainLoss()));
            }
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the loss log: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            // the rows written so far were flushed already
        }
    }
}
