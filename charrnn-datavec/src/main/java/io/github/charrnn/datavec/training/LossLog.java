package io.github.charrnn.datavec.training;

import io.github.charrnn.training.ProgressListener;
import io.github.charrnn.training.TrainingProgress;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes the loss curve beside the model as CSV ({@code NAME.losses.csv}: step, epoch, train_loss,
 * validation_loss, learning_rate — one row per report, the validation column filled on rows after a validation,
 * the rate that of the latest step), for spreadsheets and {@code charrnn plot} ({@code LossCurve} reads it).
 * A resumed run that appends to a file of an earlier version, without the rate column, first rewrites it with the
 * column empty on the old rows.
 *
 * <p>While training runs the rows go to {@code NAME.losses.partial.csv}, which replaces {@code NAME.losses.csv}
 * only when the model is saved ({@link #commit}), so a run that fails leaves the previous model's curve as it was.
 * A resumed run appends to the partial file of the run it continues (rows up to a kill are kept), or to a copy of
 * the finished curve.
 */
public final class LossLog implements ProgressListener, AutoCloseable {

    /** The header line of a loss file. */
    public static final String HEADER = "step,epoch,train_loss,validation_loss,learning_rate";
    /** The header line of loss files of earlier versions, without the rate column. */
    public static final String HEADER_WITHOUT_RATE = "step,epoch,train_loss,validation_loss";

    private final Path partial;
    private final Path finished;
    private final BufferedWriter writer;

    /** The loss file beside a model: {@code NAME.losses.csv} beside {@code NAME.zip}. */
    public static Path fileFor(Path modelFile) {
        Path absolute = modelFile.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName().toString().replaceFirst("(?i)(\\.losses)?\\.(zip|csv)$", "")
                + ".losses.csv");
    }

    LossLog(Path modelFile, boolean append) {
        finished = fileFor(modelFile);
        partial = finished.resolveSibling(finished.getFileName().toString().replaceFirst("\\.csv$", ".partial.csv"));
        try {
            if (append && !Files.exists(partial) && Files.exists(finished)) {
                Files.copy(finished, partial);
            }
            boolean header = !append || !Files.exists(partial) || Files.size(partial) == 0;
            if (append && !header) {
                addRateColumn(partial);
            }
            writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            if (header) {
                writer.write(HEADER);
                writer.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the loss log " + partial + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites a loss file of an earlier version with the rate column, empty on its rows; a current one stays as it is. */
    private static void addRateColumn(Path file) throws IOException {
        java.util.List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER_WITHOUT_RATE)) {
            return;
        }
        java.util.List<String> rewritten = new java.util.ArrayList<>();
        rewritten.add(HEADER);
        for (String line : lines.subList(1, lines.size())) {
            rewritten.add(line.isBlank() ? line : line.strip() + ",");
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, rewritten, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Closes the log and makes it the model's curve: call once the model is saved. */
    void commit() {
        close();
        try {
            Files.move(partial, finished, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move the loss log to " + finished + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onProgress(TrainingProgress p) {
        try {
            String rate = Double.isNaN(p.learningRate()) ? "" : String.format(Locale.ROOT, "%.6g", p.learningRate());
            if (p.validated()) {
                writer.write(String.format(Locale.ROOT, "%d,%d,,%.6f,%s", p.step(), p.epoch(), p.validationLoss(), rate));
            } else {
                writer.write(String.format(Locale.ROOT, "%d,%d,%.6f,,%s", p.step(), p.epoch(), p.trainLoss(), rate));
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
