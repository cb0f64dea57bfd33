package io.github.charrnn.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stop-word lists: the built-in English one ({@code --stop-words}) and the user's own files
 * ({@code --stop-words-file}). A list is words separated by white space; a {@code #} starts a comment that runs to
 * the end of its line. Words are kept in lower case.
 */
public final class StopWords {

    private static final String ENGLISH = "english-stop-words.txt";

    private StopWords() {
    }

    /** The built-in list of common English function words (articles, pronouns, auxiliaries, prepositions...). */
    public static Set<String> english() {
        try (InputStream in = StopWords.class.getResourceAsStream(ENGLISH)) {
            if (in == null) {
                throw new IllegalStateException("the stop-word list " + ENGLISH + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a stop-word file (UTF-8).
     *
     * @throws IllegalArgumentException if the file is missing, unreadable or not UTF-8
     */
    public static Set<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The stop-word file " + file + " does not exist; give a UTF-8 file of words.");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The stop-word file " + file + " is not valid UTF-8.", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("The stop-word file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The words of a list. */
    static Set<String> parse(String list) {
        return list.lines()
                .map(line -> line.replaceFirst("#.*", ""))
                .flatMap(line -> Arrays.stream(line.trim().split("\\s+")))
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
