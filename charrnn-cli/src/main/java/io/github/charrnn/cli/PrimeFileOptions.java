package io.github.charrnn.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code --prime-file F}: a prime read from a file, for primes of several lines. */
final class PrimeFileOptions {

    /** The largest prime file read. */
    static final long MAX_BYTES = 1 << 20;

    @Option(names = "--prime-file", paramLabel = "FILE", description = {"Start from the text of FILE instead of --prime:",
            "UTF-8, as it is, line breaks and a final newline",
            "included."})
    Path primeFile;

    /**
     * The prime: the file's text if --prime-file was given, else {@code start} (the --prime text or the default).
     *
     * @param prime the --prime text, null if none was given
     */
    String prime(String prime, String start) {
        if (primeFile == null) {
            return start;
        }
        if (prime != null) {
            throw new IllegalArgumentException("Give --prime or --prime-file, not both.");
        }
        try {
            if (Files.isDirectory(primeFile)) {
                throw new IllegalArgumentException("--prime-file " + primeFile + " is a folder; give a UTF-8 text file.");
            }
            if (Files.size(primeFile) > MAX_BYTES) {
                throw new IllegalArgumentException("--prime-file " + primeFile + " is larger than 1 MB; a prime that long"
                        + " only takes time to read in, give its last part.");
            }
            String text = Files.readString(primeFile);
            if (text.isEmpty()) {
                throw new IllegalArgumentException("--prime-file " + primeFile + " is empty; a prime needs at least one character.");
            }
            return text;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("There is no prime file " + primeFile + " (--prime-file).");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("--prime-file " + primeFile + " is not UTF-8 text.");
        } catch (IOException e) {
            throw new IllegalArgumentException("--prime-file " + primeFile + " cannot be read: " + e.getMessage() + ".");
        }
    }
}
