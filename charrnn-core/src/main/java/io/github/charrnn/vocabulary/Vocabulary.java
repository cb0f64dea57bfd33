package io.github.charrnn.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The symbols a model knows: one per Unicode code point (not per UTF-16 char, so emoji and
 * supplementary-plane CJK characters are single symbols), sorted by code point so that the same
 * text gives the same ids on every run and every JVM.
 *
 * <p>Instances are immutable and thread-safe. Serialised to JSON by Jackson as the list of symbols
 * in id order.
 */
public final class Vocabulary {

    private final int[] codePoints; // id -> code point, ascending, so an id is found by binary search

    private Vocabulary(int[] sortedDistinctCodePoints) {
        if (sortedDistinctCodePoints.length == 0) {
            throw new IllegalArgumentException("A vocabulary needs at least one character; the text was empty.");
        }
        this.codePoints = sortedDistinctCodePoints;
    }

    /** The vocabulary of every distinct code point in {@code text}. */
    public static Vocabulary of(CharSequence text) {
        return fromCodePoints(text.codePoints().distinct().toArray());
    }

    /** A vocabulary of the given code points (any order, duplicates allowed). */
    public static Vocabulary fromCodePoints(int... codePoints) {
        for (int cp : codePoints) {
            if (!Character.isValidCodePoint(cp)) {
                throw new IllegalArgumentException("Not a Unicode code point: " + cp + " (allowed: 0 to 0x10FFFF).");
            }
        }
        return new Vocabulary(Arrays.stream(codePoints).distinct().sorted().toArray());
    }

    /** A vocabulary of the code points set in {@code present} (bit i set = code point i occurs). */
    public static Vocabulary fromCodePointSet(BitSet present) {
        return fromCodePoints(present.stream().toArray());
    }

    /** Rebuilds a vocabulary from its symbols in id order, as written by {@link #symbols()}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Vocabulary fromSymbols(List<String> symbols) {
        int[] cps = new int[symbols.size()];
        for (int i = 0; i < cps.length; i++) {
            String s = symbols.get(i);
            if (s == null || s.codePointCount(0, s.length()) != 1) {
                throw new IllegalArgumentException("Vocabulary entry " + i + " must be exactly one character, got "
                        + (s == null ? "null" : '"' + s + '"') + ".");
            }
            cps[i] = s.codePointAt(0);
        }
        for (int i = 1; i < cps.length; i++) {
            if (cps[i] <= cps[i - 1]) {
                throw new IllegalArgumentException("Vocabulary entries must be distinct and sorted by code point; entry "
                        + i + " is out of order.");
            }
        }
        return new Vocabulary(cps);
    }

    /** Number of symbols. */
    public int size() {
        return codePoints.length;
    }

    /** True if {@code codePoint} is one of the symbols. */
    public boolean contains(int codePoint) {
        return Arrays.binarySearch(codePoints, codePoint) >= 0;
    }

    /** The id of {@code codePoint}; throws {@link UnknownCharactersException} if it is not in the vocabulary. */
    public int id(int codePoint) {
        int id = idOrNegative(codePoint);
        if (id < 0) {
            throw new UnknownCharactersException(List.of(codePoint));
        }
        return id;
    }

    /** The id of {@code codePoint}, or a negative number if it is not in the vocabulary. */
    public int idOrNegative(int codePoint) {
        return Arrays.binarySearch(codePoints, codePoint);
    }

    /** The code point with the given id. */
    public int codePoint(int id) {
        if (id < 0 || id >= codePoints.length) {
            throw new IllegalArgumentException("Symbol id " + id + " is outside 0.." + (codePoints.length - 1) + ".");
        }
        return codePoints[id];
    }

    /**
     * Encodes {@code text} to ids, one per code point.
     *
     * @throws UnknownCharactersException naming every distinct character not in the vocabulary
     */
    public int[] encode(CharSequence text) {
        int[] ids = text.codePoints().map(this::idOrNegative).toArray();
        if (Arrays.stream(ids).anyMatch(id -> id < 0)) {
            throw new UnknownCharactersException(unknownCodePoints(text));
        }
        return ids;
    }

    /** Decodes ids back to text. */
    public String decode(int... ids) {
        StringBuilder sb = new StringBuilder(ids.length);
        for (int id : ids) {
            sb.appendCodePoint(codePoint(id));
        }
        return sb.toString();
    }

    /** The symbols in id order, each a one-code-point string; the JSON form of this vocabulary. */
    @JsonValue
    public List<String> symbols() {
        return Arrays.stream(codePoints).mapToObj(Character::toString).toList();
    }

    /** Code points of {@code text} that are not in this vocabulary, distinct, in order of first appearance. */
    public List<Integer> unknownCodePoints(CharSequence text) {
        return text.codePoints().filter(cp -> !contains(cp)).distinct().boxed().toList();
    }

    /** Human-readable list of characters for messages: printable ones quoted, others as U+XXXX. */
    public static String describe(Collection<Integer> codePoints) {
        return codePoints.stream().map(Vocabulary::describe).collect(Collectors.joining(", "));
    }

    /** One character for messages: printable quoted, otherwise U+XXXX. */
    public static String describe(int codePoint) {
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) || !Character.isDefined(codePoint)) {
            return String.format("U+%04X", codePoint);
        }
        return "'" + Character.toString(codePoint) + "' (U+" + String.format("%04X", codePoint) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && Arrays.equals(codePoints, v.codePoints);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(codePoints);
    }

    @Override
    public String toString() {
        return "Vocabulary[" + codePoints.length + " symbols]";
    }
}
