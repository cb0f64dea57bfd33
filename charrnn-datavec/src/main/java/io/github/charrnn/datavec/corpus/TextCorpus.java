package io.github.charrnn.datavec.corpus;

import io.github.charrnn.vocabulary.UnknownCharactersException;
import io.github.charrnn.vocabulary.Vocabulary;
import org.datavec.api.split.FileSplit;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * A training text: one UTF-8 file, or every file below a folder (read in path order, a newline added after a
 * file that does not end with one), held encoded as symbol ids. The vocabulary is built over the whole text
 * before any train/validation split, so a character that occurs only in the validation part is known.
 *
 * <p>Not changed after it is read: safe to share between threads.
 */
public final class TextCorpus {

    private final String name;
    private final List<Path> files;
    private final Vocabulary vocabulary;
    private final EncodedText ids;

    private TextCorpus(String name, List<Path> files, Vocabulary vocabulary, EncodedText ids) {
        this.name = name;
        this.files = files;
        this.vocabulary = vocabulary;
        this.ids = ids;
    }

    /**
     * Reads a file or a folder (recursively; hidden files skipped), listed through DataVec's {@link FileSplit}.
     *
     * @throws CorpusException for a missing path, a folder without files, an unreadable or empty text, or
     *                         invalid UTF-8 (naming the file and byte offset)
     */
    public static TextCorpus read(Path fileOrFolder) {
        return read(fileOrFolder, null);
    }

    /**
     * Reads a file or folder as {@link #read(Path)} does, but encodes it with a model's {@code vocabulary}
     * (null: build the vocabulary from the text).
     *
     * @throws io.github.charrnn.vocabulary.UnknownCharactersException naming characters the vocabulary lacks
     */
    public static TextCorpus read(Path fileOrFolder, Vocabulary knownVocabulary) {
        List<Path> files = listFiles(fileOrFolder);
        // pass 1: which code points occur, and how many characters there are
        BitSet present = new BitSet();
        long[] count = {0};
        for (Path file : files) {
            int last = Utf8Reader.forEachCodePoint(file, cp -> {
                present.set(cp);
                count[0]++;
            });
            if (needsNewline(last, files)) {
                present.set('\n');
                count[0]++;
            }
        }
        if (count[0] == 0) {
            throw new CorpusException("The text " + fileOrFolder + " is empty; give a UTF-8 text with at least a few thousand characters.");
        }
        if (count[0] > Integer.MAX_VALUE - 8) {
            throw new CorpusException("The text " + fileOrFolder + " has " + count[0] + " characters; at most "
                    + (Integer.MAX_VALUE - 8) + " are supported.");
        }
        Vocabulary vocabulary = knownVocabulary == null ? Vocabulary.fromCodePointSet(present) : knownVocabulary;
        List<Integer> unknown = present.stream().filter(cp -> !vocabulary.contains(cp)).boxed().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownCharactersException(unknown);
        }
        // pass 2: encode
        EncodedText.Builder builder = new EncodedText.Builder(vocabulary.size(), (int) count[0]);
        for (Path file : files) {
            int last = Utf8Reader.forEachCodePoint(file, cp -> builder.add(vocabulary.idOrNegative(cp)));
            if (needsNewline(last, files)) {
                builder.add(vocabulary.idOrNegative('\n'));
            }
        }
        return new TextCorpus(fileOrFolder.getFileName() == null ? fileOrFolder.toString() : fileOrFolder.getFileName().toString(),
                files, vocabulary, builder.build());
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
        return new TextCorpus(name, List.of(), vocabulary, EncodedText.of(vocabulary.encode(text), vocabulary.size()));
    }

    private static boolean needsNewline(int lastCodePoint, List<Path> files) {
        return files.size() > 1 && lastCodePoint != -1 && lastCodePoint != '\n';
    }

    private static List<Path> listFiles(Path fileOrFolder) {
        if (!Files.exists(fileOrFolder)) {
            throw new CorpusException("The text " + fileOrFolder + " does not exist; give a UTF-8 text file or a folder of them.");
        }
        if (Files.isRegularFile(fileOrFolder)) {
            if (!Files.isReadable(fileOrFolder)) {
                throw new CorpusException("The text file " + fileOrFolder + " is not readable.");
            }
            return List.of(fileOrFolder);
        }
        URI[] locations = new FileSplit(fileOrFolder.toFile(), null, true).locations();
        List<Path> files = Arrays.stream(locations).map(Path::of)
                .filter(p -> p.getFileName() != null && !p.getFileName().toString().startsWith("."))
                .filter(Files::isRegularFile)
                .sorted()
                .toList();
        if (files.isEmpty()) {
            throw new CorpusException("The folder " + fileOrFolder + " holds no text files; give a UTF-8 text file or a folder of them.");
        }
        return files;
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

    /** "name: N characters, V distinct". */
    public String describe() {
        return String.format("%s: %,d characters, %,d distinct", name, ids.length(), vocabulary.size());
    }

    /** The training and validation parts of a corpus. */
    public record Split(EncodedText train, EncodedText validation) {
    }
}
