package io.github.charrnn.datavec.corpus;

import io.github.charrnn.vocabulary.UnknownCharactersException;
import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusEncoderTest {

    @TempDir
    Path directory;

    @Test
    void oneFileIsScannedAndEncodedAsItIs() throws IOException {
        Path file = Files.writeString(directory.resolve("a.txt"), "abcab");
        CorpusEncoder encoder = new CorpusEncoder(file, SourceFile.list(file), CorpusOptions.defaults());
        CorpusEncoder.Scan scan = encoder.scan();
        assertEquals(5, scan.total());
        assertArrayEquals(new long[]{5}, scan.characters());
        BitSet abc = new BitSet();
        abc.set('a', 'c' + 1);
        assertEquals(abc, scan.present());
        Vocabulary vocabulary = CorpusEncoder.chooseVocabulary(scan.present(), null);
        assertEquals(Vocabulary.of("abc"), vocabulary);
        assertEquals("abcab", vocabulary.decode(encode(encoder, vocabulary, scan)));
    }

    @Test
    void filesOfAFolderAreJoinedWithANewlineWhereOneIsMissingOrWithTheSeparator() throws IOException {
        Path folder = Files.createDirectory(directory.resolve("texts"));
        Files.writeString(folder.resolve("1.txt"), "ab\n");
        Files.writeString(folder.resolve("2.txt"), "cd");
        Files.writeString(folder.resolve("3.txt"), "");
        Files.writeString(folder.resolve("4.txt"), "e");
        CorpusEncoder plain = new CorpusEncoder(folder, SourceFile.list(folder), CorpusOptions.defaults());
        CorpusEncoder.Scan scan = plain.scan();
        assertArrayEquals(new long[]{3, 3, 0, 2}, scan.characters());   // an empty file gets no newline
        Vocabulary vocabulary = CorpusEncoder.chooseVocabulary(scan.present(), null);
        assertEquals("ab\ncd\ne\n", vocabulary.decode(encode(plain, vocabulary, scan)));

        CorpusEncoder separated = new CorpusEncoder(folder, SourceFile.list(folder), CorpusOptions.defaults().withSeparator("|"));
        CorpusEncoder.Scan separatedScan = separated.scan();
        Vocabulary withBar = CorpusEncoder.chooseVocabulary(separatedScan.present(), null);
        assertEquals("ab\n|cd||e|", withBar.decode(encode(separated, withBar, separatedScan)));
    }

    @Test
    void aKnownVocabularyIsUsedAndCharactersItLacksAreNamed() throws IOException {
        Path file = Files.writeString(directory.resolve("a.txt"), "abcab");
        CorpusEncoder encoder = new CorpusEncoder(file, SourceFile.list(file), CorpusOptions.defaults());
        CorpusEncoder.Scan scan = encoder.scan();
        Vocabulary wider = Vocabulary.of("zyxcba");
        assertSame(wider, CorpusEncoder.chooseVocabulary(scan.present(), wider));
        assertArrayEquals(wider.encode("abcab"), encode(encoder, wider, scan));
        UnknownCharactersException e = assertThrows(UnknownCharactersException.class,
                () -> CorpusEncoder.chooseVocabulary(scan.present(), Vocabulary.of("ab")));
        assertTrue(e.getMessage().contains("c"), e.getMessage());
    }

    @Test
    void anEmptyTextIsRefused() throws IOException {
        Path file = Files.writeString(directory.resolve("empty.txt"), "");
        CorpusException e = assertThrows(CorpusException.class,
                () -> new CorpusEncoder(file, SourceFile.list(file), CorpusOptions.defaults()).scan());
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    }

    @Test
    void aFileChangedBetweenThePassesIsNoticed() throws IOException {
        Path file = Files.writeString(directory.resolve("a.txt"), "abcab");
        CorpusEncoder encoder = new CorpusEncoder(file, SourceFile.list(file), CorpusOptions.defaults());
        CorpusEncoder.Scan scan = encoder.scan();
        Vocabulary vocabulary = CorpusEncoder.chooseVocabulary(scan.present(), null);
        for (String changed : new String[]{"abcabc", "abca", "abcaz"}) {
            Files.writeString(file, changed);
            CorpusException e = assertThrows(CorpusException.class, () -> encode(encoder, vocabulary, scan), changed);
            assertTrue(e.getMessage().contains("changed while it was read"), e.getMessage());
        }
    }

    @Test
    void progressCountsTheBytesOfAllFilesInEachPass() throws IOException {
        Path folder = Files.createDirectory(directory.resolve("texts"));
        Files.writeString(folder.resolve("1.txt"), "abc");
        Files.writeString(folder.resolve("2.txt"), "défg");   // 5 bytes
        List<String> events = new ArrayList<>();
        CorpusOptions options = CorpusOptions.defaults()
                .withProgress((pass, done, total) -> events.add(pass + " " + done + "/" + total));
        CorpusEncoder encoder = new CorpusEncoder(folder, SourceFile.list(folder), options);
        CorpusEncoder.Scan scan = encoder.scan();
        encode(encoder, CorpusEncoder.chooseVocabulary(scan.present(), null), scan);
        assertTrue(events.contains("VOCABULARY 3/8"), events.toString());
        assertTrue(events.contains("VOCABULARY 8/8"), events.toString());
        assertTrue(events.contains("ENCODING 8/8"), events.toString());
        assertEquals("ENCODING 8/8", events.get(events.size() - 1));
    }

    private static int[] encode(CorpusEncoder encoder, Vocabulary vocabulary, CorpusEncoder.Scan scan) {
        List<Integer> ids = new ArrayList<>();
        encoder.encode(vocabulary, scan, ids::add);
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
