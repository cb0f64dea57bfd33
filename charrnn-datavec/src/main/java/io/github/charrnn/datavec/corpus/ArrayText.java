package io.github.charrnn.datavec.corpus;

import java.util.Objects;

/** An {@link EncodedText} in a Java array of bytes, chars or ints, whichever the {@link SymbolWidth} asks for. */
final class ArrayText implements EncodedText {

    private final byte[] bytes;
    private final char[] chars;
    private final int[] ints;
    private final int offset;
    private final int length;

    private ArrayText(byte[] bytes, char[] chars, int[] ints, int offset, int length) {
        this.bytes = bytes;
        this.chars = chars;
        this.ints = ints;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public int id(int index) {
        int i = offset + Objects.checkIndex(index, length);
        if (bytes != null) {
            return bytes[i] & 0xFF;
        }
        return chars != null ? chars[i] : ints[i];
    }

    @Override
    public EncodedText slice(int from, int to) {
        Objects.checkFromToIndex(from, to, length);
        return new ArrayText(bytes, chars, ints, offset + from, to - from);
    }

    /** Fills a text of known length id by id. */
    static final class Builder implements IdSink {
        private final byte[] bytes;
        private final char[] chars;
        private final int[] ints;
        private final int capacity;
        private int size;

        /** @param capacity the exact number of characters */
        Builder(SymbolWidth width, int capacity) {
            this.capacity = capacity;
            this.bytes = width == SymbolWidth.ONE ? new byte[capacity] : null;
            this.chars = width == SymbolWidth.TWO ? new char[capacity] : null;
            this.ints = width == SymbolWidth.FOUR ? new int[capacity] : null;
        }

        @Override
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
        ArrayText build() {
            if (size != capacity) {
                throw new IllegalStateException("expected " + capacity + " ids, got " + size);
            }
            return new ArrayText(bytes, chars, ints, 0, size);
        }
    }
}
