package io.github.charrnn.cli;

import io.github.charrnn.datavec.corpus.CorpusOptions;
import io.github.charrnn.datavec.corpus.ScanProgress;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.texts.BundledText;
import io.github.charrnn.vocabulary.Vocabulary;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** Where the text comes from: {@code --text PATH}, or else a bundled text named by {@code --bundled}. */
final class TextOptions {

    @Option(names = "--text", paramLabel = "PATH", description = "UTF-8 text file, or a folder of them (default: a bundled text).")
    Path text;

    @Option(names = "--bundled", paramLabel = "NAME",
            description = "Bundled text used when --text is absent: fortunes-en (default), tang300-zh, poems-en, austen-pride-en"
                    + " or profiles-en (docs/bundled-texts.md).")
    String bundled = BundledText.FORTUNES_EN.id();

    @Option(names = "--separator", paramLabel = "TEXT", description = "Put TEXT after every file of a --text folder, e.g. '\\n\\n' for a blank line (\\n and \\t stand for"
            + " a newline and a tab; default: a newline after a file that lacks one).")
    String separator;

    /** True when no --text was given. */
    boolean onBundled() {
        return text == null;
    }

    /** The bundled text named by --bundled (checked even when --text is given). */
    BundledText bundledText() {
        return BundledText.parse(bundled);
    }

    /** Reads the text into memory, encoded with {@code vocabulary} (null: the text's own vocabulary). */
    TextCorpus corpus(Vocabulary vocabulary) {
        return corpus(vocabulary, null, ScanProgress.NONE);
    }

    /**
     * Reads the text, encoded with {@code vocabulary} (null: the text's own), its ids cached as {@code cache} says
     * (null: in memory), reporting the passes over a --text to {@code progress}.
     */
    TextCorpus corpus(Vocabulary vocabulary, CacheOptions cache, ScanProgress progress) {
        Path cacheDirectory = cache == null ? null : cache.directoryFor(text);   // checks --cache on a bundled text too
        if (onBundled()) {
            return TextCorpus.of(bundled, bundledText().text(), vocabulary);
        }
        return TextCorpus.read(text, readOptions().withVocabulary(vocabulary).withCacheDirectory(cacheDirectory)
                .withProgress(progress));
    }

    /**
     * Reads the text as {@link #corpus(Vocabulary, CacheOptions, ScanProgress)} does, showing the progress of a
     * long read (a bar in a terminal, else plain lines; nothing when {@code quiet}) and then which cache file
     * holds the ids, and whether it was built or reused.
     */
    TextCorpus corpusWithProgress(Vocabulary vocabulary, CacheOptions cache, boolean quiet) {
        PrintStream out = System.out;
        long started = System.nanoTime();
        TextCorpus corpus;
        try (ScanProgressPrinter progress = new ScanProgressPrinter(out, System.console() != null)) {
            corpus = corpus(vocabulary, cache, quiet ? ScanProgress.NONE : progress);
        }
        if (!quiet) {
            corpus.cache().ifPresent(use -> out.printf(Locale.ROOT, "cache: %s (%s)%n", use.file(), use.built()
                    ? String.format(Locale.ROOT, "built in %.1f s: %s", (System.nanoTime() - started) / 1e9, use.reason())
                    : String.format(Locale.ROOT, "reused, opened in %.1f s", (System.nanoTime() - started) / 1e9)));
        }
        return corpus;
    }

    /** The separator of --separator with its escapes replaced, and no vocabulary, cache or progress. */
    CorpusOptions readOptions() {
        if (separator != null && separator.isEmpty()) {
            throw new IllegalArgumentException("--separator needs at least one character.");
        }
        return CorpusOptions.defaults().withSeparator(separator == null ? null : separator.replace("\\n", "\n").replace("\\t", "\t"));
    }
}
