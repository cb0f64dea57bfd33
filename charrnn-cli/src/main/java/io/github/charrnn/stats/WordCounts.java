package io.github.charrnn.stats;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** How often each word of a text occurs, under one {@link WordDefinition}. */
public final class WordCounts {

    private final Map<String, Long> counts;
    private final long total;

    private WordCounts(Map<String, Long> counts, long total) {
        this.counts = counts;
        this.total = total;
    }

    /**
     * Counts the words of {@code text}.
     *
     * @param foldCase count "The" and "the" as one word (written in lower case)
     */
    public static WordCounts of(String text, WordDefinition definition, boolean foldCase) {
        Map<String, Long> counts = new HashMap<>();
        long[] total = {0};
        new WordSplitter(definition).split(text, word -> {
            counts.merge(foldCase ? word.toLowerCase(Locale.ROOT) : word, 1L, Long::sum);
            total[0]++;
        });
        return new WordCounts(counts, total[0]);
    }

    /** Number of words (occurrences). */
    public long total() {
        return total;
    }

    /** Number of distinct words. */
    public int distinct() {
        return counts.size();
    }

    /** How often {@code word} occurs (0 if never). */
    public long count(String word) {
        return counts.getOrDefault(word, 0L);
    }

    /** The {@code n} most common words that {@code keep} accepts, most common first (ties in alphabetical order). */
    public List<WordCount> top(int n, Predicate<String> keep) {
        return counts.entrySet().stream()
                .filter(e -> keep.test(e.getKey()))
                .map(e -> new WordCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(WordCount::count).reversed().thenComparing(WordCount::word))
                .limit(n)
                .toList();
    }
}
