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
    public static TrainingBatches forTraining(TextCorpus corpus, double validationFraction, BatchOptions options) {
        return forTraining(corpus.split(validationFraction), validationFraction > 0, corpus.vocabulary().size(), options);
    }

    /**
     * Cuts the parts of an already split corpus (for example {@link TextCorpus#splitByFile}) into mini-batches. The
     * training part is cut as {@code options} say; validation always reads its part in order, consecutive windows
     * carrying the state, as the articles do.
     *
     * @param validate false to make no validation iterator
     * @throws IllegalArgumentException if a part is too short for one mini-batch
     */
    public static TrainingBatches forTraining(TextCorpus.Split split, boolean validate, int vocabularySize,
                                              BatchOptions options) {
        return forTraining(split, validate, vocabularySize, options, BatchOptions.ALL);
    }

    /**
     * As {@link #forTraining(TextCorpus.Split, boolean, int, BatchOptions)}, validation reading a fixed sample of
     * about {@code validationChars} characters spread over its part ({@link BatchOptions#ALL} for all of it).
     */
    public static TrainingBatches forTraining(TextCorpus.Split split, boolean validate, int vocabularySize,
                                              BatchOptions options, long validationChars) {
        CharBatchIterator train = create(split.train(), vocabularySize, options, "training");
        CharBatchIterator validation = null;
        if (validate) {
            try {
                validation = create(split.validation(), vocabularySize,
                        options.withMode(BatchMode.CONSECUTIVE).withMaxWindows(AUTO_MAX_WINDOWS)
                                .withSampleChars(validationChars), "validation");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replace("; use more text",
                        "; use a larger validation fraction, more text"), e);
            }
        }
        return new TrainingBatches(train, validation);
    }

    /**
     * One iterator over {@code text}: consecutive mini-batches of at most {@link BatchOptions#maxWindows()} windows
     * (and no more than {@link #autoWindowsPerBatch} allows), or random windows.
     *
     * @param part names the text in error messages, for example "training"
     * @throws IllegalArgumentException if the text is too short for one mini-batch
     */
    public static CharBatchIterator create(EncodedText text, int vocabularySize, BatchOptions options, String part) {
        int batchSize = options.batchSize();
        int sequenceLength = options.sequenceLength();
        BatchFormat format = options.format();
        return switch (options.mode()) {
            case CONSECUTIVE -> new ConsecutiveBatchIterator(text, vocabularySize, batchSize, sequenceLength,
                    Math.min(options.maxWindows(), autoWindowsPerBatch(batchSize, sequenceLength, format.width(vocabularySize))),
                    part, format, options.windowsPerRowRead());
            case RANDOM -> new RandomWindowIterator(text, vocabularySize, batchSize, sequenceLength, options.seed(), part,
                    format);
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
     * The window policy of a training run: the most windows one mini-batch may span. At most
     * {@link #AUTO_MAX_WINDOWS}; no more than the checkpoint interval (checkpoints fall between mini-batches, so a
     * mini-batch must not span more steps than lie between two); and few enough that each of {@code workers}
     * data-parallel workers gets a mini-batch of its own in every epoch. At least 1.
     *
     * @param checkpointEvery steps between checkpoints, 0 for none
     * @param windowsPerEpoch the windows in each row of the training text, that is, steps per epoch
     * @param workers         copies of the model trained at once, each on its own mini-batches (1 for one)
     */
    public static int maxWindowsPerBatch(long checkpointEvery, long windowsPerEpoch, int workers) {
        long max = Math.min(AUTO_MAX_WINDOWS, checkpointEvery > 0 ? checkpointEvery : Long.MAX_VALUE);
        return (int) Math.max(1, Math.min(max, windowsPerEpoch / Math.max(1, workers)));
    }
}
