package io.github.charrnn.datavec.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ScanProgress}: NONE ignores reports; a listener hears both passes while a folder is read. */
class ScanProgressTest {

    @TempDir
    Path dir;

    private record Report(ScanProgress.Pass pass, long done, long total) {
    }

    @Test
    void noneIgnoresEveryReport() {
        ScanProgress.NONE.onProgress(ScanProgress.Pass.VOCABULARY, 0, 10);
        ScanProgress.NONE.onProgress(ScanProgress.Pass.ENCODING, 10, 10);
        assertEquals(List.of(ScanProgress.Pass.VOCABULARY, ScanProgress.Pass.ENCODING), List.of(ScanProgress.Pass.values()));
    }

    @Test
    void aListenerHearsTheVocabularyPassThenTheEncodingPass() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("texts"));
        Files.writeString(folder.resolve("a.txt"), "abc abc abc\n".repeat(100), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("b.txt"), "déjà vu\n".repeat(100), StandardCharsets.UTF_8);
        long totalBytes = Files.size(folder.resolve("a.txt")) + Files.size(folder.resolve("b.txt"));

        List<Report> reports = new ArrayList<>();
        TextCorpus corpus = TextCorpus.read(folder,
                CorpusOptions.defaults().withProgress((pass, done, total) -> reports.add(new Report(pass, done, total))));

        assertEquals(2, corpus.files().size());
        assertFalse(reports.isEmpty());
        assertTrue(reports.stream().anyMatch(r -> r.pass() == ScanProgress.Pass.VOCABULARY), reports.toString());
        assertTrue(reports.stream().anyMatch(r -> r.pass() == ScanProgress.Pass.ENCODING), reports.toString());
        int lastVocabulary = -1;
        int firstEncoding = Integer.MAX_VALUE;
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            assertEquals(totalBytes, r.total(), r.toString());
            assertTrue(r.done() >= 0 && r.done() <= r.total(), r.toString());
            if (r.pass() == ScanProgress.Pass.VOCABULARY) {
                lastVocabulary = i;
            } else {
                firstEncoding = Math.min(firstEncoding, i);
            }
        }
        assertTrue(lastVocabulary < firstEncoding, "the vocabulary pass comes first: " + reports);
    }
}
