package io.github.charrnn.datavec.batching;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.datavec.corpus.EncodedText;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;

import java.util.NoSuchElementException;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link CharBatchIterator} gives both batch modes as a DL4J {@code DataSetIterator}: its sizes, a fixed batch
 * size, the end of a pass, and DL4J's pre-processor.
 */
class CharBatchIteratorTest {

    private static final EncodedText TEXT = EncodedText.of(IntStream.range(0, 30).map(i -> i % 5).toArray(), 5);

    @Test
    void theIteratorSaysItsSizesInEitherFormat() {
        CharBatchIterator oneHot = new ConsecutiveBatchIterator(TEXT, 5, 3, 4, 1, "training");
        assertEquals(BatchFormat.ONE_HOT, oneHot.format());
        assertEquals(5, oneHot.inputColumns());
        assertEquals(5, oneHot.totalOutcomes());
        assertEquals(3, oneHot.batch());
        assertTrue(oneHot.resetSupported());
        assertFalse(oneHot.asyncSupported(), "not thread-safe: DL4J must not prefetch it");
        assertNull(oneHot.getLabels());
        CharBatchIterator ids = new RandomWindowIterator(TEXT, 5, 3, 4, 1, "training", BatchFormat.IDS);
        assertEquals(1, ids.inputColumns());
        assertEquals(5, ids.totalOutcomes());
        assertArrayEquals(new long[]{3, 1, 4}, ids.next().getFeatures().shape());
    }

    @Test
    void nextWithAnotherBatchSizeIsRefusedAndTheSameSizeIsANormalNext() {
        CharBatchIterator batches = new ConsecutiveBatchIterator(TEXT, 5, 3, 4, 1, "training");
        assertEquals("This iterator's batch size is fixed at 3; asked for 2.",
                assertThrows(IllegalArgumentException.class, () -> batches.next(2)).getMessage());
        assertArrayEquals(new long[]{3, 5, 4}, batches.next(3).getFeatures().shape());
    }

    @Test
    void pastTheEndOfAPassNextSaysToReset() {
        CharBatchIterator batches = new ConsecutiveBatchIterator(TEXT, 5, 3, 4, 5, "training");
        batches.next();
        assertFalse(batches.hasNext());
        assertEquals("no more mini-batches in this epoch; call reset()",
                assertThrows(NoSuchElementException.class, batches::next).getMessage());
        assertThrows(NoSuchElementException.class, batches::nextIds);
        batches.reset();
        assertTrue(batches.hasNext());
    }

    @Test
    void thePreProcessorSeesEveryMiniBatch() {
        CharBatchIterator batches = new ConsecutiveBatchIterator(TEXT, 5, 3, 4, 1, "training");
        int[] seen = {0};
        DataSetPreProcessor scale = batch -> {
            seen[0]++;
            batch.getFeatures().muli(2);
        };
        batches.setPreProcessor(scale);
        assertSame(scale, batches.getPreProcessor());
        DataSet batch = batches.next();
        assertEquals(1, seen[0]);
        assertEquals(2.0, batch.getFeatures().maxNumber().doubleValue(), "one-hot doubled");
        assertEquals(1.0, batch.getLabels().maxNumber().doubleValue(), "labels untouched");
    }

    @Test
    void sizesBelowOneAreRefused() {
        assertEquals("batch size must be at least 1, got 0.", assertThrows(IllegalArgumentException.class,
                () -> new ConsecutiveBatchIterator(TEXT, 5, 0, 4, 1, "training")).getMessage());
        assertEquals("sequence length must be at least 1, got 0.", assertThrows(IllegalArgumentException.class,
                () -> new RandomWindowIterator(TEXT, 5, 3, 0, 1, "training")).getMessage());
    }
}
