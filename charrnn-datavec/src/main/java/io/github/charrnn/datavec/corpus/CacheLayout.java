package io.github.charrnn.datavec.corpus;

import java.nio.charset.StandardCharsets;

/**
 * The layout of a cache file, all numbers big-endian except the ids:
 * <pre>
 * "CHRNNIDS"  int version  int headerLength  header (CacheHeader)  int CRC32C(header)
 * ids (length × width bytes, little-endian)  int CRC32C(ids)  "END!"
 * </pre>
 * The file's size follows from the header, so a truncated file is told from a whole one without reading the ids;
 * the checksums catch changed bytes.
 */
final class CacheLayout {

    static final byte[] MAGIC = "CHRNNIDS".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;   // 2: files stamped with their inode, change time and the CRC32C of their content
    static final byte[] END = "END!".getBytes(StandardCharsets.US_ASCII);
    /** Magic, version and header length. */
    static final int PREFIX_BYTES = MAGIC.length + 4 + 4;
    /** Checksum of the ids and the end mark. */
    static final int TRAILER_BYTES = 4 + END.length;

    private CacheLayout() {
    }

    /** Where the ids start, after a header of {@code headerLength} bytes and its checksum. */
    static long idsOffset(int headerLength) {
        return PREFIX_BYTES + (long) headerLength + 4;
    }

    /** The size of a whole cache file. */
    static long fileSize(int headerLength, CacheHeader header) {
        return idsOffset(headerLength) + header.length() * header.width().bytes() + TRAILER_BYTES;
    }
}
