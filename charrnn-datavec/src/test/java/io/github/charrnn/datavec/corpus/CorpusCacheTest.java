package io.github.charrnn.datavec.corpus;

import io.github.charrnn.vocabulary.UnknownCharactersException;
import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusCacheTest {

    @TempDir
    Path dir;

    private CorpusOptions cached() {
        return CorpusOptions.defaults().withCacheDirectory(dir.resolve("cache"));
    }

    /** {@code distinct} code points from U+0020 up, skipping the surrogates, each once, then the text again reversed. */
    private static String textWith(int distinct) {
        StringBuilder text = new StringBuilder();
        int cp = 0x20;
        for (int i = 0; i < distinct; i++, cp++) {
            if (cp == 0xD800) {
                cp = 0xE000;
            }
            text.appendCodePoint(cp);
        }
        return text + new StringBuilder(text).reverse().toString();
    }

    @Test
    void theMappedCacheHoldsTheSameIdsAsMemoryInOneTwoOrFourBytes() throws Exception {
        int[][] cases = {{90, 1}, {300, 2}, {65_600, 4}};
        for (int[] c : cases) {
            Path file = Files.writeString(dir.resolve("text-" + c[0] + ".txt"), textWith(c[0]));
            TextCorpus inMemory = TextCorpus.read(file);
            TextCorpus mapped = TextCorpus.read(file, cached());
            assertEquals(c[0], mapped.vocabulary().size());
            assertEquals(inMemory.vocabulary(), mapped.vocabulary());
            assertInstanceOf(MappedText.class, mapped.ids());
            assertArrayEquals(inMemory.ids().toArray(), mapped.ids().toArray(), c[0] + " symbols");
            assertArrayEquals(inMemory.split(0.3).validation().toArray(), mapped.split(0.3).validation().toArray());
            CacheUse cache = mapped.cache().orElseThrow();
            assertTrue(cache.built());
            CacheHeader header = CacheReader.open(cache.file()).header();
            assertEquals(c[1], header.width().bytes(), c[0] + " symbols");
            assertTrue(Files.size(cache.file()) >= (long) c[1] * mapped.length());
            TextCorpus again = TextCorpus.read(file, cached());
            assertFalse(again.cache().orElseThrow().built(), "an unchanged text reuses its cache");
            assertArrayEquals(inMemory.ids().toArray(), again.ids().toArray());
        }
    }

    @Test
    void aTextChangedToTheSameSizeAndTimeIsReadAgain() throws IOException {
        Path file = Files.writeString(dir.resolve("t.txt"), "the quick brown fox\n".repeat(50));
        FileTime time = Files.getLastModifiedTime(file);
        TextCorpus.read(file, cached());
        Files.writeString(file, "the quick brown cat\n".repeat(50));
        Files.setLastModifiedTime(file, time);   // so only the content hash tells
        TextCorpus changed = TextCorpus.read(file, cached());
        assertEquals(new CacheUse(changed.cache().orElseThrow().file(), true, "the text changed"), changed.cache().orElseThrow());
        assertEquals("the quick brown cat\n".repeat(50), changed.vocabulary().decode(changed.ids().toArray()));
    }

    /**
     * The case: a text over 64 KB edited in the middle to the same size, its modification time put back (as
     * cp -p, rsync -t or tar do): the whole content is hashed, so the edit is seen and the eleventh character found.
     */
    @Test
    void aSameSizeEditAnywhereWithTheTimeKeptRebuildsTheCache() throws IOException {
        String text = "abcdefghij".repeat(20_000);   // 200 KB, 10 distinct characters
        Path file = Files.writeString(dir.resolve("big.txt"), text);
        FileTime time = Files.getLastModifiedTime(file);
        assertEquals(10, TextCorpus.read(file, cached()).vocabulary().size());
        char[] edited = text.toCharArray();
        edited[123_457] = 'z';   // far from any 4 KB block a sample would read
        Files.writeString(file, new String(edited));
        Files.setLastModifiedTime(file, time);
        TextCorpus changed = TextCorpus.read(file, cached());
        assertTrue(changed.cache().orElseThrow().built(), "the edit is seen");
        assertEquals(11, changed.vocabulary().size());
    }

    /** A copy with the same bytes (a new inode, the time kept) is hashed again and reuses the cache. */
    @Test
    void aFileReplacedByAnIdenticalCopyReusesTheCache() throws IOException {
        Path file = Files.writeString(dir.resolve("copy.txt"), "the quick brown fox\n".repeat(500));
        TextCorpus.read(file, cached());
        Path copy = Files.copy(file, dir.resolve("copy.tmp"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        TextCorpus again = TextCorpus.read(file, cached());
        assertFalse(again.cache().orElseThrow().built(), "same bytes: the cache is reused");
    }

    @Test
    void aTruncatedOrAlteredCacheFileIsRebuilt() throws IOException {
        String text = "It was the best of times, it was the worst of times.\n".repeat(40);
        Path file = Files.writeString(dir.resolve("t.txt"), text);
        Path cacheFile = TextCorpus.read(file, cached()).cache().orElseThrow().file();

        try (FileChannel channel = FileChannel.open(cacheFile, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 100);
        }
        assertRebuilt(file, text, "truncated");

        try (FileChannel channel = FileChannel.open(cacheFile, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[]{7}), channel.size() - 500);
        }
        assertRebuilt(file, text, "checksum");

        Files.writeString(cacheFile, "a file that is not a cache file at all");
        assertRebuilt(file, text, "not a charrnn cache file");
        assertEquals(List.of(cacheFile), listed(cacheFile.getParent()), "no temporary files are left behind");
    }

    private void assertRebuilt(Path file, String text, String reasonPart) {
        TextCorpus corpus = TextCorpus.read(file, cached());
        CacheUse cache = corpus.cache().orElseThrow();
        assertTrue(cache.built() && cache.reason().contains(reasonPart), cache.toString());
        assertEquals(text, corpus.vocabulary().decode(corpus.ids().toArray()));
        assertFalse(TextCorpus.read(file, cached()).cache().orElseThrow().built());
    }

    @Test
    void aModelsVocabularyIsUsedAndUnknownCharactersAreNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("t.txt"), "abcabc");
        assertTrue(TextCorpus.read(file, cached()).cache().orElseThrow().built());
        Vocabulary wider = Vocabulary.of("abcdxyz");
        TextCorpus corpus = TextCorpus.read(file, cached().withVocabulary(wider));
        assertEquals("encoded with another vocabulary", corpus.cache().orElseThrow().reason());
        assertArrayEquals(wider.encode("abcabc"), corpus.ids().toArray());
        UnknownCharactersException e = assertThrows(UnknownCharactersException.class,
                () -> TextCorpus.read(file, cached().withVocabulary(Vocabulary.of("ab"))));
        assertTrue(e.getMessage().contains("'c'"), e.getMessage());
    }

    @Test
    void aFolderIsJoinedWithTheSeparatorAndHiddenFoldersAreSkipped() throws IOException {
        Files.createDirectories(dir.resolve("texts/b"));
        Files.createDirectories(dir.resolve("texts/.git"));
        Files.writeString(dir.resolve("texts/a.txt"), "one");
        Files.writeString(dir.resolve("texts/b/c.txt"), "two\n");
        Files.writeString(dir.resolve("texts/.git/config"), "never");
        CorpusOptions options = cached().withSeparator("\n\n");
        TextCorpus corpus = TextCorpus.read(dir.resolve("texts"), options);
        assertEquals("one\n\ntwo\n\n\n", corpus.vocabulary().decode(corpus.ids().toArray()));
        TextCorpus inMemory = TextCorpus.read(dir.resolve("texts"), options.withCacheDirectory(null));
        assertArrayEquals(inMemory.ids().toArray(), corpus.ids().toArray());
        TextCorpus byDefault = TextCorpus.read(dir.resolve("texts"), cached());
        assertEquals("one\ntwo\n", byDefault.vocabulary().decode(byDefault.ids().toArray()));
        assertTrue(byDefault.cache().orElseThrow().built(), "another separator has a cache file of its own");
        assertFalse(TextCorpus.read(dir.resolve("texts"), options).cache().orElseThrow().built());
    }

    @Test
    void validationByFileTakesTheLastWholeFilesNearestTheFraction() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("profiles"));
        int[] lengths = {400, 300, 100, 90, 60, 50};   // + a newline each: 1,006 characters
        for (int i = 0; i < lengths.length; i++) {
            Files.writeString(folder.resolve("p" + i + ".txt"), String.valueOf((char) ('a' + i)).repeat(lengths[i]));
        }
        TextCorpus corpus = TextCorpus.read(folder, cached());
        TextCorpus.Split split = corpus.splitByFile(0.2);   // 201 wanted: the last three files give 203
        assertEquals(203, split.validation().length());
        assertEquals("d".repeat(90) + "\n" + "e".repeat(60) + "\n" + "f".repeat(50) + "\n",
                corpus.vocabulary().decode(split.validation().toArray()));
        assertEquals(803, split.train().length());
        assertEquals(51, corpus.splitByFile(0.01).validation().length(), "at least one file is validation");
        assertEquals(401, corpus.splitByFile(0.99).train().length(), "at least one file is training");

        Path one = Files.writeString(dir.resolve("one.txt"), "just one file");
        CorpusException e = assertThrows(CorpusException.class, () -> TextCorpus.read(one).splitByFile(0.1));
        assertEquals("Splitting off whole files for validation needs a folder of at least two files; the text one.txt is one file.",
                e.getMessage());
    }

    @Test
    void bothPassesReportProgressUpToEveryByte() throws IOException {
        Path file = Files.writeString(dir.resolve("t.txt"), "progress\n".repeat(30_000));
        List<String> reports = new ArrayList<>();
        TextCorpus.read(file, cached().withProgress((pass, done, total) -> reports.add(pass + " " + done + "/" + total)));
        assertTrue(reports.contains("VOCABULARY 270000/270000") && reports.contains("ENCODING 270000/270000"), reports.toString());
        assertTrue(reports.size() > 4, "reports come during a pass too: " + reports);
    }

    @Test
    void anUnwritableCacheFolderIsOneSentence() throws IOException {
        Path file = Files.writeString(dir.resolve("t.txt"), "some text");
        Path notAFolder = Files.writeString(dir.resolve("occupied"), "a file where the cache folder should be");
        CorpusException e = assertThrows(CorpusException.class,
                () -> TextCorpus.read(file, CorpusOptions.defaults().withCacheDirectory(notAFolder)));
        assertTrue(e.getMessage().startsWith("The corpus cache " + notAFolder) && e.getMessage().endsWith("read the text into memory."),
                e.getMessage());
    }

    private static List<Path> listed(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }
}
