package io.github.charrnn.datavec.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A hash of a sample of a file's bytes, part of what tells a cache file that its text is unchanged: the whole file
 * up to {@value #WHOLE_FILE_BYTES} bytes, else {@value #BLOCKS} blocks of {@value #BLOCK_BYTES} bytes spread
 * evenly from its first byte to its last. Reading it costs at most 64 KB per file however large the file.
 */
final class ContentSample {

    static final int BLOCK_BYTES = 4096;
    static final int BLOCKS = 16;
    static final int WHOLE_FILE_BYTES = BLOCK_BYTES * BLOCKS;

    private ContentSample() {
    }

    /** The first 8 bytes of the SHA-256 of the sample, as a long. */
    static long hash(Path file, long size) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer block = ByteBuffer.allocate(size <= WHOLE_FILE_BYTES ? (int) size : BLOCK_BYTES);
            if (size <= WHOLE_FILE_BYTES) {
                readFully(channel, block, 0);
                digest.update(block.flip());
            } else {
                for (int i = 0; i < BLOCKS; i++) {
                    readFully(channel, block.clear(), (size - BLOCK_BYTES) * i / (BLOCKS - 1));
                    digest.update(block.flip());
                }
            }
            return ByteBuffer.wrap(digest.digest()).getLong();
        } catch (IOException e) {
            throw new CorpusException("The file " + file + " cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into, position + into.position()) < 0) {
                throw new IOException("the file became shorter while it was read");
            }
        }
    }
}
