package io.github.charrnn.datavec.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CacheWriter writes what CacheReader reads. */
class CacheWriterTest {

    @TempDir
    Path directory;

    @Test
    void idsOfEveryWidthRoundTripThroughTheFile() throws Exception {
        int[][] ids = {{0, 1, 255, 7}, {0, 65535, 300, 9}, {0, 1_114_111, 70_000, 3}};
        SymbolWidth[] widths = SymbolWidth.values();
        for (int w = 0; w < widths.length; w++) {
            CacheHeader header = header(widths[w], ids[w].length);
            Path file = write(directory, "cache-" + w, header, ids[w]);
            long headerBytes = header.toBytes().length;
            assertEquals(CacheLayout.idsOffset((int) headerBytes) + ids[w].length * widths[w].bytes() + CacheLayout.TRAILER_BYTES,
                    Files.size(file));
            CacheReader reader = CacheReader.open(file);
            assertEquals(header.files(), reader.header().files());
            assertArrayEquals(ids[w], reader.ids().toArray(), widths[w].toString());
        }
    }

    /** More ids than the 1 MB buffer holds: flushed in pieces, checksummed as a whole. */
    @Test
    void manyIdsAreFlushedInPieces() throws Exception {
        int[] ids = new int[700_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (i * 31) % 1000;
        }
        Path file = write(directory, "big", header(SymbolWidth.TWO, ids.length), ids);
        assertArrayEquals(ids, CacheReader.open(file).ids().toArray());
    }

    @Test
    void finishRefusesFewerOrMoreIdsThanTheHeaderPromises() throws IOException {
        for (int count : new int[]{2, 4}) {
            Path file = directory.resolve("wrong-" + count);
            try (CacheWriter writer = new CacheWriter(file, header(SymbolWidth.ONE, 3))) {
                for (int i = 0; i < count; i++) {
                    writer.add(i);
                }
                IOException e = assertThrows(IOException.class, writer::finish);
                assertTrue(e.getMessage().contains("wrote " + count + " ids where the header promises 3"), e.getMessage());
            }
        }
        // the file must not exist yet
        Path existing = Files.writeString(directory.resolve("existing"), "x");
        assertThrows(IOException.class, () -> new CacheWriter(existing, header(SymbolWidth.ONE, 3)));
    }

    static Path write(Path directory, String name, CacheHeader header, int[] ids) throws IOException {
        Path file = directory.resolve(name);
        try (CacheWriter writer = new CacheWriter(file, header)) {
            for (int id : ids) {
                writer.add(id);
            }
            writer.finish();
        }
        return file;
    }

    static CacheHeader header(SymbolWidth width, long length) {
        return new CacheHeader(width, length, null, List.of(new CacheHeader.FileStamp("t.txt", length, 1, 2, 3, 4)),
                new long[]{length}, new int[]{'a'}, new int[]{'a'});
    }
}
