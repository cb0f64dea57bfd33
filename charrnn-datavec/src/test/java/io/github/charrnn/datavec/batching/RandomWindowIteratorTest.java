package io.github.charrnn.datavec.batching;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.datavec.corpus.EncodedText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RandomWindowIterator}: every window once per epoch in an order fixed by the seed (epoch e shuffles with
 * seed + e), so the same seed gives the same order and different seeds different ones.
 */
class RandomWindowIteratorTest {

    /** 0..40: (41 - 1) / 4 = 10 windows of sequence 4, 5 mini-batches of 2. */
    private static final EncodedText TEXT = EncodedText.of(IntStream.range(0, 41).toArray(), 41);

    private static RandomWindowIterator batches(long seed) {
        return new RandomWindowIterator(TEXT, 41, 2, 4, seed, "training", BatchFormat.IDS);
    }

    /** The start of every window of one epoch, in the order dealt out; checks each window and its labels. */
    private static List<Integer> epoch(RandomWindowIterator batches) {
        List<Integer> starts = new ArrayList<>();
        while (batches.hasNext()) {
            IdBatch batch = batches.nextIds();
            assertEquals(2, batch.rows());
            for (int row = 0; row < 2; row++) {
                int start = batch.features()[row][0];
                for (int t = 0; t < 4; t++) {
                    assertEquals(start + t, batch.features()[row][t]);
                    assertEquals(start + t + 1, batch.labels()[row][t]);
                }
                starts.add(start);
            }
        }
        return starts;
    }

    @Test
    void anEpochDealsEveryWindowOnce() {
        RandomWindowIterator batches = batches(7);
        assertEquals(5, batches.batchesPerEpoch());
        assertEquals(5, batches.stepsPerEpoch());
        assertEquals(1, batches.windowsPerBatch());
        assertFalse(batches.consecutive());
        List<Integer> starts = epoch(batches);
        assertEquals(IntStream.range(0, 10).map(w -> w * 4).boxed().toList(), starts.stream().sorted().toList());
        assertFalse(batches.hasNext());
    }

    @Test
    void theSameSeedGivesTheSameOrderAndDifferentSeedsDifferentOnes() {
        List<Integer> seven = epoch(batches(7));
        assertEquals(seven, epoch(batches(7)));
        assertNotEquals(seven, epoch(batches(8)));
        assertNotEquals(seven, epoch(batches(123_456_789L)));
    }

    @Test
    void eachResetBeginsTheNextEpochShuffledWithTheSeedPlusTheEpoch() {
        RandomWindowIterator batches = batches(7);
        List<Integer> first = epoch(batches);
        batches.reset();
        List<Integer> second = epoch(batches);
        assertNotEquals(first, second, "a new epoch, a new order");
        assertEquals(epoch(batches(8)), second);
        batches.reset();
        assertEquals(epoch(batches(9)), epoch(batches));
    }

    @Test
    void fewerWindowsThanRowsAreRefusedNamingTheCharactersNeeded() {
        EncodedText eight = EncodedText.of(IntStream.range(0, 8).toArray(), 41);   // (8 - 1) / 4 = 1 window
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RandomWindowIterator(eight, 41, 2, 4, 7, "training"));
        assertTrue(e.getMessage().startsWith("The training text has 8 characters"), e.getMessage());
        assertTrue(e.getMessage().contains("needs (9)"), e.getMessage());
    }
}
