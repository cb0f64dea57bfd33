package io.github.charrnn.charts;

import io.github.charrnn.datavec.training.LossLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One training run's loss curve as {@code charrnn train} writes it beside the model ({@code NAME.losses.csv}:
 * step, epoch, train_loss, validation_loss; a row holds either a train or a validation loss).
 *
 * @param name            what the run is called on a chart (the file name without {@code .losses.csv})
 * @param trainSteps      steps of the train-loss points
 * @param trainLosses     train loss at each of {@code trainSteps}
 * @param validationSteps steps of the validation points
 * @param validationLosses validation loss at each of {@code validationSteps}
 */
public record LossCurve(String name, double[] trainSteps, double[] trainLosses,
                        double[] validationSteps, double[] validationLosses) {

    /** The header line of a loss file. */
    public static final String HEADER = LossLog.HEADER;

    /** The loss file beside a model: {@code NAME.losses.csv} beside {@code NAME.zip} ({@link LossLog} writes it). */
    public static Path fileFor(Path modelFile) {
        return LossLog.fileFor(modelFile);
    }

    /** The chart beside a model or a loss file: {@code NAME.losses.png}. */
    public static Path chartFor(Path modelOrLossFile) {
        Path absolute = modelOrLossFile.toAbsolutePath();
        return absolute.resolveSibling(baseName(absolute) + ".losses.png");
    }

    private static String baseName(Path file) {
        return file.getFileName().toString().replaceFirst("(?i)(\\.losses)?\\.(zip|csv)$", "");
    }

    /**
     * Reads a loss file.
     *
     * @throws IllegalArgumentException when the file is missing or not a charrnn loss file (one sentence why)
     */
    public static LossCurve read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("There is no loss file " + csv + ".");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the loss file " + csv + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !(lines.get(0).strip().equals(HEADER) || lines.get(0).strip().equals(LossLog.HEADER_WITHOUT_RATE))) {
            throw new IllegalArgumentException(csv + " is not a charrnn loss file: its first line should be \"" + HEADER
                    + "\" (train writes NAME.losses.csv beside NAME.zip).");
        }
        Points train = new Points();
        Points validation = new Points();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4 && cells.length != 5) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + " has " + cells.length
                        + " columns; a loss file has 5 (" + HEADER + "), or 4 without the rate.");
            }
            try {
                double step = Double.parseDouble(cells[0]);
                if (!cells[2].isEmpty()) {
                    train.add(step, Double.parseDouble(cells[2]));
                }
                if (!cells[3].isEmpty()) {
                    validation.add(step, Double.parseDouble(cells[3]));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + " holds a value that is not a number: \""
                        + line + "\".");
            }
        }
        return new LossCurve(baseName(csv.toAbsolutePath()), train.xs(), train.ys(), validation.xs(), validation.ys());
    }

    /** Whether the file holds no loss at all (a run stopped before its first report). */
    public boolean isEmpty() {
        return trainSteps.length == 0 && validationSteps.length == 0;
    }

    /** Growing x/y columns. */
    private static final class Points {
        private final List<double[]> rows = new ArrayList<>();

        void add(double x, double y) {
            rows.add(new double[] {x, y});
        }

        double[] xs() {
            return rows.stream().mapToDouble(r -> r[0]).toArray();
        }

        double[] ys() {
            return rows.stream().mapToDouble(r -> r[1]).toArray();
        }
    }
}
