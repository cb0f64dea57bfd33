package io.github.charrnn.datavec.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Writes a cache file ({@link CacheLayout}) id by id through a 1 MB buffer. The caller writes to a temporary file
 * and renames it into place only after {@link #finish()}, so a cache file is never seen half-written.
 */
final class CacheWriter implements IdSink, AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C checksum = new CRC32C();
    private final SymbolWidth width;
    private final long expected;
    private long written;

    /** Creates {@code file} (which must not exist) and writes the header. */
    CacheWriter(Path file, CacheHeader header) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.width = header.width();
        this.expected = header.length();
        byte[] bytes = header.toBytes();
        CRC32C headerChecksum = new CRC32C();
        headerChecksum.update(bytes);
        ByteBuffer prefix = ByteBuffer.allocate(CacheLayout.PREFIX_BYTES + bytes.length + 4)
                .put(CacheLayout.MAGIC).putInt(CacheLayout.VERSION).putInt(bytes.length).put(bytes)
                .putInt((int) headerChecksum.getValue());
        writeAll(prefix.flip());
    }

    @Override
    public void add(int id) {
        if (buffer.remaining() < 4) {
            flush();
        }
        switch (width) {
            case ONE -> buffer.put((byte) id);
            case TWO -> buffer.putChar((char) id);
            case FOUR -> buffer.putInt(id);
        }
        written++;
    }

    /**
     * Writes the ids' checksum and the end mark.
     *
     * @throws IOException if the ids written are not as many as the header says
     */
    void finish() throws IOException {
        flush();
        if (written != expected) {
            throw new IOException("wrote " + written + " ids where the header promises " + expected);
        }
        writeAll(ByteBuffer.allocate(CacheLayout.TRAILER_BYTES).putInt((int) checksum.getValue()).put(CacheLayout.END).flip());
    }

    private void flush() {
        buffer.flip();
        checksum.update(buffer.duplicate());
        try {
            writeAll(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
    }

    private void writeAll(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
