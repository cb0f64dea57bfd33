package io.github.charrnn.charts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossChartTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private Path lossFile(String name, String... rows) throws IOException {
        Path file = dir.resolve(name + ".losses.csv");
        Files.writeString(file, LossCurve.HEADER + "\n" + String.join("\n", rows) + "\n");
        return file;
    }

    @Test
    void readsTrainAndValidationRowsApart() throws IOException {
        LossCurve curve = LossCurve.read(lossFile("run", "10,1,3.100000,", "20,1,2.900000,", "20,1,,3.000000", "30,2,2.700000,"));
        assertEquals("run", curve.name());
        assertArrayEquals(new double[] {10, 20, 30}, curve.trainSteps());
        assertArrayEquals(new double[] {3.1, 2.9, 2.7}, curve.trainLosses());
        assertArrayEquals(new double[] {20}, curve.validationSteps());
        assertArrayEquals(new double[] {3.0}, curve.validationLosses());
    }

    @Test
    void readsFilesWithAndWithoutTheRateColumn() throws IOException {
        LossCurve withRate = LossCurve.read(lossFile("rated", "10,1,3.100000,,0.00200000", "20,1,,3.000000,0.00150000"));
        assertArrayEquals(new double[] {3.1}, withRate.trainLosses());
        assertArrayEquals(new double[] {3.0}, withRate.validationLosses());
        Path old = dir.resolve("old.losses.csv");
        Files.writeString(old, "step,epoch,train_loss,validation_loss\n10,1,3.100000,\n20,1,,3.000000\n");
        assertArrayEquals(new double[] {20}, LossCurve.read(old).validationSteps());
    }

    @Test
    void namesFilesBesideTheModel() {
        assertEquals("m.losses.csv", LossCurve.fileFor(Path.of("m.zip")).getFileName().toString());
        assertEquals("m.losses.png", LossCurve.chartFor(Path.of("m.zip")).getFileName().toString());
        assertEquals("m.losses.png", LossCurve.chartFor(Path.of("m.losses.csv")).getFileName().toString());
    }

    @Test
    void drawsAPngOfTheRequestedSizeWithTheCurvesOnIt() throws IOException {
        LossCurve a = LossCurve.read(lossFile("a", "10,1,3.1,", "20,1,2.5,", "20,1,,2.8", "30,1,2.2,", "40,1,,2.4"));
        LossCurve b = LossCurve.read(lossFile("b", "10,1,3.3,", "20,1,2.9,", "20,1,,3.0"));
        Path png = dir.resolve("both.png");
        LossChart.write(List.of(a, b), png, 640, 400);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
        // the series colours: more than the chart's white, grey and black
        long colouredPixels = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, bl = rgb & 0xff;
                if (Math.max(r, Math.max(g, bl)) - Math.min(r, Math.min(g, bl)) > 60) {
                    colouredPixels++;
                }
            }
        }
        assertTrue(colouredPixels > 500, "coloured pixels: " + colouredPixels);
        try (var left = Files.list(dir)) {
            assertFalse(left.anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void refusesWhatIsNotALossFileInOneSentence() throws IOException {
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "a,b\n1,2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossCurve.read(other));
        assertTrue(e.getMessage().contains("is not a charrnn loss file"), e.getMessage());
        Path broken = lossFile("broken", "10,1,abc,");
        e = assertThrows(IllegalArgumentException.class, () -> LossCurve.read(broken));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("not a number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LossCurve.read(dir.resolve("missing.losses.csv")));
        assertTrue(e.getMessage().startsWith("There is no loss file"), e.getMessage());
        LossCurve empty = LossCurve.read(lossFile("empty"));
        e = assertThrows(IllegalArgumentException.class, () -> LossChart.write(List.of(empty), dir.resolve("e.png"), 640, 400));
        assertTrue(e.getMessage().contains("no loss to draw"), e.getMessage());
    }
}
