package io.github.charrnn.stats;

/**
 * Lines and paragraphs of a text. A line ends at {@code \n}, {@code \r\n} or {@code \r} (a last line without an
 * end still counts); a paragraph is a run of lines that are not blank, so paragraphs are separated by one or more
 * blank (empty or white-space-only) lines.
 */
public final class TextLayout {

    private TextLayout() {
    }

    /** The number of lines. */
    public static long lines(String text) {
        return text.isEmpty() ? 0 : text.lines().count();
    }

    /** The number of paragraphs. */
    public static long paragraphs(String text) {
        long paragraphs = 0;
        boolean inParagraph = false;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            boolean blank = line.isBlank();
            if (!blank && !inParagraph) {
                paragraphs++;
            }
            inParagraph = !blank;
        }
        return paragraphs;
    }
}
