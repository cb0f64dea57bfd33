package io.github.charrnn.datavec.corpus;

/**
 * A text held as symbol ids, one per code point, in the smallest width that fits the vocabulary: 1 byte per
 * character up to 256 symbols, 2 bytes up to 65,536, else 4 ({@link SymbolWidth}). The ids live either in a Java
 * array or in a memory-mapped cache file (see {@link CorpusOptions#cacheDirectory()}); the batch iterators read
 * both alike. Immutable; slices share the storage.
 */
public interface EncodedText {

    /** Number of characters. */
    int length();

    /**
     * The id of character {@code index}.
     *
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code 0..length()-1}
     */
    int id(int index);

    /**
     * Characters {@code from} (inclusive) to {@code to} (exclusive), sharing this text's storage.
     *
     * @throws IndexOutOfBoundsException if the range is not inside the text
     */
    EncodedText slice(int from, int to);

    /** The ids as an int array (a copy). */
    default int[] toArray() {
        int[] out = new int[length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(i);
        }
        return out;
    }

    /** Wraps ids (copied into an array of the width {@code vocabularySize} needs) of a vocabulary of that size. */
    static EncodedText of(int[] ids, int vocabularySize) {
        ArrayText.Builder builder = new ArrayText.Builder(SymbolWidth.forVocabulary(vocabularySize), ids.length);
        for (int id : ids) {
            builder.add(id);
        }
        return builder.build();
    }
}
