package io.github.charrnn.examples;

import io.github.charrnn.datavec.corpus.CorpusException;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.texts.BundledText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExampleTextTest {

    @TempDir
    Path directory;

    @Test
    void readsAFileOrElseTheBundledTextAndSaysWhich() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        String text = "the cat sat on the mat.\n".repeat(20);
        Path file = Files.writeString(directory.resolve("pets.txt"), text);
        TextCorpus fromFile = ExampleText.load(file, BundledText.POEMS_EN, out);
        assertEquals(text.length(), fromFile.length());
        TextCorpus bundled = ExampleText.load(null, BundledText.PROFILES_EN, out);
        String profiles = BundledText.PROFILES_EN.text();
        assertEquals(profiles.codePointCount(0, profiles.length()), bundled.length());
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("text: " + fromFile.describe(), "text: " + bundled.describe() + " (bundled with charrnn)"), lines);
        assertThrows(CorpusException.class, () -> ExampleText.load(directory.resolve("missing.txt"), BundledText.POEMS_EN, out));
    }
}
