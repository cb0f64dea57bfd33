package io.github.charrnn.datavec;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.datavec.batching.BatchMode;
import io.github.charrnn.datavec.batching.BatchOptions;
import io.github.charrnn.datavec.batching.IdBatch;
import io.github.charrnn.datavec.batching.CharBatchIterator;
import io.github.charrnn.datavec.batching.CharBatches;
import io.github.charrnn.datavec.batching.ConsecutiveBatchIterator;
import io.github.charrnn.datavec.batching.RandomWindowIterator;
import io.github.charrnn.datavec.corpus.EncodedText;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchingTest {

    private static final int VOCABULARY = 30;
    private static final EncodedText ZERO_TO_29 = EncodedText.of(IntStream.range(0, 30).toArray(), VOCABULARY);

    /** The articles' get_batches(np.arange(30), 2, 6), printed by the reference code. */
    private static final int[][][] GET_BATCHES_X = {
            {{0, 1, 2, 3, 4, 5}, {12, 13, 14, 15, 16, 17}},
            {{6, 7, 8, 9, 10, 11}, {18, 19, 20, 21, 22, 23}}};
    private static final int[][][] GET_BATCHES_Y = {
            {{1, 2, 3, 4, 5, 6}, {13, 14, 15, 16, 17, 18}},
            {{7, 8, 9, 10, 11, 0}, {19, 20, 21, 22, 23, 12}}};

    @Test
    void oneWindowPerBatchEqualsGetBatchesIncludingTheLastTarget() {
        ConsecutiveBatchIterator batches = new ConsecutiveBatchIterator(ZERO_TO_29, VOCABULARY, 2, 6, 1, "training");
        assertEquals(2, batches.batchesPerEpoch());
        for (int w = 0; w < 2; w++) {
            DataSet batch = batches.next();
            assertArrayEquals(GET_BATCHES_X[w], ids(batch.getFeatures()));
            assertArrayEquals(GET_BATCHES_Y[w], ids(batch.getLabels()));
        }
        assertFalse(batches.hasNext());
        batches.reset();
        assertArrayEquals(GET_BATCHES_X[0], ids(batches.next().getFeatures()));
    }

    @Test
    void severalWindowsPerBatchAreTheSameWindowsSideBySide() {
        ConsecutiveBatchIterator batches = new ConsecutiveBatchIterator(ZERO_TO_29, VOCABULARY, 2, 6, 2, "training");
        assertEquals(1, batches.batchesPerEpoch());
        assertEquals(2, batches.stepsPerEpoch());
        DataSet batch = batches.next();
        int[][] x = ids(batch.getFeatures());
        int[][] y = ids(batch.getLabels());
        for (int row = 0; row < 2; row++) {
            for (int w = 0; w < 2; w++) {
                for (int t = 0; t < 6; t++) {
                    assertEquals(GET_BATCHES_X[w][row][t], x[row][w * 6 + t]);
                    assertEquals(GET_BATCHES_Y[w][row][t], y[row][w * 6 + t]);
                }
            }
        }
        assertTrue(batches.consecutive(), "evaluation carries state across consecutive batches");
        assertTrue(io.github.charrnn.batching.CharBatchSource.consecutive(batches));
    }

    @Test
    void randomWindowsAreDistinctNonOverlappingAndShiftedByOne() {
        RandomWindowIterator batches = new RandomWindowIterator(ZERO_TO_29, VOCABULARY, 2, 6, 7, "training");
        assertEquals(2, batches.batchesPerEpoch());   // (30 - 1) / 6 = 4 windows, 2 per batch
        Set<Integer> starts = new HashSet<>();
        while (batches.hasNext()) {
            DataSet batch = batches.next();
            int[][] x = ids(batch.getFeatures());
            int[][] y = ids(batch.getLabels());
            for (int row = 0; row < 2; row++) {
                assertEquals(0, x[row][0] % 6, "windows start at multiples of the sequence length");
                assertTrue(starts.add(x[row][0]));
                for (int t = 0; t < 6; t++) {
                    assertEquals(x[row][0] + t, x[row][t]);
                    assertEquals(x[row][t] + 1, y[row][t]);
                }
            }
        }
        assertEquals(Set.of(0, 6, 12, 18), starts);
        assertFalse(batches.consecutive());
    }

    @Test
    void sameSeedSameRandomOrder() {
        int[][] a = ids(new RandomWindowIterator(ZERO_TO_29, VOCABULARY, 2, 6, 7, "training").next().getFeatures());
        int[][] b = ids(new RandomWindowIterator(ZERO_TO_29, VOCABULARY, 2, 6, 7, "training").next().getFeatures());
        assertArrayEquals(a, b);
    }

    @Test
    void aTextShorterThanOneBatchSaysWhatIsNeeded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CharBatches.create(ZERO_TO_29, VOCABULARY, BatchOptions.of(4, 10).withSeed(1), "training"));
        assertEquals("The training text has 30 characters, fewer than one mini-batch of batch size 4 and sequence length 10"
                + " needs (40); use more text or a smaller batch size or sequence length.", e.getMessage());
    }

    @Test
    void automaticWindowsKeepABatchSmall() {
        assertEquals(64, CharBatches.autoWindowsPerBatch(2, 6, 30));
        assertEquals(6, CharBatches.autoWindowsPerBatch(128, 100, 96));   // ~4.9 MB per window
        assertEquals(1, CharBatches.autoWindowsPerBatch(128, 100, 6000));
    }

    @Test
    void batchesAreOneHotInDl4jLayout() {
        CharBatchIterator batches = new ConsecutiveBatchIterator(ZERO_TO_29, VOCABULARY, 2, 6, 1, "training");
        INDArray x = batches.next().getFeatures();
        assertArrayEquals(new long[]{2, VOCABULARY, 6}, x.shape());
        assertEquals(12.0, x.sumNumber().doubleValue());
    }

    @Test
    void theIdsFormatHoldsTheSameCharactersOneFloatEach() {
        for (BatchMode mode : BatchMode.values()) {
            BatchOptions options = BatchOptions.of(2, 6).withMode(mode).withSeed(3);
            CharBatchIterator oneHot = CharBatches.create(ZERO_TO_29, VOCABULARY, options, "training");
            CharBatchIterator ids = CharBatches.create(ZERO_TO_29, VOCABULARY, options.withFormat(BatchFormat.IDS), "training");
            assertEquals(BatchFormat.IDS, ids.format());
            assertEquals(1, ids.inputColumns());
            assertEquals(VOCABULARY, ids.totalOutcomes());
            while (oneHot.hasNext()) {
                DataSet expected = oneHot.next();
                DataSet actual = ids.next();
                assertArrayEquals(new long[]{2, 1, expected.getFeatures().size(2)}, actual.getFeatures().shape());
                assertArrayEquals(actual.getFeatures().shape(), actual.getLabels().shape());
                assertArrayEquals(ids(expected.getFeatures()), idsOf(actual.getFeatures()));
                assertArrayEquals(ids(expected.getLabels()), idsOf(actual.getLabels()));
            }
            assertFalse(ids.hasNext());
        }
    }

    @Test
    void idsBatchesSpanMoreWindowsForBigVocabularies() {
        EncodedText text = EncodedText.of(IntStream.range(0, 200_000).map(i -> i % 6000).toArray(), 6000);
        CharBatches.TrainingBatches oneHot = CharBatches.forTraining(new io.github.charrnn.datavec.corpus.TextCorpus.Split(text, text),
                false, 6000, BatchOptions.of(16, 100).withSeed(1));
        CharBatches.TrainingBatches ids = CharBatches.forTraining(new io.github.charrnn.datavec.corpus.TextCorpus.Split(text, text),
                false, 6000, BatchOptions.of(16, 100).withSeed(1).withFormat(BatchFormat.IDS));
        assertEquals(1, oneHot.train().windowsPerBatch());   // 38 MB of one-hot per window
        assertEquals(64, ids.train().windowsPerBatch());
    }

    /** nextIds hands out the next mini-batch as an IdBatch record: the same characters next() writes into arrays. */
    @Test
    void nextIdsNamesFeaturesAndLabels() {
        ConsecutiveBatchIterator arrays = new ConsecutiveBatchIterator(ZERO_TO_29, VOCABULARY, 2, 6, 2, "training");
        ConsecutiveBatchIterator ids = new ConsecutiveBatchIterator(ZERO_TO_29, VOCABULARY, 2, 6, 2, "training");
        IdBatch batch = ids.nextIds();
        DataSet expected = arrays.next();
        assertEquals(2, batch.rows());
        assertEquals(12, batch.length());
        assertArrayEquals(ids(expected.getFeatures()), batch.features());
        assertArrayEquals(ids(expected.getLabels()), batch.labels());
        assertEquals(1, new RandomWindowIterator(ZERO_TO_29, VOCABULARY, 2, 6, 7, "training").windowsPerBatch());
    }

    /** BatchOptions: defaults, one setting changed at a time, sizes checked. */
    @Test
    void batchOptionsStartFromDefaultsAndRefuseSizesBelowOne() {
        BatchOptions options = BatchOptions.of(4, 10);
        assertEquals(new BatchOptions(4, 10, BatchMode.CONSECUTIVE, 0, CharBatches.AUTO_MAX_WINDOWS, BatchFormat.ONE_HOT), options);
        assertEquals(new BatchOptions(4, 10, BatchMode.RANDOM, 5, 3, BatchFormat.IDS),
                options.withMode(BatchMode.RANDOM).withSeed(5).withMaxWindows(3).withFormat(BatchFormat.IDS));
        assertThrows(IllegalArgumentException.class, () -> BatchOptions.of(0, 10));
        assertThrows(IllegalArgumentException.class, () -> BatchOptions.of(4, 0));
        assertThrows(IllegalArgumentException.class, () -> options.withMaxWindows(0));
    }

    /** The window policy: the checkpoint interval, 64 at most, and a mini-batch per worker per epoch. */
    @Test
    void maxWindowsPerBatchHoldsEveryLimitOfARun() {
        assertEquals(CharBatches.AUTO_MAX_WINDOWS, CharBatches.maxWindowsPerBatch(0, 1000, 1));
        assertEquals(10, CharBatches.maxWindowsPerBatch(10, 1000, 1));
        assertEquals(7, CharBatches.maxWindowsPerBatch(10, 7, 1));
        assertEquals(5, CharBatches.maxWindowsPerBatch(10, 20, 4));
        assertEquals(1, CharBatches.maxWindowsPerBatch(10, 3, 4));
        assertEquals(7, CharBatches.maxWindowsPerBatch(10, 7, 0));
    }

    /** Reads ids [batch, 1, time] to [batch][time]. */
    static int[][] idsOf(INDArray ids) {
        int rows = (int) ids.size(0);
        int time = (int) ids.size(2);
        int[][] out = new int[rows][time];
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < time; t++) {
                out[r][t] = (int) ids.getFloat(r, 0, t);
            }
        }
        return out;
    }

    /** Reads one-hot [batch, vocabulary, time] back to ids [batch][time]. */
    static int[][] ids(INDArray oneHot) {
        int rows = (int) oneHot.size(0);
        int time = (int) oneHot.size(2);
        int[][] out = new int[rows][time];
        INDArray argmax = oneHot.argMax(1);
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < time; t++) {
                out[r][t] = argmax.getInt(r, t);
            }
        }
        return out;
    }
}
