package io.github.charrnn.datavec.batching;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.datavec.corpus.EncodedText;
import io.github.charrnn.datavec.corpus.TextCorpus;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CharBatches}: the training and validation iterators of a corpus as {@link BatchOptions} say, and the window
 * policy of a run.
 */
class CharBatchesTest {

    /** 100 characters of 10 symbols: a 0.2 validation fraction leaves 80 for training, 20 for validation. */
    private static final TextCorpus CORPUS = TextCorpus.of("letters", "abcdefghij".repeat(10));

    @Test
    void forTrainingCutsTheLastFractionOffForValidation() {
        CharBatches.TrainingBatches batches = CharBatches.forTraining(CORPUS, 0.2, BatchOptions.of(2, 5));
        assertEquals(8, batches.train().stepsPerEpoch(), "80 characters: rows of 40, 8 windows of 5");
        assertEquals(2, batches.validation().stepsPerEpoch(), "20 characters: rows of 10, 2 windows of 5");
        IdBatch validation = batches.validation().nextIds();
        EncodedText ids = CORPUS.ids();
        for (int row = 0; row < 2; row++) {
            for (int t = 0; t < 10; t++) {
                assertEquals(ids.id(80 + row * 10 + t), validation.features()[row][t], "row " + row + ", column " + t);
            }
        }
        assertEquals(10, batches.train().totalOutcomes());
    }

    @Test
    void noValidationFractionNoValidationIterator() {
        CharBatches.TrainingBatches batches = CharBatches.forTraining(CORPUS, 0, BatchOptions.of(2, 5));
        assertNull(batches.validation());
        assertEquals(10, batches.train().stepsPerEpoch());
    }

    @Test
    void validationReadsInOrderWhateverTheTrainingOptionsSay() {
        BatchOptions random = BatchOptions.of(2, 5).withMode(BatchMode.RANDOM).withSeed(4).withMaxWindows(1)
                .withFormat(BatchFormat.IDS);
        CharBatches.TrainingBatches batches = CharBatches.forTraining(CORPUS, 0.2, random);
        assertInstanceOf(RandomWindowIterator.class, batches.train());
        assertInstanceOf(ConsecutiveBatchIterator.class, batches.validation());
        assertTrue(batches.validation().consecutive());
        assertEquals(2, batches.validation().windowsPerBatch(), "the automatic limit, not the training's 1");
        assertEquals(BatchFormat.IDS, batches.validation().format(), "the format is kept");
    }

    @Test
    void aValidationPartTooShortSaysTheFractionMayGrow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CharBatches.forTraining(CORPUS, 0.05, BatchOptions.of(2, 5)));
        assertTrue(e.getMessage().startsWith("The validation text has "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; use a larger validation fraction, more text or a smaller batch size or"
                + " sequence length."), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CharBatches.forTraining(CORPUS, 1, BatchOptions.of(2, 5)));
    }

    @Test
    void createHoldsTheWindowLimitOfTheOptionsAndOfTheFeatureBytes() {
        EncodedText text = EncodedText.of(IntStream.range(0, 400).map(i -> i % 10).toArray(), 10);
        assertEquals(40, CharBatches.create(text, 10, BatchOptions.of(2, 5), "training").windowsPerBatch(),
                "all 40 windows of a row: under both limits");
        assertEquals(3, CharBatches.create(text, 10, BatchOptions.of(2, 5).withMaxWindows(3), "training").windowsPerBatch());
        CharBatchIterator random = CharBatches.create(text, 10, BatchOptions.of(2, 5).withMode(BatchMode.RANDOM), "training");
        assertInstanceOf(RandomWindowIterator.class, random);
        assertEquals(1, random.windowsPerBatch());
        // a batch of 1024 rows of 1000 one-hot characters of 10 symbols is 40 MB a window: over the 32 MB, so 1
        EncodedText long_ = EncodedText.of(new int[1024 * 1000 * 2], 10);
        assertEquals(1, CharBatches.create(long_, 10, BatchOptions.of(1024, 1000), "training").windowsPerBatch());
        assertEquals(2, CharBatches.create(long_, 10, BatchOptions.of(1024, 1000).withFormat(BatchFormat.IDS), "training")
                .windowsPerBatch());
    }

    @Test
    void theWindowPolicyTakesTheSmallestOfItsLimitsAndAtLeastOne() {
        assertEquals(CharBatches.AUTO_MAX_WINDOWS, CharBatches.maxWindowsPerBatch(1000, 1000, 1), "64 at most");
        assertEquals(1, CharBatches.maxWindowsPerBatch(1, 1000, 1), "a checkpoint every step: one window per batch");
        assertEquals(25, CharBatches.maxWindowsPerBatch(0, 100, 4), "a mini-batch for each of 4 workers");
        assertEquals(33, CharBatches.maxWindowsPerBatch(0, 100, 3), "rounded down");
        assertEquals(1, CharBatches.maxWindowsPerBatch(0, 0, 1), "never 0");
        assertEquals(1, CharBatches.maxWindowsPerBatch(0, 100, 1000), "never 0");
    }

    @Test
    void autoWindowsKeepTheFeaturesUnderTheirBytes() {
        int windows = CharBatches.autoWindowsPerBatch(64, 100, 200);   // 5,120,000 bytes a window
        assertEquals(6, windows);
        assertTrue(4L * 64 * 100 * 200 * windows <= CharBatches.AUTO_FEATURE_BYTES);
        assertFalse(4L * 64 * 100 * 200 * (windows + 1) <= CharBatches.AUTO_FEATURE_BYTES);
        assertArrayEquals(new int[]{64, 64}, new int[]{CharBatches.autoWindowsPerBatch(1, 1, 1),
                CharBatches.autoWindowsPerBatch(2, 6, 30)});
    }
}
