package io.github.charrnn.datavec.corpus;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Opens a cache file ({@link CacheLayout}): {@link #open} reads and checks the header and the file's size (cheap),
 * {@link #ids()} checks the ids' checksum (one read of the ids) and maps them. Anything wrong is a
 * {@link Damaged} naming what, so that the caller rebuilds the file instead of failing.
 */
final class CacheReader {

    /** The cache file is not a whole, unchanged cache file. */
    static final class Damaged extends Exception {
        Damaged(String what) {
            super(what);
        }
    }

    private final Path file;
    private final CacheHeader header;
    private final long idsOffset;

    private CacheReader(Path file, CacheHeader header, long idsOffset) {
        this.file = file;
        this.header = header;
        this.idsOffset = idsOffset;
    }

    /** Reads the header of {@code file}, checking magic, version, header checksum and the file's size. */
    static CacheReader open(Path file) throws Damaged {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer prefix = read(channel, 0, CacheLayout.PREFIX_BYTES, size);
            byte[] magic = new byte[CacheLayout.MAGIC.length];
            prefix.get(magic);
            if (!Arrays.equals(magic, CacheLayout.MAGIC)) {
                throw new Damaged("not a charrnn cache file");
            }
            int version = prefix.getInt();
            if (version != CacheLayout.VERSION) {
                throw new Damaged("format version " + version + ", expected " + CacheLayout.VERSION);
            }
            int headerLength = prefix.getInt();
            if (headerLength < 0 || CacheLayout.idsOffset(headerLength) > size) {
                throw new Damaged("truncated: " + size + " bytes");
            }
            ByteBuffer headerBytes = read(channel, CacheLayout.PREFIX_BYTES, headerLength + 4, size);
            CRC32C checksum = new CRC32C();
            checksum.update(headerBytes.array(), 0, headerLength);
            if ((int) checksum.getValue() != headerBytes.getInt(headerLength)) {
                throw new Damaged("header checksum mismatch");
            }
            CacheHeader header = CacheHeader.read(new DataInputStream(new ByteArrayInputStream(headerBytes.array(), 0, headerLength)));
            long expected = CacheLayout.fileSize(headerLength, header);
            if (size != expected) {
                throw new Damaged((size < expected ? "truncated: " : "too long: ") + size + " bytes where " + expected + " belong");
            }
            return new CacheReader(file, header, CacheLayout.idsOffset(headerLength));
        } catch (IOException e) {
            throw new Damaged("unreadable: " + e.getMessage());
        }
    }

    /** What the file says about its ids. */
    CacheHeader header() {
        return header;
    }

    /** Bytes of ids read at a time to check their checksum. */
    private static final int CHECK_CHUNK_BYTES = 4 << 20;

    /** Checks the ids' checksum and end mark, then maps the ids read-only. */
    MappedText ids() throws Damaged {
        long bytes = header.length() * header.width().bytes();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer[] segments = new ByteBuffer[(int) ((bytes + MappedText.SEGMENT_BYTES - 1) / MappedText.SEGMENT_BYTES)];
            for (int s = 0; s < segments.length; s++) {
                long from = s * MappedText.SEGMENT_BYTES;
                long length = Math.min(MappedText.SEGMENT_BYTES, bytes - from);
                segments[s] = channel.map(FileChannel.MapMode.READ_ONLY, idsOffset + from, length).order(ByteOrder.LITTLE_ENDIAN);
            }
            // read through the channel, not the mapping: the check then leaves no page of the mapping resident, so a
            // run's resident memory holds only the parts of the text its batches have read
            CRC32C checksum = new CRC32C();
            ByteBuffer chunk = ByteBuffer.allocateDirect(CHECK_CHUNK_BYTES);
            for (long at = 0; at < bytes; ) {
                chunk.clear().limit((int) Math.min(CHECK_CHUNK_BYTES, bytes - at));
                while (chunk.hasRemaining()) {
                    if (channel.read(chunk, idsOffset + at + chunk.position()) < 0) {
                        throw new Damaged("truncated while reading");
                    }
                }
                at += chunk.flip().remaining();
                checksum.update(chunk);
            }
            ByteBuffer trailer = read(channel, idsOffset + bytes, CacheLayout.TRAILER_BYTES, channel.size());
            byte[] end = new byte[CacheLayout.END.length];
            int stored = trailer.getInt();
            trailer.get(end);
            if (stored != (int) checksum.getValue() || !Arrays.equals(end, CacheLayout.END)) {
                throw new Damaged("checksum mismatch: the ids were changed");
            }
            return new MappedText(segments, header.width(), (int) header.length());
        } catch (IOException e) {
            throw new Damaged("unreadable: " + e.getMessage());
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length, long size) throws IOException, Damaged {
        if (position + length > size) {
            throw new Damaged("truncated: " + size + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new Damaged("truncated while reading");
            }
        }
        return buffer.flip();
    }
}
