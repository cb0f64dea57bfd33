package io.github.charrnn.cli;

import io.github.charrnn.charts.LossChart;
import io.github.charrnn.charts.LossCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code charrnn plot}: draws loss files as a PNG chart, several runs on one chart to compare them. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draws the loss curves that train writes beside a model (NAME.losses.csv) as a PNG chart.",
                "Give several files to compare runs on one chart."})
final class PlotCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CSV", arity = "1..*", description = "Loss files (NAME.losses.csv).")
    List<Path> lossFiles;

    @Option(names = {"-o", "--output"}, paramLabel = "PNG",
            description = "The image to write (default: NAME.losses.png beside a single CSV, losses.png for several).")
    Path output;

    @Option(names = "--width", paramLabel = "PIXELS", description = "Image width (default: ${DEFAULT-VALUE}).")
    int width = LossChart.DEFAULT_WIDTH;

    @Option(names = "--height", paramLabel = "PIXELS", description = "Image height (default: ${DEFAULT-VALUE}).")
    int height = LossChart.DEFAULT_HEIGHT;

    @Override
    public Integer call() {
        List<LossCurve> curves = new ArrayList<>();
        for (Path file : lossFiles) {
            curves.add(LossCurve.read(file));
        }
        Path png = output != null ? output : lossFiles.size() == 1 ? LossCurve.chartFor(lossFiles.get(0)) : Path.of("losses.png");
        if (!png.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("The chart is a PNG image, so its file name should end in .png, got " + png + ".");
        }
        LossChart.write(curves, png, width, height);
        System.out.println("wrote " + png);
        return 0;
    }
}
