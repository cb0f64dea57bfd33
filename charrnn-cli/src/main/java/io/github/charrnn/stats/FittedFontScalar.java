package io.github.charrnn.stats;

import com.kennycason.kumo.font.scale.FontScalar;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Font sizes for a word cloud that fill its picture: a word's size grows with the logarithm of its count (so one
 * very common word does not shrink all others to dots), the rarest word drawn at a quarter of the size of the
 * most common, and all sizes scaled together so that the words' boxes cover about {@link #FILL} of the picture,
 * the largest word no wider than {@link #WIDEST} of it.
 */
final class FittedFontScalar implements FontScalar {

    /** The share of the picture the words' boxes cover together. */
    static final double FILL = 0.55;
    /** The largest word's share of the picture's width (and, upright, of its height). */
    static final double WIDEST = 0.8;
    private static final double SMALLEST = 0.25;
    private static final float MEASURE_SIZE = 100f;

    private final double logMin;
    private final double logMax;
    private final double scale;

    /** Sizes for {@code words} drawn in {@code font} into a {@code width} × {@code height} picture. */
    FittedFontScalar(List<WordCount> words, Font font, int width, int height) {
        logMin = Math.log(words.stream().mapToLong(WordCount::count).min().orElse(1));
        logMax = Math.log(words.stream().mapToLong(WordCount::count).max().orElse(1));
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            FontMetrics metrics = g.getFontMetrics(font.deriveFont(MEASURE_SIZE));
            double area = 0;
            double widest = 0;
            for (WordCount w : words) {
                double relative = relativeSize(w.count()) / MEASURE_SIZE;   // per point of scale
                area += metrics.stringWidth(w.word()) * relative * metrics.getHeight() * relative;
                widest = Math.max(widest, metrics.stringWidth(w.word()) * relative);
            }
            double fits = Math.sqrt(FILL * width * height / area);
            scale = Math.min(fits, WIDEST * Math.min(width, height) / widest);
        } finally {
            g.dispose();
        }
    }

    @Override
    public float scale(int value, int minValue, int maxValue) {
        return (float) Math.max(1, scale * relativeSize(value));
    }

    /** The size of a word seen {@code count} times relative to the most common word's, in [SMALLEST, 1]. */
    private double relativeSize(long count) {
        double t = logMax > logMin ? (Math.log(count) - logMin) / (logMax - logMin) : 1;
        return SMALLEST + (1 - SMALLEST) * t;
    }
}
