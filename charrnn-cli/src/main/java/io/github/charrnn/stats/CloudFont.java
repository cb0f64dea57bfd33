package io.github.charrnn.stats;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses the installed font family for a word cloud: the one that can draw the most of its words, with well-known
 * sans-serif families first among equals (Latin ones, then CJK ones), then any other installed family, and Java's
 * logical fonts (which may borrow glyphs from several fonts) last.
 */
public final class CloudFont {

    /** Families tried first, in this order, when several can draw every word. */
    static final List<String> PREFERRED = List.of("DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica",
            "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
            "Droid Sans Fallback", "AR PL UMing CN", "PingFang SC", "Microsoft YaHei", "SimHei");

    private static final Set<String> LOGICAL = Set.of(Font.DIALOG, Font.DIALOG_INPUT, Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED);

    /**
     * A chosen font and the words it can and cannot draw.
     *
     * @param font     the family, bold
     * @param drawable the words it has every glyph of, in the order given
     * @param leftOut  the words it lacks a glyph for
     */
    public record Choice(Font font, List<String> drawable, List<String> leftOut) {
    }

    private CloudFont() {
    }

    /** The family names installed on this machine. */
    public static List<String> installedFamilies() {
        return Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
    }

    /**
     * The family among {@code families} that draws the most of {@code words}.
     *
     * @throws IllegalArgumentException if none can draw any of them, naming a font package to install
     */
    public static Choice choose(List<String> words, List<String> families) {
        Choice best = null;
        for (String family : families.stream().sorted(Comparator.comparingInt(CloudFont::rank)
                .thenComparing(Comparator.naturalOrder())).toList()) {
            Choice choice = coverage(new Font(family, Font.BOLD, 12), words);
            if (choice.leftOut().isEmpty()) {
                return choice;
            }
            if (best == null || choice.drawable().size() > best.drawable().size()) {
                best = choice;
            }
        }
        if (best == null || best.drawable().isEmpty()) {
            String example = words.isEmpty() ? "" : " (such as '" + words.get(0) + "')";
            throw new IllegalArgumentException("No installed font can draw the words of the word cloud" + example
                    + "; install one that has their glyphs (for Chinese: Debian's fonts-noto-cjk or fonts-wqy-zenhei).");
        }
        return best;
    }

    private static Choice coverage(Font font, List<String> words) {
        Map<Boolean, List<String>> drawable = words.stream().collect(Collectors.partitioningBy(w -> font.canDisplayUpTo(w) == -1));
        return new Choice(font, drawable.get(true), drawable.get(false));
    }

    private static int rank(String family) {
        int preferred = PREFERRED.indexOf(family);
        if (preferred >= 0) {
            return preferred;
        }
        return LOGICAL.contains(family) ? PREFERRED.size() + 1 : PREFERRED.size();
    }
}
