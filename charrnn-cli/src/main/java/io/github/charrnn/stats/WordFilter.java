package io.github.charrnn.stats;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which words the most-common list and the word cloud show: those at least {@code minLength} characters (code
 * points) long that are not stop words. Stop words are matched in lower case, so "The" is dropped with "the".
 */
public record WordFilter(int minLength, Set<String> stopWords) implements Predicate<String> {

    /** Keeps every word. */
    public static final WordFilter NONE = new WordFilter(1, Set.of());

    /**
     * @throws IllegalArgumentException if {@code minLength} is below 1
     */
    public WordFilter {
        if (minLength < 1) {
            throw new IllegalArgumentException("--min-length must be at least 1, got " + minLength + ".");
        }
        stopWords = Set.copyOf(stopWords);
    }

    @Override
    public boolean test(String word) {
        return word.codePointCount(0, word.length()) >= minLength && !stopWords.contains(word.toLowerCase(Locale.ROOT));
    }

    /** What is left out, as a phrase ("at least 4 characters, 174 stop words left out"), or "all words". */
    public String describe() {
        if (minLength <= 1 && stopWords.isEmpty()) {
            return "all words";
        }
        String length = minLength > 1 ? "at least " + minLength + " characters" : "";
        String stops = stopWords.isEmpty() ? "" : String.format("%,d stop words left out", stopWords.size());
        return length.isEmpty() ? stops : stops.isEmpty() ? length : length + ", " + stops;
    }
}
