package io.github.charrnn.cli;

import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.vocabulary.Vocabulary;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the text comes from: {@code --text PATH}, or else a bundled text named by {@code --bundled}. */
final class TextOptions {

    @Option(names = "--text", paramLabel = "PATH", description = "UTF-8 text file, or a folder of them (default: a bundled text).")
    Path text;

    @Option(names = "--bundled", paramLabel = "NAME",
            description = "Bundled text used when --text is absent: fortunes-en (default), tang300-zh, poems-en, austen-pride-en"
                    + " or profiles-en (docs/bundled-texts.md).")
    String bundled = BundledText.FORTUNES_EN.id();

    /** True when no --text was given. */
    boolean onBundled() {
        return text == null;
    }

    /** The bundled text named by --bundled (checked even when --text is given). */
    BundledText bundledText() {
        return BundledText.parse(bundled);
    }

    /** Reads the text, encoded with {@code vocabulary} (null: the text's own vocabulary). */
    TextCorpus corpus(Vocabulary vocabulary) {
        return onBundled() ? TextCorpus.of(bundled, bundledText().text(), vocabulary) : TextCorpus.read(text, vocabulary);
    }
}
