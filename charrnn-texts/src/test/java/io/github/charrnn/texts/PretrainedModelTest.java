package io.github.charrnn.texts;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PretrainedModelTest {

    @Test
    void theModelIsOnTheClassPathAsAZipWithCharrnnsMetadata() throws Exception {
        Set<String> entries = new HashSet<>();
        try (InputStream in = PretrainedModel.open(); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertTrue(entries.contains("charrnn.json"), "entries: " + entries);
        assertTrue(entries.contains("coefficients.bin"), "entries: " + entries);
    }
}
