package io.github.charrnn.cli;

import io.github.charrnn.charts.LossChart;
import io.github.charrnn.charts.LossCurve;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The PNG chart that {@code train} draws from the loss file it wrote beside the model. */
final class LossCharts {

    private LossCharts() {
    }

    /**
     * Draws {@code NAME.losses.png} from {@code NAME.losses.csv} beside the model; returns the chart, or null (with
     * a warning on stderr) when it could not be drawn — the model is saved already, a missing chart fails nothing.
     */
    static Path drawBeside(Path model) {
        Path chart = LossCurve.chartFor(model);
        try {
            LossChart.write(List.of(LossCurve.read(LossCurve.fileFor(model))), chart, LossChart.DEFAULT_WIDTH,
                    LossChart.DEFAULT_HEIGHT);
            return chart;
        } catch (IllegalArgumentException | UncheckedIOException | java.awt.AWTError e) {
            System.err.println("charrnn: no loss chart drawn: " + e.getMessage());
            return null;
        }
    }
}
