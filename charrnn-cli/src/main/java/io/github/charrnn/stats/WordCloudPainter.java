package io.github.charrnn.stats;

import com.kennycason.kumo.CollisionMode;
import com.kennycason.kumo.Word;
import com.kennycason.kumo.WordCloud;
import com.kennycason.kumo.WordFrequency;
import com.kennycason.kumo.bg.RectangleBackground;
import com.kennycason.kumo.font.KumoFont;
import com.kennycason.kumo.image.AngleGenerator;
import com.kennycason.kumo.palette.ColorPalette;
import com.kennycason.kumo.wordstart.WordStartStrategy;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Draws the most common words as a word cloud PNG with Kumo: the more common a word, the larger it is drawn. Works
 * without a display (headless). The layout depends only on the words and the seed.
 */
public final class WordCloudPainter {

    /** Smallest allowed width or height, in pixels. */
    public static final int MIN_SIZE = 100;
    /** Largest allowed width or height, in pixels. */
    public static final int MAX_SIZE = 8000;

    private static final Color BACKGROUND = new Color(0xFBFAF7);
    private static final ColorPalette PALETTE = new ColorPalette(new Color(0x1F4E79), new Color(0xC0504D),
            new Color(0x2E7D32), new Color(0xE07B00), new Color(0x6A3D9A), new Color(0x00838F), new Color(0x8D6E63));

    /**
     * What was drawn.
     *
     * @param file      the PNG written
     * @param font      the font family used
     * @param drawn     how many words are in the picture
     * @param noGlyphs  words left out because the font lacks their glyphs
     * @param noRoom    words left out because they did not fit
     */
    public record Result(Path file, String font, int drawn, List<String> noGlyphs, List<String> noRoom) {
    }

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private WordCloudPainter() {
    }

    /**
     * Draws {@code words} (most common first) into a {@code width} × {@code height} PNG at {@code file}, in the
     * installed font that draws most of them ({@link CloudFont}).
     *
     * @throws IllegalArgumentException for a size outside [{@link #MIN_SIZE}, {@link #MAX_SIZE}], no words, no font
     *                                  that can draw them, or a file that cannot be written
     */
    public static Result paint(List<WordCount> words, int width, int height, long seed, Path file) {
        checkSize("--width", width);
        checkSize("--height", height);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("There are no words to draw a word cloud of; lower --min-length or drop the stop words.");
        }
        CloudFont.Choice font = CloudFont.choose(words.stream().map(WordCount::word).toList(), CloudFont.installedFamilies());
        List<WordCount> drawable = words.stream().filter(w -> font.drawable().contains(w.word())).toList();
        List<WordFrequency> frequencies = drawable.stream()
                .map(w -> new WordFrequency(w.word(), (int) Math.min(Integer.MAX_VALUE, w.count())))
                .collect(Collectors.toCollection(ArrayList::new));   // Kumo sorts it in place
        boolean turnSome = drawable.stream().noneMatch(w -> w.word().codePoints().anyMatch(CjkScript::isCjk));
        WordCloud cloud = newCloud(width, height, seed, font, turnSome);
        cloud.setFontScalar(new FittedFontScalar(drawable, font.font(), width, height));
        cloud.build(frequencies);
        List<String> noRoom = cloud.getSkipped().stream().map(Word::getWord).toList();
        write(cloud.getBufferedImage(), file);
        return new Result(file, font.font().getFamily(), frequencies.size() - noRoom.size(), font.leftOut(), noRoom);
    }

    /** A Kumo cloud; {@code turnSome}: one word in five upright (not for CJK words, whose glyphs would lie on their side). */
    private static WordCloud newCloud(int width, int height, long seed, CloudFont.Choice font, boolean turnSome) {
        Dimension dimension = new Dimension(width, height);
        WordCloud cloud = new WordCloud(dimension, CollisionMode.PIXEL_PERFECT);
        int shorter = Math.min(width, height);
        cloud.setPadding(Math.max(2, shorter / 200));
        cloud.setBackground(new RectangleBackground(dimension));
        cloud.setBackgroundColor(BACKGROUND);
        cloud.setColorPalette(PALETTE);
        cloud.setKumoFont(new KumoFont(font.font()));
        Random random = new Random(seed);
        cloud.setAngleGenerator(new SeededAngles(random, turnSome ? 5 : 0));
        cloud.setWordStartStrategy(new NearCentre(random));
        return cloud;
    }

    /** Writes a PNG through a stream of ours (ImageIO's own file stream prints a stack trace when it cannot open one). */
    private static void write(BufferedImage image, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            ImageIO.write(image, "png", out);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Cannot write the word cloud to " + file + ": its folder does not exist.", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("Cannot write the word cloud to " + file + ": permission denied.", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write the word cloud to " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkSize(String option, int pixels) {
        if (pixels < MIN_SIZE || pixels > MAX_SIZE) {
            throw new IllegalArgumentException(option + " must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels, got " + pixels + ".");
        }
    }

    /** Horizontal words, one in {@code oneIn} upright (0: none), from a seeded generator (Kumo's own is not seedable). */
    private static final class SeededAngles extends AngleGenerator {
        private final Random random;
        private final int oneIn;

        SeededAngles(Random random, int oneIn) {
            this.random = random;
            this.oneIn = oneIn;
        }

        @Override
        public double randomNext() {
            return oneIn > 0 && random.nextInt(oneIn) == 0 ? -Math.PI / 2 : 0;   // radians: upright words read upwards
        }

        @Override
        public double next() {
            return randomNext();
        }
    }

    /**
     * Starts each word near the middle, the first (largest) ones nearest, so the cloud grows outwards from the centre
     * in a compact oval with its largest words in the middle.
     */
    private static final class NearCentre implements WordStartStrategy {
        private static final int SPREAD_AFTER = 12;
        private final Random random;
        private int started;

        NearCentre(Random random) {
            this.random = random;
        }

        @Override
        public Point getStartingPoint(Dimension dimension, Word word) {
            double spread = Math.min(1, started++ / (double) SPREAD_AFTER);
            Dimension size = word.getDimension();
            int x = (int) ((dimension.width - size.width) / 2.0 + random.nextGaussian() * spread * dimension.width / 6.0);
            int y = (int) ((dimension.height - size.height) / 2.0 + random.nextGaussian() * spread * dimension.height / 7.0);
            return new Point(Math.max(0, Math.min(dimension.width - size.width, x)),
                    Math.max(0, Math.min(dimension.height - size.height, y)));
        }
    }
}
