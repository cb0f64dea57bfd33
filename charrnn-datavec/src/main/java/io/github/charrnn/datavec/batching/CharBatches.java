package io.github.charrnn.datavec.batching;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.datavec.corpus.EncodedText;
import io.github.charrnn.datavec.corpus.TextCorpus;

/** Makes the training and validation mini-batch iterators of a corpus. */
public final class CharBatches {

    /**
     * One mini-batch's features are kept under about this many bytes when the number of windows per
     * mini-batch is chosen automatically (the labels take as much again).
     */
    public static final long AUTO_FEATURE_BYTES = 32L << 20;
    /** At most this many windows per mini-batch when chosen automatically. */
    public static final int AUTO_MAX_WINDOWS = 64;

    private CharBatches() {
    }

    /** Training and validation iterators; {@code validation} is null when the validation fraction is 0. */
    public record TrainingBatches(CharBatchIterator train, CharBatchIterator validation) {
    }

    /**
     * Splits the corpus (validation = the last {@code validationFraction} of the text) and cuts both parts into
     * mini-batches.
     *
     * @throws IllegalArgumentException if a part is too short for one mini-batch, or a value is out of range
     */
    public static TrainingBatches forTraining(TextCorpus corpus, double validationFraction, int batchSize,
                                              int sequenceLength, BatchMode mode, long seed) {
        return forTraining(corpus, validationFraction, batchSize, sequenceLength, mode, seed, AUTO_MAX_WINDOWS);
    }

    /**
     * As {@link #forTraining(TextCorpus, double, int, int, BatchMode, long)}, with at most {@code maxWindows}
     * windows in one training mini-batch. Training state can be saved exactly only between mini-batches, so a
     * run that checkpoints every N steps uses at most N windows per mini-batch.
     */
    public static TrainingBatches forTraining(TextCorpus corpus, double validationFraction, int batchSize,
                                              int sequenceLength, BatchMode mode, long seed, int maxWindows) {
        return forTraining(corpus.split(validationFraction), validationFraction > 0, corpus.vocabulary().size(), batchSize,
                sequenceLength, mode, seed, maxWindows);
    }

    /**
     * Cuts the parts of an already split corpus (for example {@link TextCorpus#splitByFile}) into mini-batches,
     * as {@link #forTraining(TextCorpus, double, int, int, BatchMode, long, int)} does.
     *
     * @param validate false to make no validation iterator
     */
    public static TrainingBatches forTraining(TextCorpus.Split split, boolean validate, int vocabularySize, int batchSize,
                                              int sequenceLength, BatchMode mode, long seed, int maxWindows) {
        return forTraining(split, validate, vocabularySize, batchSize, sequenceLength, mode, seed, maxWindows,
                BatchFormat.ONE_HOT);
    }

    /**
     * As {@link #forTraining(TextCorpus.Split, boolean, int, int, int, BatchMode, long, int)}, with mini-batches in
     * the given format: {@link BatchFormat#forInput} of the model's input encoding trains fastest.
     */
    public static TrainingBatches forTraining(TextCorpus.Split split, boolean validate, int vocabularySize, int batchSize,
                                              int sequenceLength, BatchMode mode, long seed, int maxWindows,
                                              BatchFormat format) {
        if (maxWindows < 1) {
            throw new IllegalArgumentException("at least 1 window per mini-batch is needed, got " + maxWindows + ".");
        }
        CharBatchIterator train = switch (mode) {
            case CONSECUTIVE -> new ConsecutiveBatchIterator(split.train(), vocabularySize, batchSize, sequenceLength,
                    Math.min(maxWindows, autoWindowsPerBatch(batchSize, sequenceLength, format.width(vocabularySize))),
                    "training", format);
            case RANDOM -> create(split.train(), vocabularySize, batchSize, sequenceLength, mode, seed, "training", format);
        };
        CharBatchIterator validation = null;
        if (validate) {
            try {
                // validation always reads the text in order, carrying the state, as the articles do
                validation = create(split.validation(), vocabularySize, batchSize, sequenceLength, BatchMode.CONSECUTIVE,
                        seed, "validation", format);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replace("; use more text",
                        "; use a larger validation fraction, more text"), e);
            }
        }
        return new TrainingBatches(train, validation);
    }

    /** One iterator of one-hot mini-batches over {@code text}; {@code part} names the text in error messages. */
    public static CharBatchIterator create(EncodedText text, int vocabularySize, int batchSize, int sequenceLength,
                                           BatchMode mode, long seed, String part) {
        return create(text, vocabularySize, batchSize, sequenceLength, mode, seed, part, BatchFormat.ONE_HOT);
    }

    /** One iterator over {@code text} in the given format; {@code part} names the text in error messages. */
    public static CharBatchIterator create(EncodedText text, int vocabularySize, int batchSize, int sequenceLength,
                                           BatchMode mode, long seed, String part, BatchFormat format) {
        return switch (mode) {
            case CONSECUTIVE -> new ConsecutiveBatchIterator(text, vocabularySize, batchSize, sequenceLength,
                    autoWindowsPerBatch(batchSize, sequenceLength, format.width(vocabularySize)), part, format);
            case RANDOM -> new RandomWindowIterator(text, vocabularySize, batchSize, sequenceLength, seed, part, format);
        };
    }

    /**
     * How many sequence-length windows one consecutive mini-batch spans: as many as keep its features under
     * {@link #AUTO_FEATURE_BYTES}, at least 1 and at most {@link #AUTO_MAX_WINDOWS}. More windows carry
     * the hidden state further (DL4J resets it between mini-batches).
     *
     * @param width floats per character in the features: the vocabulary size for one-hot, 1 for ids
     */
    public static int autoWindowsPerBatch(int batchSize, int sequenceLength, int width) {
        long bytesPerWindow = 4L * batchSize * sequenceLength * width;
        return (int) Math.max(1, Math.min(AUTO_MAX_WINDOWS, AUTO_FEATURE_BYTES / bytesPerWindow));
    }

    /**
     * The most windows one mini-batch of a run may span: {@link #AUTO_MAX_WINDOWS}, and no more than the checkpoint
     * interval (checkpoints fall between mini-batches, so a mini-batch must not span more steps than lie between two).
     *
     * @param checkpointEvery steps between checkpoints, 0 for none
     */
    public static int maxWindowsPerBatch(long checkpointEvery) {
        return (int) Math.min(AUTO_MAX_WINDOWS, checkpointEvery > 0 ? checkpointEvery : Long.MAX_VALUE);
    }
}
