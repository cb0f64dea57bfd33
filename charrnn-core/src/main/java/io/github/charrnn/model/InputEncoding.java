package io.github.charrnn.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How characters enter the first recurrent layer. */
public enum InputEncoding {
    /** Each character is a one-hot vector as wide as the vocabulary: the articles' model. */
    ONEHOT,
    /**
     * Each character's id selects a learned vector of {@link CharRnnConfig#embeddingSize()} values (an embedding
     * layer in front of the recurrent layers): far fewer input weights and less work on vocabularies of thousands.
     */
    EMBEDDING;

    /**
     * Vocabularies larger than this get {@link #EMBEDDING} input unless one is chosen. In our measurements
     * (docs/performance.md) embedded input trained as fast as one-hot (within noise) up to 250 symbols, 11-17 %
     * faster at 500 and 25-150 % faster from 1,000, and reached as low a validation loss or lower; up to 256
     * symbols (alphabets with punctuation) the default stays the articles' one-hot model.
     */
    public static final int EMBEDDING_ABOVE = 256;

    /** The encoding for a vocabulary of {@code size} symbols when none is chosen. */
    public static InputEncoding defaultFor(int size) {
        return size > EMBEDDING_ABOVE ? EMBEDDING : ONEHOT;
    }

    /** Parses "onehot" or "embedding" (any case); the message of the exception lists the allowed names. */
    public static InputEncoding parse(String name) {
        for (InputEncoding e : values()) {
            if (e.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("Unknown input encoding '" + name + "'; allowed: "
                + Arrays.stream(values()).map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + ".");
    }
}
