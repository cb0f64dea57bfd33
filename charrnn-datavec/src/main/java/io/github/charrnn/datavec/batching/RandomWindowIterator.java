package io.github.charrnn.datavec.batching;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.datavec.corpus.EncodedText;

import java.util.Random;

/**
 * Random sampling (the Chinese article's data_iter_random): the text is cut into {@code (length - 1) / seq}
 * non-overlapping windows, shuffled each epoch; each mini-batch takes {@code batch} of them. The recurrent
 * state starts from zero every mini-batch.
 */
public final class RandomWindowIterator extends CharBatchIterator {

    /** Windows in the text. */
    private final int windows;
    /** Seed of the window order: epoch e shuffles with seed + e. */
    private final long seed;
    /** This epoch's window order. */
    private int[] order;
    /** Epochs begun: the number of resets. */
    private int epoch;
    /** Position in {@code order} of the next window. */
    private int nextIndex;

    /**
     * One-hot mini-batches.
     *
     * @param seed seed of the shuffle; epoch e uses seed + e, so runs are reproducible
     * @throws IllegalArgumentException if the text is shorter than one mini-batch
     */
    public RandomWindowIterator(EncodedText text, int vocabularySize, int batchSize, int sequenceLength, long seed, String part) {
        this(text, vocabularySize, batchSize, sequenceLength, seed, part, BatchFormat.ONE_HOT);
    }

    /**
     * Mini-batches in the given format.
     *
     * @param seed seed of the shuffle; epoch e uses seed + e, so runs are reproducible
     * @throws IllegalArgumentException if the text is shorter than one mini-batch
     */
    public RandomWindowIterator(EncodedText text, int vocabularySize, int batchSize, int sequenceLength, long seed,
                                String part, BatchFormat format) {
        super(text, vocabularySize, batchSize, sequenceLength, format);
        this.windows = (text.length() - 1) / sequenceLength;
        if (windows < batchSize) {
            throw tooShort(part, text.length(), batchSize, sequenceLength, batchSize * sequenceLength + 1);
        }
        this.seed = seed;
        shuffle();
    }

    private void shuffle() {
        order = new int[windows];
        for (int i = 0; i < windows; i++) {
            order[i] = i;
        }
        Random random = new Random(seed + epoch);
        for (int i = windows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        nextIndex = 0;
    }

    @Override
    public int batchesPerEpoch() {
        return windows / batchSize;
    }

    @Override
    public long stepsPerEpoch() {
        return batchesPerEpoch();
    }

    /** False: each mini-batch's windows lie at random places, so every batch starts from a zero state. */
    @Override
    public boolean consecutive() {
        return false;
    }

    /** 1: every mini-batch is one window of random places. */
    @Override
    public int windowsPerBatch() {
        return 1;
    }

    @Override
    public boolean hasNext() {
        return nextIndex + batchSize <= windows;
    }

    @Override
    public void reset() {
        epoch++;
        shuffle();
    }

    @Override
    protected IdBatch nextRows() {
        int[][] features = new int[batchSize][sequenceLength];
        int[][] labels = new int[batchSize][sequenceLength];
        for (int row = 0; row < batchSize; row++) {
            int start = order[nextIndex++] * sequenceLength;
            for (int t = 0; t < sequenceLength; t++) {
                features[row][t] = text.id(start + t);
                labels[row][t] = text.id(start + t + 1);
            }
        }
        return new IdBatch(features, labels);
    }
}
