package io.github.charrnn.datavec.corpus;

/**
 * A text held as symbol ids, one per code point, in the smallest array that fits the vocabulary: 1 byte per
 * character up to 256 symbols, 2 bytes up to 65,536, else 4. Immutable once built; slices share the storage.
 */
public final class EncodedText {

    private final byte[] bytes;
    private final char[] chars;
    private final int[] ints;
    private final int offset;
    private final int length;

    private EncodedText(byte[] bytes, char[] chars, int[] ints, int offset, int length) {
        this.bytes = bytes;
        this.chars = chars;
        this.ints = ints;
        this.offset = offset;
        this.length = length;
    }

    /** Wraps ids (copied) of a vocabulary with {@code vocabularySize} symbols. */
    public static EncodedText of(int[] ids, int vocabularySize) {
        Builder builder = new Builder(vocabularySize, ids.length);
        for (int id : ids) {
            builder.add(id);
        }
        return builder.build();
    }

    /** Number of characters. */
    public int length() {
        return length;
    }

    /** The id of character {@code index}. */
    public int id(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (length - 1));
        }
        int i = offset + index;
        if (bytes != null) {
            return bytes[i] & 0xFF;
        }
        return chars != null ? chars[i] : ints[i];
    }

    /** Characters {@code from} (inclusive) to {@code to} (exclusive), sharing this text's storage. */
    public EncodedText slice(int from, int to) {
        if (from < 0 || to > length || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of a text of " + length);
        }
        return new EncodedText(bytes, chars, ints, offset + from, to - from);
    }

    /** The ids as an int array (a copy). */
    public int[] toArray() {
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = id(i);
        }
        return out;
    }

    /** Fills a text of known length id by id. */
    public static final class Builder {
        private final byte[] bytes;
        private final char[] chars;
        private final int[] ints;
        private final int capacity;
        private int size;

        /** @param vocabularySize decides the bytes per character; @param capacity the exact number of characters */
        public Builder(int vocabularySize, int capacity) {
            this.capacity = capacity;
            this.bytes = vocabularySize <= 256 ? new byte[capacity] : null;
            this.chars = bytes == null && vocabularySize <= 65536 ? new char[capacity] : null;
            this.ints = bytes == null && chars == null ? new int[capacity] : null;
        }

        /** Appends one id. */
        public void add(int id) {
            if (bytes != null) {
                bytes[size++] = (byte) id;
            } else if (chars != null) {
                chars[size++] = (char) id;
            } else {
                ints[size++] = id;
            }
        }

        /** The text; all {@code capacity} ids must have been added. */
        public EncodedText build() {
            if (size != capacity) {
                throw new IllegalStateException("expected " + capacity + " ids, got " + size);
            }
            return new EncodedText(bytes, chars, ints, 0, size);
        }
    }
}
