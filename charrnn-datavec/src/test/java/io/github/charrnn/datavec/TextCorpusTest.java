package io.github.charrnn.datavec;

import io.github.charrnn.datavec.corpus.CorpusException;
import io.github.charrnn.datavec.corpus.TextCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextCorpusTest {

    @TempDir
    Path dir;

    @Test
    void readsUtf8DroppingALeadingByteOrderMark() throws Exception {
        Path file = dir.resolve("a.txt");
        byte[] text = "héllo 世界 😀".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(file, withBom);
        TextCorpus corpus = TextCorpus.read(file);
        assertEquals("héllo 世界 😀", corpus.vocabulary().decode(corpus.ids().toArray()));
        assertEquals(10, corpus.length());
    }

    @Test
    void invalidUtf8NamesTheFileAndByteOffset() throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.write(file, new byte[]{'a', 'b', 'c', (byte) 0xFF, 'd'});
        CorpusException e = assertThrows(CorpusException.class, () -> TextCorpus.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("offset 3"), e.getMessage());
    }

    @Test
    void aFolderIsEveryFileInPathOrderJoinedByNewlines() throws Exception {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/2.txt"), "second");
        Files.writeString(dir.resolve("a.txt"), "first\n");
        Files.writeString(dir.resolve(".hidden"), "never");
        TextCorpus corpus = TextCorpus.read(dir);
        assertEquals("first\nsecond\n", corpus.vocabulary().decode(corpus.ids().toArray()));
        assertEquals(2, corpus.files().size());
    }

    @Test
    void aCharacterOnlyInTheValidationPartIsInTheVocabulary() {
        TextCorpus corpus = TextCorpus.of("t", "aaaaaaaaab");
        TextCorpus.Split split = corpus.split(0.1);
        assertEquals(9, split.train().length());
        assertEquals(1, split.validation().length());
        assertTrue(corpus.vocabulary().contains('b'));
    }

    @Test
    void wideVocabulariesUseWiderStorage() {
        StringBuilder text = new StringBuilder();
        for (int cp = 0x4E00; cp < 0x4E00 + 300; cp++) {
            text.appendCodePoint(cp);
        }
        text.appendCodePoint(0x2000B);
        TextCorpus corpus = TextCorpus.of("cjk", text.toString());
        assertEquals(301, corpus.vocabulary().size());
        assertEquals(text.toString(), corpus.vocabulary().decode(corpus.ids().toArray()));
    }

    @Test
    void missingEmptyAndFileLessInputsAreRejectedClearly() throws Exception {
        assertTrue(assertThrows(CorpusException.class, () -> TextCorpus.read(dir.resolve("missing.txt")))
                .getMessage().contains("does not exist"));
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        assertTrue(assertThrows(CorpusException.class, () -> TextCorpus.read(empty)).getMessage().contains("is empty"));
        Path folder = Files.createDirectories(dir.resolve("nothing"));
        assertTrue(assertThrows(CorpusException.class, () -> TextCorpus.read(folder)).getMessage().contains("holds no text files"));
    }

    /** Runs only where permissions bind the test's user (root reads any file; by hand as nobody it said the same). */
    @Test
    void anUnreadableFileIsRejectedClearly() throws Exception {
        Path locked = Files.writeString(dir.resolve("locked.txt"), "some text that nobody may read");
        boolean locking = locked.toFile().setReadable(false, false);
        org.junit.jupiter.api.Assumptions.assumeTrue(locking && !Files.isReadable(locked),
                "this user reads files without read permission (root), so the case cannot arise here");
        assertTrue(assertThrows(CorpusException.class, () -> TextCorpus.read(locked)).getMessage().contains("is not readable"));
    }
}
