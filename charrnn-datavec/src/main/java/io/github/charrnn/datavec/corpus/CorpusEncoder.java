package io.github.charrnn.datavec.corpus;

import io.github.charrnn.vocabulary.UnknownCharactersException;
import io.github.charrnn.vocabulary.Vocabulary;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The two streaming passes over a corpus's files, neither of which holds the text: the first finds which code
 * points occur and how many characters each file gives (separators included), the second hands every
 * character's id to an {@link IdSink}. Only the ids' destination decides how much memory a corpus takes.
 */
final class CorpusEncoder {

    /** The most characters a corpus may have: ids are addressed by int, as DL4J's iterators count. */
    static final long MAX_CHARACTERS = Integer.MAX_VALUE - 8;

    private final Path source;
    private final List<SourceFile> files;
    private final FileJoiner joiner;
    private final ScanProgress progress;
    private final long totalBytes;

    /** What the first pass found: the code points present and the characters of each file. */
    record Scan(BitSet present, long[] characters, long total) {
    }

    /** Passes over {@code files} (the files of {@code source}) joined and reported as {@code options} say. */
    CorpusEncoder(Path source, List<SourceFile> files, CorpusOptions options) {
        this.source = source;
        this.files = files;
        this.joiner = new FileJoiner(options.separator(), files.size() > 1);
        this.progress = options.progress();
        this.totalBytes = files.stream().mapToLong(SourceFile::size).sum();
    }

    /**
     * Pass 1.
     *
     * @throws CorpusException if the text is empty or longer than {@link #MAX_CHARACTERS}
     */
    Scan scan() {
        BitSet present = new BitSet();
        long[] characters = new long[files.size()];
        long bytesBefore = 0;
        for (int f = 0; f < files.size(); f++) {
            int file = f;
            long before = bytesBefore;
            int last = Utf8Reader.forEachCodePoint(files.get(f).path(), cp -> {
                present.set(cp);
                characters[file]++;
            }, done -> progress.onProgress(ScanProgress.Pass.VOCABULARY, before + done, totalBytes));
            for (int cp : joiner.after(last)) {
                present.set(cp);
                characters[f]++;
            }
            bytesBefore += files.get(f).size();
        }
        long total = 0;
        for (long c : characters) {
            total += c;
        }
        if (total == 0) {
            throw new CorpusException("The text " + source + " is empty; give a UTF-8 text with at least a few thousand characters.");
        }
        if (total > MAX_CHARACTERS) {
            throw new CorpusException("The text " + source + " has " + total + " characters; at most " + MAX_CHARACTERS
                    + " are supported.");
        }
        return new Scan(present, characters, total);
    }

    /**
     * The vocabulary to encode with: {@code known}, or the text's own when that is null.
     *
     * @throws UnknownCharactersException naming the text's characters that {@code known} lacks
     */
    static Vocabulary chooseVocabulary(BitSet present, Vocabulary known) {
        if (known == null) {
            return Vocabulary.fromCodePointSet(present);
        }
        List<Integer> unknown = present.stream().filter(cp -> !known.contains(cp)).boxed().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownCharactersException(unknown);
        }
        return known;
    }

    /**
     * Pass 2: every character's id, in order, into {@code sink}.
     *
     * @throws CorpusException if a file changed since {@link #scan()} (other characters or another count)
     */
    void encode(Vocabulary vocabulary, Scan scan, IdSink sink) {
        int[] ids = idTable(vocabulary);
        long bytesBefore = 0;
        for (int f = 0; f < files.size(); f++) {
            Path path = files.get(f).path();
            long before = bytesBefore;
            long expected = scan.characters()[f];
            long[] count = {0};
            IntConsumer encode = cp -> {
                int id = cp < ids.length ? ids[cp] : -1;
                if (id < 0 || ++count[0] > expected) {
                    throw changed(path);
                }
                sink.add(id);
            };
            int last = Utf8Reader.forEachCodePoint(path, encode,
                    done -> progress.onProgress(ScanProgress.Pass.ENCODING, before + done, totalBytes));
            for (int cp : joiner.after(last)) {
                encode.accept(cp);
            }
            if (count[0] != expected) {
                throw changed(path);
            }
            bytesBefore += files.get(f).size();
        }
    }

    private static CorpusException changed(Path file) {
        return new CorpusException("The file " + file + " changed while it was read; read it again once nothing writes to it.");
    }

    /** Code point -> id, -1 where the vocabulary has no symbol: one array load per character. */
    private static int[] idTable(Vocabulary vocabulary) {
        int[] table = new int[vocabulary.codePoint(vocabulary.size() - 1) + 1];
        Arrays.fill(table, -1);
        for (int id = 0; id < vocabulary.size(); id++) {
            table[vocabulary.codePoint(id)] = id;
        }
        return table;
    }
}
