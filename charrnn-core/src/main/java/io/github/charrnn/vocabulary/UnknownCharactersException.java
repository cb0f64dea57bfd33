package io.github.charrnn.vocabulary;

import java.util.List;

/**
 * Thrown when a text holds characters that a vocabulary does not know. The message gives their number, names the
 * first {@value #NAMED} and says how to read the text anyway ({@link UnknownCharacters}).
 */
public class UnknownCharactersException extends IllegalArgumentException {

    /** At most this many unknown characters are named in the message. */
    public static final int NAMED = 10;

    private final List<Integer> codePoints;

    /** @param codePoints the unknown characters, distinct */
    public UnknownCharactersException(List<Integer> codePoints) {
        super(summary(codePoints) + "; leave them out with --unknown skip, or read them as a character the model knows"
                + " with --unknown replace:C (UnknownCharacters in the library).");
        this.codePoints = List.copyOf(codePoints);
    }

    /**
     * The message without its advice, for callers that spell the setting their own way (a server's request field):
     * "The text has N characters that the model's vocabulary does not contain: " and the first {@value #NAMED},
     * then "and K more" if there are more.
     */
    public String summary() {
        return summary(codePoints);
    }

    private static String summary(List<Integer> codePoints) {
        return "The text has " + codePoints.size() + " character" + (codePoints.size() == 1 ? "" : "s")
                + " that the model's vocabulary does not contain: "
                + Vocabulary.describe(codePoints.subList(0, Math.min(NAMED, codePoints.size())))
                + (codePoints.size() > NAMED ? " and " + (codePoints.size() - NAMED) + " more" : "");
    }

    /** The unknown characters as code points, all of them. */
    public List<Integer> codePoints() {
        return codePoints;
    }
}
