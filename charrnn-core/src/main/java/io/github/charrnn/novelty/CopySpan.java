package io.github.charrnn.novelty;

/**
 * The longest stretch of a text that appears, character for character, in a corpus.
 *
 * @param start  where it starts in the text, in code points (0 when there is none)
 * @param length its length in code points (0: the text shares no character with the corpus)
 * @param text   the stretch itself
 */
public record CopySpan(int start, int length, String text) {

    /** No copied character at all. */
    public static final CopySpan NONE = new CopySpan(0, 0, "");
}
