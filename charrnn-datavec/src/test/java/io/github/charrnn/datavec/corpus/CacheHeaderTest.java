package io.github.charrnn.datavec.corpus;

import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CacheHeaderTest {

    static CacheHeader header(SymbolWidth width, String separator) {
        return new CacheHeader(width, 12, separator,
                List.of(new CacheHeader.FileStamp("a.txt", 10, 123_456_789L, 5, 77, -42), new CacheHeader.FileStamp("dir/b é.txt", 2, 7, 0, 0, 0)),
                new long[]{10, 2}, "abc".codePoints().toArray(), "cba".codePoints().toArray());
    }

    @Test
    void bytesReadBackAsTheSameHeader() throws IOException {
        for (String separator : new String[]{null, "", "\n---\n"}) {
            CacheHeader header = header(SymbolWidth.TWO, separator);
            CacheHeader back = read(header.toBytes());
            assertEquals(header.width(), back.width());
            assertEquals(header.length(), back.length());
            assertEquals(separator, back.separator());
            assertEquals(header.files(), back.files());
            assertArrayEquals(header.characters(), back.characters());
            assertArrayEquals(header.text(), back.text());
            assertArrayEquals(header.encoding(), back.encoding());
        }
        assertNull(read(header(SymbolWidth.ONE, null).toBytes()).separator());
        assertEquals(SymbolWidth.FOUR, read(header(SymbolWidth.FOUR, null).toBytes()).width());
    }

    @Test
    void theEncodingVocabularyKeepsTheStoredOrder() {
        assertEquals(Vocabulary.fromCodePoints('c', 'b', 'a'), header(SymbolWidth.ONE, null).encodingVocabulary());
    }

    @Test
    void damagedBytesAreIoExceptions() {
        byte[] bytes = header(SymbolWidth.ONE, null).toBytes();
        byte[] badWidth = bytes.clone();
        badWidth[0] = 3;
        assertThrows(IOException.class, () -> read(badWidth));
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertThrows(IOException.class, () -> read(truncated));
        // the file count is the int after width (1), length (8), flag (1) and the empty separator's UTF length (2)
        byte[] negativeCount = bytes.clone();
        negativeCount[12] = (byte) 0x80;
        IOException e = assertThrows(IOException.class, () -> read(negativeCount));
        assertEquals("negative count -2147483646", e.getMessage());
    }

    private static CacheHeader read(byte[] bytes) throws IOException {
        return CacheHeader.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }
}
