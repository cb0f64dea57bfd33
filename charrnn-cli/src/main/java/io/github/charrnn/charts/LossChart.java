package io.github.charrnn.charts;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Draws loss curves as a PNG line chart (XChart): for each run, in its own colour, its train loss as a thin line
 * and its validation loss as a thicker line with markers, so a widening gap between the two — over-fitting — shows at a glance.
 * Several runs share one chart to compare them.
 */
public final class LossChart {

    /** Default image width in pixels. */
    public static final int DEFAULT_WIDTH = 900;
    /** Default image height in pixels. */
    public static final int DEFAULT_HEIGHT = 560;

    /** One colour per run (train thin, validation thick with markers), distinct for readers with colour blindness. */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};

    private LossChart() {
    }

    /**
     * Writes the chart of {@code curves} to {@code png} (through a temporary file, so a half-written image never
     * replaces a good one).
     *
     * @throws IllegalArgumentException when no curve holds a loss, or the size is unusable
     */
    public static void write(List<LossCurve> curves, Path png, int width, int height) {
        if (width < 200 || height < 150 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("A chart is 200 to 10,000 pixels wide and 150 to 10,000 high, got "
                    + width + " x " + height + ".");
        }
        if (curves.stream().allMatch(LossCurve::isEmpty)) {
            throw new IllegalArgumentException("There is no loss to draw yet: the loss file has no rows.");
        }
        XYChart chart = chart(curves, width, height);
        try {
            Path absolute = png.toAbsolutePath();
            Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
            try {
                Files.write(temporary, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the chart " + png + ": " + e.getMessage(), e);
        }
    }

    private static XYChart chart(List<LossCurve> curves, int width, int height) {
        String title = curves.size() == 1 ? "Loss: " + curves.get(0).name() : "Loss of " + curves.size() + " runs";
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("step").yAxisTitle("loss (nats per character)").build();
        Styler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setAntiAlias(true);
        boolean several = curves.size() > 1;
        for (int run = 0; run < curves.size(); run++) {
            LossCurve curve = curves.get(run);
            Color colour = PALETTE[run % PALETTE.length];
            String prefix = several ? curve.name() + " " : "";
            if (curve.trainSteps().length > 0) {
                XYSeries train = chart.addSeries(uniqueName(chart, prefix + "train"), curve.trainSteps(), curve.trainLosses());
                train.setMarker(SeriesMarkers.NONE);
                train.setLineStyle(new BasicStroke(1.2f));
                train.setLineColor(colour);
            }
            if (curve.validationSteps().length > 0) {
                XYSeries validation = chart.addSeries(uniqueName(chart, prefix + "validation"), curve.validationSteps(),
                        curve.validationLosses());
                validation.setMarker(SeriesMarkers.CIRCLE);
                validation.setLineStyle(new BasicStroke(2.5f));
                validation.setLineColor(colour);
                validation.setMarkerColor(colour);
            }
        }
        return chart;
    }

    /** XChart refuses two series of one name (two runs whose files share a name in different folders). */
    private static String uniqueName(XYChart chart, String name) {
        String unique = name;
        for (int i = 2; chart.getSeriesMap().containsKey(unique); i++) {
            unique = name + " (" + i + ")";
        }
        return unique;
    }
}
