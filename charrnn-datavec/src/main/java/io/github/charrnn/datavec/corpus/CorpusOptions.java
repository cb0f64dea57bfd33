package io.github.charrnn.datavec.corpus;

import io.github.charrnn.vocabulary.Vocabulary;

import java.nio.file.Path;

/**
 * How {@link TextCorpus#read(Path, CorpusOptions)} reads a file or folder. Immutable; start from
 * {@link #defaults()} and change one setting at a time with the {@code with...} methods.
 *
 * @param vocabulary     encode with this (a model's) vocabulary; null: build it from the text
 * @param separator      put after every file of a folder (for example a blank line between profiles); null: a
 *                       newline after each file that does not end with one
 * @param cacheDirectory keep the ids in a memory-mapped cache file in this folder instead of on the heap (see
 *                       {@link CorpusCache}); null: hold them in memory
 * @param progress       hears the progress of the two passes over the text (never null)
 */
public record CorpusOptions(Vocabulary vocabulary, String separator, Path cacheDirectory, ScanProgress progress) {

    /** Checks that the separator is not empty and a listener is given. */
    public CorpusOptions {
        if (separator != null && separator.isEmpty()) {
            throw new IllegalArgumentException("The file separator needs at least one character.");
        }
        if (progress == null) {
            throw new IllegalArgumentException("The progress listener must not be null; use ScanProgress.NONE.");
        }
    }

    /** The text's own vocabulary, newlines between files, ids in memory, no progress reports. */
    public static CorpusOptions defaults() {
        return new CorpusOptions(null, null, null, ScanProgress.NONE);
    }

    /** These options with the given vocabulary (null: the text's own). */
    public CorpusOptions withVocabulary(Vocabulary knownVocabulary) {
        return new CorpusOptions(knownVocabulary, separator, cacheDirectory, progress);
    }

    /** These options with the given file separator (null: a newline where a file lacks one). */
    public CorpusOptions withSeparator(String fileSeparator) {
        return new CorpusOptions(vocabulary, fileSeparator, cacheDirectory, progress);
    }

    /** These options with the ids cached in {@code directory} (null: in memory). */
    public CorpusOptions withCacheDirectory(Path directory) {
        return new CorpusOptions(vocabulary, separator, directory, progress);
    }

    /** These options reporting to {@code listener}. */
    public CorpusOptions withProgress(ScanProgress listener) {
        return new CorpusOptions(vocabulary, separator, cacheDirectory, listener);
    }
}
