package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.InputEncoding;
import picocli.CommandLine.Option;

/** How characters enter a new model: {@code --input onehot|embedding} and {@code --embedding-size N}. */
final class InputOptions {

    @Option(names = "--input", paramLabel = "onehot|embedding", description = "Characters as one-hot vectors or as learned"
            + " embeddings (default: embedding for vocabularies of more than " + InputEncoding.EMBEDDING_ABOVE
            + " symbols, else onehot).")
    String input;

    @Option(names = "--embedding-size", paramLabel = "N", description = "Values per embedded character (default "
            + CharRnnConfig.DEFAULT_EMBEDDING_SIZE + ").")
    Integer embeddingSize;

    /** The chosen encoding, or null to let the vocabulary's size choose; checks both flags. */
    InputEncoding encoding() {
        if (embeddingSize != null && embeddingSize < 1) {
            throw new IllegalArgumentException("--embedding-size must be at least 1, got " + embeddingSize + ".");
        }
        InputEncoding chosen = input == null ? null : InputEncoding.parse(input);
        if (chosen == InputEncoding.ONEHOT && embeddingSize != null) {
            throw new IllegalArgumentException("--embedding-size goes with --input embedding, not onehot.");
        }
        return chosen;
    }

    /** {@code builder} with the encoding and embedding size the flags ask for. */
    CharRnn.Builder applyTo(CharRnn.Builder builder) {
        builder.input(encoding());
        return embeddingSize == null ? builder : builder.embeddingSize(embeddingSize);
    }
}
