package io.github.charrnn.datavec.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static io.github.charrnn.datavec.corpus.CacheWriterTest.header;
import static io.github.charrnn.datavec.corpus.CacheWriterTest.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CacheReader reads what CacheWriter wrote and refuses every kind of damage, naming it. */
class CacheReaderTest {

    @TempDir
    Path directory;

    @Test
    void readsAGoodFile() throws Exception {
        Path file = write(directory, "good", header(SymbolWidth.ONE, 4), new int[]{1, 2, 3, 4});
        assertArrayEquals(new int[]{1, 2, 3, 4}, CacheReader.open(file).ids().toArray());
    }

    @Test
    void theReaderRefusesDamagedFiles() throws Exception {
        Path file = write(directory, "good", header(SymbolWidth.ONE, 4), new int[]{1, 2, 3, 4});
        byte[] good = Files.readAllBytes(file);
        int headerLength = header(SymbolWidth.ONE, 4).toBytes().length;
        int idsAt = (int) CacheLayout.idsOffset(headerLength);

        assertDamagedOnOpen(flip(good, 0), "not a charrnn cache file");
        assertDamagedOnOpen(flip(good, CacheLayout.MAGIC.length + 3), "format version");
        assertDamagedOnOpen(flip(good, CacheLayout.PREFIX_BYTES + 2), "header checksum mismatch");
        assertDamagedOnOpen(Arrays.copyOf(good, good.length - 1), "truncated");
        assertDamagedOnOpen(Arrays.copyOf(good, good.length + 1), "too long");
        assertDamagedOnOpen(Arrays.copyOf(good, 10), "truncated");

        for (int at : new int[]{idsAt + 2, good.length - 1}) {   // an id, the end mark
            Path changed = Files.write(directory.resolve("changed-" + at), flip(good, at));
            CacheReader reader = CacheReader.open(changed);
            CacheReader.Damaged e = assertThrows(CacheReader.Damaged.class, reader::ids);
            assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        }
    }

    private void assertDamagedOnOpen(byte[] bytes, String what) throws IOException {
        Path damaged = Files.write(directory.resolve("damaged"), bytes);
        CacheReader.Damaged e = assertThrows(CacheReader.Damaged.class, () -> CacheReader.open(damaged));
        assertTrue(e.getMessage().contains(what), e.getMessage() + " (expected " + what + ")");
    }

    private static byte[] flip(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x10;
        return copy;
    }
}
