package io.github.charrnn.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainingOptionsTest {

    @Test
    void theBuilderStartsFromTheDocumentedDefaults() {
        TrainingOptions options = TrainingOptions.builder().build();
        assertEquals(1, options.epochs());
        assertEquals(0, options.maxSteps());
        assertEquals(10, options.reportEvery());
        assertEquals(0, options.validateEvery());
        assertEquals(0, options.checkpointEvery());
        assertNull(options.resumeFrom());
        assertNull(options.batching());
    }

    @Test
    void toBuilderKeepsEveryValue() {
        BatchingKey key = new BatchingKey(4, 10, 0.1, false, "consecutive", "text");
        TrainingPosition position = new TrainingPosition(2, 5, 1, 2, key);
        TrainingOptions options = TrainingOptions.builder().epochs(3).maxSteps(100).reportEvery(7).validateEvery(20)
                .checkpointEvery(50).resumeFrom(position).batching(key).build();
        assertEquals(options, options.toBuilder().build());
        assertEquals(4, options.toBuilder().epochs(4).build().epochs());
        assertEquals(position, options.toBuilder().epochs(4).build().resumeFrom());
    }

    @Test
    void aNegativeValidationIntervalIsRefusedAndAResumedEpochMayBeTheLast() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.builder().validateEvery(-1).build());
        assertEquals("validation interval must be at least 1 step (or 0 for once an epoch), got -1.", e.getMessage());
        assertEquals(2, TrainingOptions.builder().epochs(2).resumeFrom(new TrainingPosition(2, 0, 0, 0, (String) null)).build()
                .resumeFrom().epoch());
        assertThrows(IllegalArgumentException.class, () -> new TrainingPosition(1, -1, 0, 0, (String) null));
    }
}
