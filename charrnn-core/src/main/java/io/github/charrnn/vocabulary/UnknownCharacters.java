package io.github.charrnn.vocabulary;

import java.util.Objects;

/**
 * What to do with characters a model's vocabulary does not contain, in a prime or a text to score or evaluate:
 * refuse the text ({@link #ERROR}, the default), drop them ({@link #SKIP}), or read each as one character the model
 * knows ({@link #replaceWith(int)}). Written {@code error}, {@code skip} or {@code replace:C} on the command line and
 * in requests ({@link #parse}, {@link #toString}). Immutable.
 *
 * @param action      what happens to an unknown character
 * @param replacement with {@link Action#REPLACE}, the code point it becomes; otherwise -1
 */
public record UnknownCharacters(Action action, int replacement) {

    /** The three things that can happen to an unknown character. */
    public enum Action {
        /** The text is refused with an {@link UnknownCharactersException}. */
        ERROR,
        /** The character is left out. */
        SKIP,
        /** The character is read as the replacement. */
        REPLACE
    }

    /** Refuse a text with unknown characters (the default). */
    public static final UnknownCharacters ERROR = new UnknownCharacters(Action.ERROR, -1);

    /** Leave unknown characters out. */
    public static final UnknownCharacters SKIP = new UnknownCharacters(Action.SKIP, -1);

    /** Checks that a replacement is given exactly when the action is {@link Action#REPLACE}. */
    public UnknownCharacters {
        Objects.requireNonNull(action, "action");
        if (action == Action.REPLACE ? !Character.isValidCodePoint(replacement) : replacement != -1) {
            throw new IllegalArgumentException("A replacement character goes with the replace action only, and it must"
                    + " be a Unicode code point; got " + action + " with " + replacement + ".");
        }
    }

    /** Read every unknown character as {@code codePoint}, which must be in the model's vocabulary. */
    public static UnknownCharacters replaceWith(int codePoint) {
        if (!Character.isValidCodePoint(codePoint)) {
            throw new IllegalArgumentException("Not a Unicode code point: " + codePoint + " (allowed: 0 to 0x10FFFF).");
        }
        return new UnknownCharacters(Action.REPLACE, codePoint);
    }

    /**
     * Reads {@code error}, {@code skip} or {@code replace:C} (C one character; {@code \n}, {@code \t} and
     * {@code \s} stand for a newline, a tab and a space).
     *
     * @throws IllegalArgumentException naming the value and the three allowed forms
     */
    public static UnknownCharacters parse(String value) {
        if ("error".equals(value)) {
            return ERROR;
        }
        if ("skip".equals(value)) {
            return SKIP;
        }
        if (value != null && value.startsWith("replace:")) {
            String c = value.substring("replace:".length()).replace("\\n", "\n").replace("\\t", "\t").replace("\\s", " ");
            if (c.codePointCount(0, c.length()) == 1) {
                return replaceWith(c.codePointAt(0));
            }
        }
        throw new IllegalArgumentException("The unknown-characters setting must be error, skip or replace:C with one"
                + " character C (\\n, \\t and \\s stand for a newline, a tab and a space), got "
                + (value == null ? "nothing" : '"' + value + '"') + ".");
    }

    /** {@code error}, {@code skip} or {@code replace:C}, as {@link #parse} reads it. */
    @Override
    public String toString() {
        return switch (action) {
            case ERROR -> "error";
            case SKIP -> "skip";
            case REPLACE -> "replace:" + switch (replacement) {
                case '\n' -> "\\n";
                case '\t' -> "\\t";
                case ' ' -> "\\s";
                default -> Character.toString(replacement);
            };
        };
    }

    /**
     * Encodes {@code text} with {@code vocabulary}, unknown characters handled as this setting says.
     *
     * @throws UnknownCharactersException with {@link #ERROR}, naming the unknown characters
     * @throws IllegalArgumentException if the replacement is not in the vocabulary
     */
    public KnownText encode(Vocabulary vocabulary, CharSequence text) {
        int replacementId = -1;
        if (action == Action.REPLACE) {
            replacementId = vocabulary.idOrNegative(replacement);
            if (replacementId < 0) {
                throw new IllegalArgumentException("The replacement for unknown characters, " + Vocabulary.describe(replacement)
                        + ", is not in the model's vocabulary either; choose a character the model knows, such as "
                        + Vocabulary.describe(vocabulary.codePoint(0)) + ".");
            }
        }
        int[] ids = new int[text.length()];
        int size = 0;
        int unknown = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            int id = vocabulary.idOrNegative(cp);
            if (id < 0) {
                if (action == Action.ERROR) {
                    throw new UnknownCharactersException(vocabulary.unknownCodePoints(text));
                }
                unknown++;
                if (action == Action.SKIP) {
                    continue;
                }
                id = replacementId;
            }
            ids[size++] = id;
        }
        return new KnownText(java.util.Arrays.copyOf(ids, size), unknown, vocabulary);
    }
}
