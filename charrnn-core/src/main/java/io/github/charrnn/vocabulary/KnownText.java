package io.github.charrnn.vocabulary;

import java.util.Arrays;

/**
 * A text as a model reads it, after its unknown characters were handled ({@link UnknownCharacters#encode}).
 * Immutable.
 */
public final class KnownText {

    private final int[] ids;
    private final int unknownCharacters;
    private final String text;

    KnownText(int[] ids, int unknownCharacters, Vocabulary vocabulary) {
        this.ids = ids;
        this.unknownCharacters = unknownCharacters;
        this.text = vocabulary.decode(ids);
    }

    /** The symbol ids, one per character read. */
    public int[] ids() {
        return ids.clone();
    }

    /** The number of characters read. */
    public int length() {
        return ids.length;
    }

    /** How many characters were unknown: left out (skip) or replaced (replace). */
    public int unknownCharacters() {
        return unknownCharacters;
    }

    /** The text as read: without the skipped characters, with the replacements. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return "KnownText[" + ids.length + " characters, " + unknownCharacters + " unknown]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KnownText k && Arrays.equals(ids, k.ids) && unknownCharacters == k.unknownCharacters;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + unknownCharacters;
    }
}
