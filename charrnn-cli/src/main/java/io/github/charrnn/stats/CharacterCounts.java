package io.github.charrnn.stats;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How often each character (code point) of a text occurs. */
public final class CharacterCounts {

    private final Map<Integer, Long> counts;
    private final long total;

    private CharacterCounts(Map<Integer, Long> counts, long total) {
        this.counts = counts;
        this.total = total;
    }

    /** Counts the code points of {@code text}. */
    public static CharacterCounts of(CharSequence text) {
        Map<Integer, Long> counts = new TreeMap<>();
        text.codePoints().forEach(cp -> counts.merge(cp, 1L, Long::sum));
        return new CharacterCounts(counts, counts.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Number of characters (code points). */
    public long total() {
        return total;
    }

    /** Number of distinct characters: the vocabulary a network trained on the text has. */
    public int distinct() {
        return counts.size();
    }

    /** How often {@code codePoint} occurs (0 if never). */
    public long count(int codePoint) {
        return counts.getOrDefault(codePoint, 0L);
    }

    /** The {@code n} rarest characters, rarest first (ties by code point). */
    public List<CharacterCount> rarest(int n) {
        return counts.entrySet().stream()
                .map(e -> new CharacterCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(CharacterCount::count).thenComparingInt(CharacterCount::codePoint))
                .limit(n)
                .toList();
    }

    /** The characters that occur fewer than {@code threshold} times, in code-point order. */
    public List<CharacterCount> rarerThan(long threshold) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() < threshold)
                .map(e -> new CharacterCount(e.getKey(), e.getValue()))
                .toList();
    }
}
