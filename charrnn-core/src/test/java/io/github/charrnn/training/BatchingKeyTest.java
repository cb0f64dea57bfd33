package io.github.charrnn.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link BatchingKey}: what a resumed run must share with the saved one, typed, and as earlier versions described it. */
class BatchingKeyTest {

    private static final BatchingKey KEY = new BatchingKey(32, 50, 0.1, false, "consecutive", "fortunes-en (1 MB)");

    @Test
    void itsDescriptionIsTheFormEarlierVersionsRecorded() {
        assertEquals("batch 32, sequence 50, validation fraction 0.1, consecutive batches, fortunes-en (1 MB)", KEY.describe());
        assertEquals("batch 32, sequence 50, validation fraction 0.1 by file, consecutive batches, fortunes-en (1 MB)",
                new BatchingKey(32, 50, 0.1, true, "consecutive", "fortunes-en (1 MB)").describe());
    }

    @Test
    void aPositionWithTheSameKeyResumesAndADifferentOneSaysWhatDiffers() {
        assertDoesNotThrow(() -> KEY.checkResumes(new TrainingPosition(1, 3, 0, 0, KEY), "run.zip"));
        BatchingKey other = new BatchingKey(64, 50, 0.2, false, "random", "fortunes-en (1 MB)");
        String message = assertThrows(IllegalArgumentException.class,
                () -> other.checkResumes(new TrainingPosition(1, 3, 0, 0, KEY), "run.zip")).getMessage();
        assertTrue(message.startsWith("The run in run.zip cannot resume with other batching: batch 32 there, 64 here, "
                + "validation fraction 0.1 there, 0.2 here, consecutive batches there, random batches here."), message);
    }

    /** A checkpoint of an earlier version records only the description: compared as it was, it still resumes. */
    @Test
    void aPositionFromAnEarlierVersionIsComparedByItsDescription() {
        assertDoesNotThrow(() -> KEY.checkResumes(new TrainingPosition(1, 3, 0, 0, KEY.describe()), "old.zip"));
        assertDoesNotThrow(() -> KEY.checkResumes(new TrainingPosition(1, 3, 0, 0, (String) null), "older.zip"));
        String message = assertThrows(IllegalArgumentException.class, () -> KEY.checkResumes(
                new TrainingPosition(1, 3, 0, 0, "batch 16, sequence 50, validation fraction 0.1, consecutive batches, x"),
                "old.zip")).getMessage();
        assertTrue(message.contains("was trained on batch 16") && message.contains("this one would be batch 32"), message);
    }
}
