package io.github.charrnn.datavec.corpus;

import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link CorpusOptions}: the defaults, one setting changed per {@code with…}, an empty separator and no listener refused. */
class CorpusOptionsTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreTheTextsOwnVocabularyNoSeparatorIdsInMemoryAndSilence() {
        CorpusOptions defaults = CorpusOptions.defaults();
        assertNull(defaults.vocabulary());
        assertNull(defaults.separator());
        assertNull(defaults.cacheDirectory());
        assertSame(ScanProgress.NONE, defaults.progress());
    }

    @Test
    void eachWithChangesItsSettingOnly() {
        Vocabulary vocabulary = Vocabulary.of("abc");
        ScanProgress progress = (pass, done, total) -> { };
        CorpusOptions defaults = CorpusOptions.defaults();
        assertEquals(new CorpusOptions(vocabulary, null, null, ScanProgress.NONE), defaults.withVocabulary(vocabulary));
        assertEquals(new CorpusOptions(null, "\n\n", null, ScanProgress.NONE), defaults.withSeparator("\n\n"));
        assertEquals(new CorpusOptions(null, null, dir, ScanProgress.NONE), defaults.withCacheDirectory(dir));
        assertEquals(new CorpusOptions(null, null, null, progress), defaults.withProgress(progress));
        CorpusOptions all = defaults.withVocabulary(vocabulary).withSeparator("|").withCacheDirectory(dir).withProgress(progress);
        assertEquals(new CorpusOptions(vocabulary, "|", dir, progress), all);
        assertEquals(new CorpusOptions(null, "|", dir, progress), all.withVocabulary(null), "null: back to the default");
        assertEquals(CorpusOptions.defaults(), defaults, "the original is unchanged");
    }

    @Test
    void anEmptySeparatorAndAMissingListenerAreRefusedInOneSentence() {
        assertEquals("The file separator needs at least one character.",
                assertThrows(IllegalArgumentException.class, () -> CorpusOptions.defaults().withSeparator("")).getMessage());
        assertEquals("The progress listener must not be null; use ScanProgress.NONE.",
                assertThrows(IllegalArgumentException.class, () -> CorpusOptions.defaults().withProgress(null)).getMessage());
    }

    @Test
    void readingAFolderHonoursTheSeparatorAndTheVocabulary() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("texts"));
        Files.writeString(folder.resolve("a.txt"), "ab");
        Files.writeString(folder.resolve("b.txt"), "ba");
        Vocabulary known = Vocabulary.of("abcd|");
        TextCorpus corpus = TextCorpus.read(folder, CorpusOptions.defaults().withSeparator("|").withVocabulary(known));
        assertEquals(known, corpus.vocabulary());
        assertEquals("ab|ba|", known.decode(ids(corpus)));
        TextCorpus plain = TextCorpus.read(folder, CorpusOptions.defaults());
        assertEquals("ab\nba\n", plain.vocabulary().decode(ids(plain)), "by default a newline after each file");
    }

    private static int[] ids(TextCorpus corpus) {
        int[] ids = new int[corpus.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = corpus.ids().id(i);
        }
        return ids;
    }
}
