package io.github.charrnn.stats;

import io.github.charrnn.vocabulary.Vocabulary;

/** A character (code point) and how often it occurs. */
public record CharacterCount(int codePoint, long count) {

    /** The character as a string. */
    public String character() {
        return Character.toString(codePoint);
    }

    /** "U+XXXX". */
    public String unicode() {
        return String.format("U+%04X", codePoint);
    }

    /** The character for people: printable ones quoted with their code, others as their code. */
    public String describe() {
        return Vocabulary.describe(codePoint);
    }
}
