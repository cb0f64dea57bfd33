package io.github.charrnn.vocabulary;

import java.util.List;

/** Thrown when a text holds characters that a vocabulary does not know; the message names them. */
public class UnknownCharactersException extends IllegalArgumentException {

    private final List<Integer> codePoints;

    /** @param codePoints the unknown characters, distinct */
    public UnknownCharactersException(List<Integer> codePoints) {
        super("The text has " + codePoints.size() + " character" + (codePoints.size() == 1 ? "" : "s")
                + " that the model's vocabulary does not contain: " + Vocabulary.describe(codePoints)
                + ". Use only characters the model was trained on.");
        this.codePoints = List.copyOf(codePoints);
    }

    /** The unknown characters as code points. */
    public List<Integer> codePoints() {
        return codePoints;
    }
}
