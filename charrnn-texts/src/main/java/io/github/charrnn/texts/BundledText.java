package io.github.charrnn.texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Texts shipped inside charrnn-texts, so the CLI and the example programs train with no data of the user's
 * (sources and terms: docs/bundled-texts.md and NOTICE).
 */
public enum BundledText {
    /** ~1.1 MB of English quotations from Debian's fortunes and fortunes-min packages (fortune-mod 1.99.1). */
    FORTUNES_EN("fortunes-en", "fortunes-en.txt", "The "),
    /** The 300 Tang poems (~30,000 characters, 2,579 distinct) from Debian's fortunes-zh package. */
    TANG300_ZH("tang300-zh", "tang300-zh.txt", "春"),
    /** ~240,000 characters of songs and poems: fortune-mod's songs-poems file (Debian's fortunes package). */
    POEMS_EN("poems-en", "poems-en.txt", "christmas"),
    /** Jane Austen's Pride and Prejudice (~685,000 characters), from Debian's r-cran-janeaustenr package. */
    AUSTEN_PRIDE_EN("austen-pride-en", "austen-pride-en.txt", "Elizabeth"),
    /** 480 synthetic dating-app profiles written for charrnn (CC0; no real people), one per paragraph. */
    PROFILES_EN("profiles-en", "profiles-en.txt", "I'm looking for");

    private final String id;
    private final String resource;
    private final String prime;

    BundledText(String id, String resource, String prime) {
        this.id = id;
        this.resource = resource;
        this.prime = prime;
    }

    /** The name used on the command line. */
    public String id() {
        return id;
    }

    /** A prime that suits the text, for the samples printed after training. */
    public String prime() {
        return prime;
    }

    /** Reads the text from the class path. */
    public String text() {
        try (InputStream in = BundledText.class.getResourceAsStream("/io/github/charrnn/texts/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled text " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finds a bundled text by its command-line name. */
    public static BundledText parse(String id) {
        for (BundledText t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown bundled text '" + id + "'; allowed: "
                + Arrays.stream(values()).map(BundledText::id).collect(Collectors.joining(", ")) + ".");
    }
}
