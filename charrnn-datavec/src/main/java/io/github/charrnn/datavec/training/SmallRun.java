package io.github.charrnn.datavec.training;

import io.github.charrnn.model.CharRnnConfig;

/**
 * The settings of a small run: a network and a budget that learn a text of a few hundred thousand characters, such
 * as a bundled one, in about a minute on 2 cores ({@value #HIDDEN_SIZE} units, dropout {@value #DROPOUT}, Adam
 * {@value #LEARNING_RATE}, {@value #BATCH_SIZE} rows of {@value #SEQUENCE_LENGTH} characters, {@value #STEPS}
 * steps; the layers, clipping, seed and cell of {@link CharRnnConfig#DEFAULTS}).
 *
 * <p>The one place these values live: {@code ./charrnn train} uses them when it trains on a bundled text, and the
 * example programs' settings start from them (each example then states its own values). {@link TrainingRun}'s
 * {@code DEFAULT_*} and {@link CharRnnConfig#DEFAULTS} are the articles' full-size values, used otherwise.
 */
public final class SmallRun {

    /** Units per recurrent layer. */
    public static final int HIDDEN_SIZE = 128;
    /** Dropout between the layers and before the output. */
    public static final double DROPOUT = 0.1;
    /** Adam's learning rate. */
    public static final double LEARNING_RATE = 0.004;
    /** Rows per mini-batch. */
    public static final int BATCH_SIZE = 32;
    /** Characters per training step. */
    public static final int SEQUENCE_LENGTH = 50;
    /** Training steps. */
    public static final long STEPS = 600;

    /**
     * The network of a small run: {@link CharRnnConfig#DEFAULTS} (its layers, gradient clipping, seed and cell)
     * with the hidden size, dropout, learning rate and sequence length above.
     */
    public static final CharRnnConfig CONFIG = new CharRnnConfig(HIDDEN_SIZE, CharRnnConfig.DEFAULTS.layers(), DROPOUT,
            LEARNING_RATE, CharRnnConfig.DEFAULTS.gradientClip(), SEQUENCE_LENGTH, CharRnnConfig.DEFAULTS.seed(),
            CharRnnConfig.DEFAULTS.cellType());

    private SmallRun() {
    }
}
