package io.github.charrnn.cli;

import io.github.charrnn.novelty.CopyIndex;
import io.github.charrnn.texts.BundledText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The corpus a copy check compares against, named by {@code --corpus}: a UTF-8 file, a folder of them (read in
 * name order, a newline between files), or the name of a bundled text such as {@code profiles-en}.
 */
final class CopyCorpus {

    private CopyCorpus() {
    }

    /** The copy index of the corpus {@code spec} names. */
    static CopyIndex index(String spec) {
        return CopyIndex.of(text(spec));
    }

    /** The text of the corpus {@code spec} names. */
    static String text(String spec) {
        Path path = Path.of(spec);
        if (!Files.exists(path)) {
            try {
                return BundledText.parse(spec).text();
            } catch (IllegalArgumentException notBundled) {
                throw new IllegalArgumentException("--corpus " + spec + " is neither a file, a folder nor a bundled text"
                        + " (fortunes-en, tang300-zh, poems-en, austen-pride-en, profiles-en).");
            }
        }
        try {
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                if (files.isEmpty()) {
                    throw new IllegalArgumentException("--corpus " + spec + " is a folder without files.");
                }
                return files.stream().map(CopyCorpus::read).collect(Collectors.joining("\n"));
            }
            return read(path);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("--corpus " + spec + " cannot be read: " + e.getCause().getMessage() + ".");
        } catch (IOException e) {
            throw new IllegalArgumentException("--corpus " + spec + " cannot be read: " + e.getMessage() + ".");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("--corpus file " + file + " is not UTF-8 text.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
