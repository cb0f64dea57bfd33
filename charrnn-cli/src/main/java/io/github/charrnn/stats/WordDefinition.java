package io.github.charrnn.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code charrnn stats} counts as a word ({@code --words}). */
public enum WordDefinition {
    /** Runs of letters and digits between spaces and punctuation: English and other space-separated scripts. */
    SPACES("runs of letters and digits (with inner apostrophes and hyphens) between spaces and punctuation"),
    /** Each Han or kana character on its own: the unit a character-level network learns. */
    CHARS("single Han or kana characters (other scripts: runs of letters between spaces)"),
    /** Each pair of adjacent Han or kana characters: most modern Chinese words are two characters long. */
    BIGRAMS("pairs of adjacent Han or kana characters (a lone one between punctuation counts alone; "
            + "other scripts: runs of letters between spaces)");

    private final String meaning;

    WordDefinition(String meaning) {
        this.meaning = meaning;
    }

    /** The name used by {@code --words}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a word is under this definition, as a phrase. */
    public String meaning() {
        return meaning;
    }

    /**
     * The definition named by {@code --words}: {@code auto} takes {@link #BIGRAMS} for a text whose letters are
     * mostly CJK ({@code cjkShare} at least {@link CjkScript#MOSTLY}) and {@link #SPACES} otherwise.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static WordDefinition choose(String name, double cjkShare) {
        if ("auto".equals(name)) {
            return cjkShare >= CjkScript.MOSTLY ? BIGRAMS : SPACES;
        }
        for (WordDefinition definition : values()) {
            if (definition.id().equals(name)) {
                return definition;
            }
        }
        throw new IllegalArgumentException("Unknown word definition '" + name + "'; allowed: auto, "
                + Arrays.stream(values()).map(WordDefinition::id).collect(Collectors.joining(", ")) + ".");
    }
}
