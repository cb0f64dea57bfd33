package io.github.charrnn.datavec.corpus;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An {@link EncodedText} read from memory-mapped segments of a cache file. Ids are little-endian, 1, 2 or 4 bytes
 * each; a segment covers {@link #SEGMENT_BYTES} bytes (a multiple of every width, so no id straddles two), because
 * one mapping cannot exceed 2 GB. The ids take no heap: the operating system pages them in and out.
 */
final class MappedText implements EncodedText {

    /** log2 of the bytes one mapped segment covers. */
    static final int SEGMENT_BITS = 30;
    /** Bytes one mapped segment covers (1 GB); the last segment may be shorter. */
    static final long SEGMENT_BYTES = 1L << SEGMENT_BITS;

    private final ByteBuffer[] segments;
    private final int shift;
    private final long offset;
    private final int length;

    /**
     * @param segments little-endian buffers of {@link #SEGMENT_BYTES} bytes each (the last may be shorter)
     * @param length   ids in all segments together
     */
    MappedText(ByteBuffer[] segments, SymbolWidth width, int length) {
        this(segments, Integer.numberOfTrailingZeros(width.bytes()), 0, length);
    }

    private MappedText(ByteBuffer[] segments, int shift, long offset, int length) {
        this.segments = segments;
        this.shift = shift;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public int id(int index) {
        long position = (offset + Objects.checkIndex(index, length)) << shift;
        ByteBuffer segment = segments[(int) (position >>> SEGMENT_BITS)];
        int within = (int) (position & (SEGMENT_BYTES - 1));
        return switch (shift) {
            case 0 -> segment.get(within) & 0xFF;
            case 1 -> segment.getChar(within);
            default -> segment.getInt(within);
        };
    }

    @Override
    public EncodedText slice(int from, int to) {
        Objects.checkFromToIndex(from, to, length);
        return new MappedText(segments, shift, offset + from, to - from);
    }
}
