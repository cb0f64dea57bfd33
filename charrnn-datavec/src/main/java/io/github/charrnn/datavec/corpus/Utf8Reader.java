package io.github.charrnn.datavec.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

/**
 * Streams the code points of a UTF-8 file without holding it as a String: a leading byte-order mark is
 * dropped, and invalid bytes stop the read with an error naming the file and the byte offset.
 */
final class Utf8Reader {

    private static final int CHUNK_CHARS = 1 << 16;

    private Utf8Reader() {
    }

    /**
     * Hands every code point of {@code file} to {@code sink}, and the number of bytes decoded so far to
     * {@code bytesRead} after each chunk of {@value #CHUNK_CHARS} characters.
     *
     * @return the last code point, or -1 for an empty file
     */
    static int forEachCodePoint(Path file, IntConsumer sink, LongConsumer bytesRead) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new CorpusException("The file " + file + " is larger than 2 GB; split it into smaller files.");
            }
            ByteBuffer in = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            if (size >= 3 && (in.get(0) & 0xFF) == 0xEF && (in.get(1) & 0xFF) == 0xBB && (in.get(2) & 0xFF) == 0xBF) {
                in.position(3);
            }
            return decode(file, in, sink, bytesRead);
        } catch (IOException e) {
            throw new CorpusException("The file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static int decode(Path file, ByteBuffer in, IntConsumer sink, LongConsumer bytesRead) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(CHUNK_CHARS);
        int last = -1;
        char pendingHigh = 0;
        boolean endOfInput = false;
        while (true) {
            CoderResult result = endOfInput ? decoder.flush(out) : decoder.decode(in, out, true);
            if (result.isError()) {
                throw new CorpusException("The file " + file + " is not valid UTF-8: invalid byte at offset "
                        + in.position() + ". Convert it to UTF-8 (for example with iconv).");
            }
            out.flip();
            while (out.hasRemaining()) {
                char c = out.get();
                if (pendingHigh != 0) {
                    last = Character.toCodePoint(pendingHigh, c);
                    sink.accept(last);
                    pendingHigh = 0;
                } else if (Character.isHighSurrogate(c)) {
                    pendingHigh = c;   // its low surrogate may be in the next chunk
                } else {
                    last = c;
                    sink.accept(c);
                }
            }
            out.clear();
            bytesRead.accept(in.position());
            if (result.isUnderflow()) {
                if (endOfInput) {
                    return last;
                }
                endOfInput = true;
            }
        }
    }
}
