package io.github.charrnn.model;

/**
 * The hyperparameters of a model: everything {@link io.github.charrnn.CharRnn.Builder} turns into a network
 * besides the vocabulary. Immutable; every value is checked when the record is made.
 *
 * @param hiddenSize      units per recurrent layer (n_hidden), at least 1
 * @param layers          stacked recurrent layers (n_layers), at least 1
 * @param dropout         probability of dropping an activation between recurrent layers and before the output
 *                        layer, in [0, 1)
 * @param learningRate    Adam's learning rate, greater than 0
 * @param gradientClip    the global L2 norm of all gradients is clipped to this value (as PyTorch's
 *                        clip_grad_norm_); 0 turns clipping off
 * @param sequenceLength  truncated-BPTT length: the hidden state is detached every this many characters
 * @param seed            seed of weight initialisation and dropout
 * @param cellType        LSTM or plain tanh RNN cells
 * @param input           one-hot or embedded characters into the first recurrent layer; null (as in model files
 *                        written before embeddings existed) means one-hot
 * @param embeddingSize   values per embedded character, at least 1 with {@link InputEncoding#EMBEDDING}; with
 *                        one-hot input it has no meaning and is stored as 0
 */
public record CharRnnConfig(int hiddenSize, int layers, double dropout, double learningRate, double gradientClip,
                            int sequenceLength, long seed, CellType cellType, InputEncoding input, int embeddingSize) {

    /** Defaults of the articles: 2 layers of 512, dropout 0.5, Adam 0.001, clip 5, sequence 100, one-hot input. */
    public static final CharRnnConfig DEFAULTS = new CharRnnConfig(512, 2, 0.5, 0.001, 5.0, 100, 12345L, CellType.LSTM);

    /** Embedding size the builder uses when none is given. */
    public static final int DEFAULT_EMBEDDING_SIZE = 128;

    /** A configuration with one-hot input. */
    public CharRnnConfig(int hiddenSize, int layers, double dropout, double learningRate, double gradientClip,
                         int sequenceLength, long seed, CellType cellType) {
        this(hiddenSize, layers, dropout, learningRate, gradientClip, sequenceLength, seed, cellType,
                InputEncoding.ONEHOT, 0);
    }

    /** Checks every value; the exception names the value and what is allowed. */
    public CharRnnConfig {
        if (input == null) {
            input = InputEncoding.ONEHOT;
        }
        if (input == InputEncoding.ONEHOT) {
            embeddingSize = 0;
        } else if (embeddingSize < 1) {
            throw new IllegalArgumentException("embedding size must be at least 1, got " + embeddingSize + ".");
        }
        if (hiddenSize < 1) {
            throw new IllegalArgumentException("hidden size must be at least 1, got " + hiddenSize + ".");
        }
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be at least 1, got " + layers + ".");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout + ".");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number greater than 0, got " + learningRate + ".");
        }
        if (!(gradientClip >= 0) || Double.isInfinite(gradientClip)) {
            throw new IllegalArgumentException("gradient clip must be a finite number >= 0 (0 turns clipping off), got "
                    + gradientClip + ".");
        }
        if (sequenceLength < 1) {
            throw new IllegalArgumentException("sequence length must be at least 1, got " + sequenceLength + ".");
        }
        if (cellType == null) {
            throw new IllegalArgumentException("cell type must be given; allowed: LSTM, RNN.");
        }
    }

    /** Whether an embedding layer comes before the recurrent layers. */
    public boolean embedded() {
        return input == InputEncoding.EMBEDDING;
    }
}
