package io.github.charrnn.examples;

import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.texts.BundledText;

import java.io.PrintStream;
import java.nio.file.Path;

/** The text an example learns from: a file or folder the user names, or else a text bundled with charrnn. */
public final class ExampleText {

    private ExampleText() {
    }

    /**
     * Reads {@code file} (a UTF-8 file or a folder of them), or {@code bundled} when {@code file} is null, and
     * says on {@code out} what was read.
     *
     * @throws io.github.charrnn.datavec.corpus.CorpusException for a missing, empty or invalid file
     */
    public static TextCorpus load(Path file, BundledText bundled, PrintStream out) {
        TextCorpus corpus = file != null
                ? TextCorpus.read(file)
                : TextCorpus.of(bundled.id(), bundled.text());   // a resource of charrnn-texts: docs/bundled-texts.md
        out.println("text: " + corpus.describe() + (file == null ? " (bundled with charrnn)" : ""));
        return corpus;
    }
}
