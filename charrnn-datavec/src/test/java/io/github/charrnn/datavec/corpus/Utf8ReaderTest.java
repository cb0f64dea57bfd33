package io.github.charrnn.datavec.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Utf8ReaderTest {

    @TempDir
    Path directory;

    @Test
    void handsOverEveryCodePointAndReturnsTheLast() throws IOException {
        String text = "aé中😀\nz";   // 1, 2, 3 and 4 bytes in UTF-8
        Path file = write("text.txt", text.getBytes(StandardCharsets.UTF_8));
        List<Integer> codePoints = new ArrayList<>();
        List<Long> progress = new ArrayList<>();
        int last = Utf8Reader.forEachCodePoint(file, codePoints::add, progress::add);
        assertArrayEquals(text.codePoints().toArray(), codePoints.stream().mapToInt(Integer::intValue).toArray());
        assertEquals('z', last);
        assertEquals(Files.size(file), progress.get(progress.size() - 1));
    }

    @Test
    void skipsAByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path file = write("bom.txt", concat(bom, "hi".getBytes(StandardCharsets.UTF_8)));
        List<Integer> codePoints = new ArrayList<>();
        Utf8Reader.forEachCodePoint(file, codePoints::add, done -> { });
        assertEquals(List.of((int) 'h', (int) 'i'), codePoints);
        // a BOM alone is an empty text
        assertEquals(-1, Utf8Reader.forEachCodePoint(write("only-bom.txt", bom), cp -> { }, done -> { }));
    }

    @Test
    void anEmptyFileHasNoLastCodePoint() throws IOException {
        List<Integer> codePoints = new ArrayList<>();
        assertEquals(-1, Utf8Reader.forEachCodePoint(write("empty.txt", new byte[0]), codePoints::add, done -> { }));
        assertTrue(codePoints.isEmpty());
    }

    /** Chunks of 64 K characters: a surrogate pair across the boundary, and progress after every chunk. */
    @Test
    void aSurrogatePairAcrossChunksIsOneCodePointAndProgressComesPerChunk() throws IOException {
        String text = "a".repeat((1 << 16) - 1) + "😀" + "b".repeat(1 << 17);
        Path file = write("long.txt", text.getBytes(StandardCharsets.UTF_8));
        int[] count = {0};
        int[] emoji = {0};
        List<Long> progress = new ArrayList<>();
        int last = Utf8Reader.forEachCodePoint(file, cp -> {
            count[0]++;
            if (cp == 0x1F600) {
                emoji[0]++;
            }
        }, progress::add);
        assertEquals(text.codePointCount(0, text.length()), count[0]);
        assertEquals(1, emoji[0]);
        assertEquals('b', last);
        assertTrue(progress.size() >= 3, "progress " + progress);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1));
        }
        assertEquals(Files.size(file), progress.get(progress.size() - 1));
    }

    @Test
    void invalidUtf8AndMissingFilesAreCorpusExceptions() throws IOException {
        Path latin1 = write("latin1.txt", new byte[]{'o', 'k', (byte) 0xE9, 't', 'e'});
        CorpusException invalid = assertThrows(CorpusException.class,
                () -> Utf8Reader.forEachCodePoint(latin1, cp -> { }, done -> { }));
        assertTrue(invalid.getMessage().contains("not valid UTF-8"), invalid.getMessage());
        assertTrue(invalid.getMessage().contains("offset 2"), invalid.getMessage());
        CorpusException missing = assertThrows(CorpusException.class,
                () -> Utf8Reader.forEachCodePoint(directory.resolve("missing.txt"), cp -> { }, done -> { }));
        assertTrue(missing.getMessage().contains("cannot be read"), missing.getMessage());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
