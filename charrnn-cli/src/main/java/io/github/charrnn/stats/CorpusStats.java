package io.github.charrnn.stats;

import java.util.List;
import java.util.Optional;

/**
 * What a corpus is made of, counted before training on it.
 *
 * @param name              the file, folder or bundled text
 * @param characters        how often each character occurs (their number is the network's vocabulary)
 * @param lines             lines, as {@link TextLayout#lines} counts them
 * @param paragraphs        paragraphs, as {@link TextLayout#paragraphs} counts them
 * @param cjkShare          the share of the letters that are Han or kana ({@link CjkScript#share})
 * @param wordDefinition    what counted as a word
 * @param chosenAutomatically true if {@code --words auto} chose the definition from {@code cjkShare}
 * @param words             how often each word occurs
 */
public record CorpusStats(String name, CharacterCounts characters, long lines, long paragraphs, double cjkShare,
                          WordDefinition wordDefinition, boolean chosenAutomatically, WordCounts words) {

    /** A character seen fewer times than this is rare: a network almost never learns to write it. */
    public static final int RARE_BELOW = 5;

    /**
     * Counts a text.
     *
     * @param wordsOption {@code auto}, {@code spaces}, {@code chars} or {@code bigrams} (see {@link WordDefinition#choose})
     * @param foldCase    count words in lower case
     */
    public static CorpusStats of(String name, String text, String wordsOption, boolean foldCase) {
        double cjkShare = CjkScript.share(text);
        WordDefinition definition = WordDefinition.choose(wordsOption, cjkShare);
        return new CorpusStats(name, CharacterCounts.of(text), TextLayout.lines(text), TextLayout.paragraphs(text),
                cjkShare, definition, "auto".equals(wordsOption), WordCounts.of(text, definition, foldCase));
    }

    /** The characters seen fewer than {@link #RARE_BELOW} times. */
    public List<CharacterCount> rareCharacters() {
        return characters.rarerThan(RARE_BELOW);
    }

    /**
     * The rare-character trap in one sentence, when the text has rare characters: how many there are and why they
     * cost more than they give.
     */
    public Optional<String> rareCharacterWarning() {
        List<CharacterCount> rare = rareCharacters();
        if (rare.isEmpty()) {
            return Optional.empty();
        }
        long occurrences = rare.stream().mapToLong(CharacterCount::count).sum();
        return Optional.of(String.format("%,d of the %,d distinct characters (%.0f%%) %s fewer than %d times (%s of the text):"
                        + " a network almost never learns a character it has seen only a handful of times, yet each one widens"
                        + " its input and softmax output; consider replacing or removing them.",
                rare.size(), characters.distinct(), 100.0 * rare.size() / characters.distinct(),
                rare.size() == 1 ? "occurs" : "occur", RARE_BELOW,
                percent(occurrences, characters.total())));
    }

    /** Why this definition of a word was used, as a sentence. */
    public String wordDefinitionReason() {
        String share = percent(Math.round(cjkShare * 1000), 1000);
        if (!chosenAutomatically) {
            return "chosen with --words; " + share + " of the letters are Han or kana.";
        }
        return wordDefinition == WordDefinition.SPACES
                ? "--words auto chose spaces: " + share + " of the letters are Han or kana."
                : "--words auto chose " + wordDefinition.id() + ": " + share
                + " of the letters are Han or kana, written without spaces between words (--words chars counts single characters).";
    }

    private static String percent(long part, long whole) {
        double p = whole == 0 ? 0 : 100.0 * part / whole;
        return p > 0 && p < 0.1 ? "<0.1%" : String.format("%.1f%%", p);
    }
}
