package io.github.charrnn.datavec.batching;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.datavec.corpus.EncodedText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ConsecutiveBatchIterator}: each row of a mini-batch continues the same row of the one before, a pass ends
 * with a shorter mini-batch when the windows do not divide evenly, and reset starts over.
 */
class ConsecutiveBatchIteratorTest {

    /** 0..41: batch 2, sequence 4 gives 5 windows per row of 20 characters; the last 2 characters are dropped. */
    private static final EncodedText TEXT = EncodedText.of(IntStream.range(0, 42).toArray(), 42);

    private static ConsecutiveBatchIterator batches(int windowsPerBatch) {
        return new ConsecutiveBatchIterator(TEXT, 42, 2, 4, windowsPerBatch, "training", BatchFormat.IDS);
    }

    @Test
    void rowsContinueWhereTheLastMiniBatchStoppedAndTheLastTargetWrapsToTheRowStart() {
        ConsecutiveBatchIterator batches = batches(2);
        assertEquals(5, batches.stepsPerEpoch());
        assertEquals(3, batches.batchesPerEpoch());
        assertEquals(2, batches.windowsPerBatch());
        List<Integer> lengths = new ArrayList<>();
        int[][] features = new int[2][0];
        int[][] labels = new int[2][0];
        while (batches.hasNext()) {
            IdBatch batch = batches.nextIds();
            lengths.add(batch.length());
            for (int row = 0; row < 2; row++) {
                features[row] = concat(features[row], batch.features()[row]);
                labels[row] = concat(labels[row], batch.labels()[row]);
            }
        }
        assertEquals(List.of(8, 8, 4), lengths, "two windows, two windows, the one left");
        for (int row = 0; row < 2; row++) {
            int start = row * 20;
            assertArrayEquals(IntStream.range(start, start + 20).toArray(), features[row], "row " + row);
            int[] expected = IntStream.range(start + 1, start + 21).toArray();
            expected[19] = start;
            assertArrayEquals(expected, labels[row], "row " + row);
        }
    }

    /** A sample reads the first windows of every row: pieces spread over the whole text, the same in every pass. */
    @Test
    void aSampleReadsTheFirstWindowsOfEachRow() {
        ConsecutiveBatchIterator sample = new ConsecutiveBatchIterator(TEXT, 42, 2, 4, 64, "validation", BatchFormat.IDS, 2);
        assertEquals(2, sample.stepsPerEpoch());
        for (int pass = 0; pass < 2; pass++) {
            sample.reset();
            IdBatch batch = sample.nextIds();
            assertTrue(!sample.hasNext());
            assertArrayEquals(IntStream.range(0, 8).toArray(), batch.features()[0]);
            assertArrayEquals(IntStream.range(20, 28).toArray(), batch.features()[1], "the second row: half-way through");
            assertArrayEquals(IntStream.range(21, 29).toArray(), batch.labels()[1], "the real next characters");
        }
        assertEquals(2, BatchOptions.of(2, 4).withSampleChars(16).windowsPerRowRead());
        assertEquals(1, BatchOptions.of(2, 4).withSampleChars(3).windowsPerRowRead(), "at least one window");
    }

    @Test
    void windowsPerBatchIsCappedAtTheWindowsOfARowAndMustBePositive() {
        ConsecutiveBatchIterator all = batches(99);
        assertEquals(5, all.windowsPerBatch());
        assertEquals(1, all.batchesPerEpoch());
        assertEquals(20, all.nextIds().length());
        assertFalse(all.hasNext());
        assertEquals(5, batches(1).batchesPerEpoch());
        assertEquals("windows per mini-batch must be at least 1, got 0.",
                assertThrows(IllegalArgumentException.class, () -> batches(0)).getMessage());
    }

    @Test
    void resetStartsThePassOverEvenMidway() {
        ConsecutiveBatchIterator batches = batches(2);
        IdBatch first = batches.nextIds();
        batches.nextIds();
        batches.reset();
        assertTrue(batches.hasNext());
        IdBatch again = batches.nextIds();
        assertArrayEquals(first.features(), again.features());
        assertArrayEquals(first.labels(), again.labels());
        assertTrue(batches.consecutive());
    }

    @Test
    void aTextShorterThanOneWindowPerRowIsRefused() {
        EncodedText seven = EncodedText.of(IntStream.range(0, 7).toArray(), 42);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConsecutiveBatchIterator(seven, 42, 2, 4, 1, "validation"));
        assertTrue(e.getMessage().startsWith("The validation text has 7 characters"), e.getMessage());
        assertTrue(e.getMessage().contains("needs (8)"), e.getMessage());
    }

    private static int[] concat(int[] a, int[] b) {
        return IntStream.concat(IntStream.of(a), IntStream.of(b)).toArray();
    }
}
