package io.github.charrnn.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link TrainingPosition}: a key is recorded with its description, a legacy description alone, bad counters refused. */
class TrainingPositionTest {

    private static final BatchingKey KEY = new BatchingKey(8, 10, 0.1, false, "consecutive", "rhymes: 1,920 characters, 13 distinct");

    @Test
    void aPositionWithAKeyRecordsTheKeysDescriptionBesideIt() {
        TrainingPosition position = new TrainingPosition(2, 5, 11, 12, KEY);
        assertEquals(2, position.epoch());
        assertEquals(5, position.batchesDone());
        assertEquals(11, position.randomRootState());
        assertEquals(12, position.randomNodeState());
        assertSame(KEY, position.key());
        assertEquals(KEY.describe(), position.batching());
        assertEquals("batch 8, sequence 10, validation fraction 0.1, consecutive batches, rhymes: 1,920 characters, 13 distinct",
                position.batching());
        assertEquals(new TrainingPosition(2, 5, 11, 12, KEY.describe(), KEY), position);
    }

    @Test
    void aNullKeyRecordsNeitherKeyNorDescription() {
        TrainingPosition position = new TrainingPosition(1, 0, 0, 0, (BatchingKey) null);
        assertNull(position.key());
        assertNull(position.batching());
    }

    @Test
    void aLegacyPositionRecordsOnlyTheDescription() {
        TrainingPosition position = new TrainingPosition(3, 0, 1, 2, "batch 8, sequence 10");
        assertEquals("batch 8, sequence 10", position.batching());
        assertNull(position.key());
        assertNull(new TrainingPosition(3, 0, 1, 2, (String) null).batching());
    }

    @Test
    void anEpochBelowOneOrANegativeBatchCountIsRefusedInOneSentence() {
        assertEquals("A training position needs an epoch from 1 and a non-negative batch count, got epoch 0 and 4 batches.",
                assertThrows(IllegalArgumentException.class, () -> new TrainingPosition(0, 4, 0, 0, KEY)).getMessage());
        assertEquals("A training position needs an epoch from 1 and a non-negative batch count, got epoch 1 and -1 batches.",
                assertThrows(IllegalArgumentException.class, () -> new TrainingPosition(1, -1, 0, 0, "legacy")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainingPosition(-2, 0, 0, 0, null, null));
    }
}
