package io.github.charrnn.cli;

import io.github.charrnn.datavec.corpus.CorpusCache;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** Whether and where a text's encoded ids are cached: {@code --cache auto|on|off} and {@code --cache-dir DIR}. */
final class CacheOptions {

    /** With {@code --cache auto}, texts of at least this many bytes are cached. */
    static final long AUTO_BYTES = 32L << 20;

    @Option(names = "--cache", paramLabel = "auto|on|off", description = "Keep the encoded text in a memory-mapped cache file instead of the heap, rebuilt when the text changes;"
            + " auto does so for texts of 32 MB or more (default: ${DEFAULT-VALUE}).")
    String cache = "auto";

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Folder of the cache files (default: $XDG_CACHE_HOME/charrnn/corpora, else ~/.cache/charrnn/corpora).")
    Path cacheDirectory;

    /** The cache folder to use for {@code text}, or null to hold its ids in memory (always for a null, bundled, text). */
    Path directoryFor(Path text) {
        boolean use = switch (cache.trim().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            case "auto" -> text != null && bytes(text) >= AUTO_BYTES;
            default -> throw new IllegalArgumentException("Unknown --cache '" + cache + "'; allowed: auto, on, off.");
        };
        if (!use || text == null) {
            return null;
        }
        return cacheDirectory != null ? cacheDirectory : CorpusCache.defaultDirectory();
    }

    /** The size of a file, or of every file below a folder; 0 if it does not exist (reading it says why). */
    private static long bytes(Path text) {
        if (!Files.exists(text)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(text)) {
            return files.filter(Files::isRegularFile).mapToLong(CacheOptions::size).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
