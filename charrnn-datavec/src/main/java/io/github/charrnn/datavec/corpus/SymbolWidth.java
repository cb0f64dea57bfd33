package io.github.charrnn.datavec.corpus;

/** Bytes per stored symbol id: the fewest that hold every id of a vocabulary. */
public enum SymbolWidth {
    /** Up to 256 symbols. */
    ONE(1),
    /** Up to 65,536 symbols. */
    TWO(2),
    /** Any vocabulary (Unicode has 1,114,112 code points). */
    FOUR(4);

    private final int bytes;

    SymbolWidth(int bytes) {
        this.bytes = bytes;
    }

    /** The narrowest width for a vocabulary of {@code size} symbols. */
    public static SymbolWidth forVocabulary(int size) {
        return size <= 256 ? ONE : size <= 65536 ? TWO : FOUR;
    }

    /** Bytes per id. */
    public int bytes() {
        return bytes;
    }
}
