package io.github.charrnn.datavec.corpus;

import io.github.charrnn.vocabulary.Vocabulary;
import org.datavec.api.split.FileSplit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A training text: one UTF-8 file, or every file below a folder (read in path order, joined by a separator: by
 * default a newline after each file that does not end with one), encoded as symbol ids. The vocabulary is built
 * over the whole text before any train/validation split, so a character that occurs only in the validation part
 * is known. Neither pass over the files holds the text itself; the ids are held in memory or, with a cache folder
 * ({@link CorpusOptions#withCacheDirectory}), memory-mapped from a cache file ({@link CorpusCache}).
 *
 * <p>Not changed after it is read: safe to share between threads.
 */
public final class TextCorpus {

    private final String name;
    private final List<Path> files;
    private final long[] fileCharacters;
    private final Vocabulary vocabulary;
    private final EncodedText ids;
    private final CacheUse cache;

    private TextCorpus(String name, List<Path> files, EncodedCorpus encoded) {
        this.name = name;
        this.files = files;
        this.fileCharacters = encoded.characters();
        this.vocabulary = encoded.vocabulary();
        this.ids = encoded.ids();
        this.cache = encoded.cache();
    }

    /**
     * Reads a file or a folder (recursively; files and folders whose names start with a dot are skipped), listed
     * through DataVec's {@link FileSplit}, into memory.
     *
     * @throws CorpusException for a missing path, a folder without files, an unreadable or empty text, or
     *                         invalid UTF-8 (naming the file and byte offset)
     */
    public static TextCorpus read(Path fileOrFolder) {
        return read(fileOrFolder, CorpusOptions.defaults());
    }

    /**
     * Reads a file or folder as {@link #read(Path)} does, but encodes it with a model's {@code vocabulary}
     * (null: build the vocabulary from the text).
     *
     * @throws io.github.charrnn.vocabulary.UnknownCharactersException naming characters the vocabulary lacks
     */
    public static TextCorpus read(Path fileOrFolder, Vocabulary knownVocabulary) {
        return read(fileOrFolder, CorpusOptions.defaults().withVocabulary(knownVocabulary));
    }

    /**
     * Reads a file or folder as {@link #read(Path)} does, with the vocabulary, file separator, cache folder and
     * progress listener of {@code options}.
     *
     * @throws CorpusException as {@link #read(Path)}, or if the cache file cannot be written
     * @throws io.github.charrnn.vocabulary.UnknownCharactersException naming characters a given vocabulary lacks
     */
    public static TextCorpus read(Path fileOrFolder, CorpusOptions options) {
        List<SourceFile> sources = SourceFile.list(fileOrFolder);
        EncodedCorpus encoded = options.cacheDirectory() != null
                ? new CorpusCache(options.cacheDirectory()).load(fileOrFolder, sources, options)
                : inMemory(fileOrFolder, sources, options);
        String name = fileOrFolder.getFileName() == null ? fileOrFolder.toString() : fileOrFolder.getFileName().toString();
        return new TextCorpus(name, sources.stream().map(SourceFile::path).toList(), encoded);
    }

    private static EncodedCorpus inMemory(Path source, List<SourceFile> files, CorpusOptions options) {
        CorpusEncoder encoder = new CorpusEncoder(source, files, options);
        CorpusEncoder.Scan scan = encoder.scan();
        Vocabulary vocabulary = CorpusEncoder.chooseVocabulary(scan.present(), options.vocabulary());
        ArrayText.Builder builder = new ArrayText.Builder(SymbolWidth.forVocabulary(vocabulary.size()), (int) scan.total());
        encoder.encode(vocabulary, scan, builder);
        return new EncodedCorpus(vocabulary, builder.build(), scan.characters(), null);
    }

    /** A corpus of an in-memory text. */
    public static TextCorpus of(String name, String text) {
        return of(name, text, null);
    }

    /** A corpus of an in-memory text encoded with {@code knownVocabulary} (null: built from the text). */
    public static TextCorpus of(String name, String text, Vocabulary knownVocabulary) {
        if (text.isEmpty()) {
            throw new CorpusException("The text " + name + " is empty; give a text with at least a few thousand characters.");
        }
        Vocabulary vocabulary = knownVocabulary == null ? Vocabulary.of(text) : knownVocabulary;
        EncodedText ids = EncodedText.of(vocabulary.encode(text), vocabulary.size());
        return new TextCorpus(name, List.of(), new EncodedCorpus(vocabulary, ids, new long[]{ids.length()}, null));
    }

    /** The file or folder name, or the name given to {@link #of}. */
    public String name() {
        return name;
    }

    /** The files read, in order (empty for an in-memory text). */
    public List<Path> files() {
        return files;
    }

    /** Every distinct character of the whole text. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** How the ids came from a cache file; empty when they are held in memory. */
    public Optional<CacheUse> cache() {
        return Optional.ofNullable(cache);
    }

    /** The whole text as ids. */
    public EncodedText ids() {
        return ids;
    }

    /** Number of characters (code points). */
    public int length() {
        return ids.length();
    }

    /**
     * Splits off the last {@code validationFraction} of the text for validation, as the articles do
     * (the cut is at {@code (int) (length * (1 - validationFraction))}).
     *
     * @param validationFraction in [0, 1); 0 gives an empty validation part
     */
    public Split split(double validationFraction) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction + ".");
        }
        int cut = (int) (ids.length() * (1 - validationFraction));
        return new Split(ids.slice(0, cut), ids.slice(cut, ids.length()));
    }

    /**
     * Splits off whole files for validation: the last files in path order, as many as bring the validation part
     * nearest to {@code validationFraction} of the characters, at least one file and never every file.
     *
     * @param validationFraction in (0, 1)
     * @throws CorpusException if the corpus is not a folder of at least two files
     */
    public Split splitByFile(double validationFraction) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1) to split by file, got " + validationFraction + ".");
        }
        if (fileCharacters.length < 2) {
            throw new CorpusException("Splitting off whole files for validation needs a folder of at least two files;"
                    + " the text " + name + " is " + (files.isEmpty() ? "not read from files" : "one file") + ".");
        }
        double wanted = ids.length() * validationFraction;
        long validation = 0;
        long best = fileCharacters[fileCharacters.length - 1];
        for (int f = fileCharacters.length - 1; f >= 1; f--) {
            validation += fileCharacters[f];
            if (Math.abs(validation - wanted) < Math.abs(best - wanted)) {
                best = validation;
            }
        }
        int cut = (int) (ids.length() - best);
        return new Split(ids.slice(0, cut), ids.slice(cut, ids.length()));
    }

    /** "name: N characters, V distinct". */
    public String describe() {
        return String.format("%s: %,d characters, %,d distinct", name, ids.length(), vocabulary.size());
    }

    /** The training and validation parts of a corpus. */
    public record Split(EncodedText train, EncodedText validation) {
    }
}
