package io.github.charrnn.datavec.corpus;

import io.github.charrnn.vocabulary.Vocabulary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Keeps a corpus's ids in a cache file in one folder, memory-mapped when read, so that a text larger than the heap
 * can be trained on and a second run skips the two passes over the text. One file per text (file or folder) and
 * separator, named after the text and a hash of its absolute path.
 *
 * <p>A cache file is reused only when every file of the text has the name and size it had when the cache was
 * written and either the same modification time, inode change time and inode number (which copying tools cannot
 * set: no need to read it) or, read again, the same content hash ({@link ContentHash}); the separator is the same,
 * and the ids index the vocabulary asked for; and then only after its size and checksums prove it whole. Otherwise it is rebuilt:
 * written to a temporary file in the same folder and renamed over the old one, so a reader never sees half a file.
 */
public final class CorpusCache {

    /** A temporary file this old is taken as left behind by a run that was killed, and deleted. */
    private static final Duration ABANDONED = Duration.ofHours(1);

    private final Path directory;

    /** A cache in {@code directory} (created when the first file is written). */
    public CorpusCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * The user's cache folder for corpora: {@code $XDG_CACHE_HOME/charrnn/corpora}, else
     * {@code ~/Library/Caches/charrnn/corpora} on macOS, {@code %LOCALAPPDATA%\charrnn\cache\corpora} on Windows,
     * {@code ~/.cache/charrnn/corpora} elsewhere.
     */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "charrnn", "corpora");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String localAppData = System.getenv("LOCALAPPDATA");
        if (os.startsWith("windows") && localAppData != null && !localAppData.isBlank()) {
            return Path.of(localAppData, "charrnn", "cache", "corpora");
        }
        Path home = Path.of(System.getProperty("user.home"));
        return os.startsWith("mac") ? home.resolve("Library/Caches/charrnn/corpora") : home.resolve(".cache/charrnn/corpora");
    }

    /** The folder the cache files are in. */
    public Path directory() {
        return directory;
    }

    /** The cache file of the text {@code fileOrFolder} joined with {@code separator} (null: the default). */
    public Path fileFor(Path fileOrFolder, String separator) {
        Path absolute;
        try {
            absolute = fileOrFolder.toRealPath();
        } catch (IOException e) {
            absolute = fileOrFolder.toAbsolutePath().normalize();
        }
        String key = absolute + "\u0000" + (separator == null ? "\u0001newline-where-missing" : separator);
        String name = String.valueOf(absolute.getFileName()).replaceAll("[^A-Za-z0-9._-]", "_");
        name = name.substring(0, Math.min(name.length(), 60));
        return directory.resolve(name + "-" + sha256(key).substring(0, 16) + ".ids");
    }

    /** The ids of the text, from its cache file if that is valid, else from a newly built one. */
    EncodedCorpus load(Path source, List<SourceFile> files, CorpusOptions options) {
        Path file = fileFor(source, options.separator());
        String reason = "no cache yet";
        if (Files.exists(file)) {
            try {
                CacheReader reader = CacheReader.open(file);
                CacheHeader header = reader.header();
                if (!Objects.equals(header.separator(), options.separator()) || !header.describes(files)) {
                    reason = "the text changed";
                } else {
                    Vocabulary wanted = CorpusEncoder.chooseVocabulary(codePointSet(header.text()), options.vocabulary());
                    if (!wanted.equals(encodingVocabulary(header))) {
                        reason = "encoded with another vocabulary";
                    } else {
                        return new EncodedCorpus(wanted, reader.ids(), header.characters(), new CacheUse(file, false, ""));
                    }
                }
            } catch (CacheReader.Damaged e) {
                reason = "the cache file was damaged (" + e.getMessage() + ")";
            }
        }
        return build(source, files, options, file, reason);
    }

    private EncodedCorpus build(Path source, List<SourceFile> files, CorpusOptions options, Path file, String reason) {
        List<CacheHeader.FileStamp> stamps = CacheHeader.stamp(files);
        CorpusEncoder encoder = new CorpusEncoder(source, files, options);
        CorpusEncoder.Scan scan = encoder.scan();
        Vocabulary vocabulary = CorpusEncoder.chooseVocabulary(scan.present(), options.vocabulary());
        CacheHeader header = new CacheHeader(SymbolWidth.forVocabulary(vocabulary.size()), scan.total(),
                options.separator(), stamps, scan.characters(), scan.present().stream().toArray(),
                IntStream.range(0, vocabulary.size()).map(vocabulary::codePoint).toArray());
        Path temp = null;
        try {
            Files.createDirectories(directory);
            deleteAbandoned(file);
            temp = Files.createTempFile(directory, file.getFileName() + ".", ".tmp");
            Files.delete(temp);   // the writer creates it anew, so that it never opens someone else's file
            try (CacheWriter writer = new CacheWriter(temp, header)) {
                encoder.encode(vocabulary, scan, writer);
                writer.finish();
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new EncodedCorpus(vocabulary, CacheReader.open(file).ids(), scan.characters(), new CacheUse(file, true, reason));
        } catch (IOException | UncheckedIOException | CacheReader.Damaged e) {
            throw new CorpusException("The corpus cache " + file + " cannot be written (" + e.getMessage()
                    + "); choose another cache folder or read the text into memory.", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Deletes temporary files of {@code file} that a killed run left behind. */
    private void deleteAbandoned(Path file) throws IOException {
        Instant before = Instant.now().minus(ABANDONED);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, file.getFileName() + ".*.tmp")) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).toInstant().isBefore(before)) {
                    deleteQuietly(temp);
                }
            }
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // another run's file, or gone already; the next build retries after an hour
        }
    }

    private static Vocabulary encodingVocabulary(CacheHeader header) throws CacheReader.Damaged {
        try {
            return header.encodingVocabulary();
        } catch (IllegalArgumentException e) {
            throw new CacheReader.Damaged("bad vocabulary: " + e.getMessage());
        }
    }

    private static BitSet codePointSet(int[] codePoints) {
        BitSet set = new BitSet();
        for (int cp : codePoints) {
            set.set(cp);
        }
        return set;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
