package io.github.charrnn.datavec.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The CRC32C of a whole file, which the corpus cache keeps to know the text again. CRC32C runs at memory speed on
 * current CPUs (a 1 GB text in well under a second once it is in the page cache), so every byte is read: an edit
 * anywhere that keeps the size and the modification time is still seen.
 */
final class ContentHash {

    private static final int BUFFER_BYTES = 1 << 20;

    private ContentHash() {
    }

    /** The CRC32C of every byte of {@code file}. */
    static long of(Path file) {
        CRC32C crc = new CRC32C();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
            while (channel.read(buffer.clear()) >= 0) {
                crc.update(buffer.flip());
            }
        } catch (IOException e) {
            throw new CorpusException("The file " + file + " cannot be read: " + e.getMessage(), e);
        }
        return crc.getValue();
    }
}
