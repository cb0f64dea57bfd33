package io.github.charrnn;

import io.github.charrnn.training.CheckpointListener;
import io.github.charrnn.training.ProgressListener;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingPosition;
import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run killed after a checkpoint and resumed from it goes on exactly as the uninterrupted run. */
class ResumeTest {

    private static final String SYMBOLS = "abcdefgh ";
    private static final int BATCH = 4;
    private static final int SEQ = 5;
    private static final int WINDOWS_PER_BATCH = 2;
    private static final int EPOCHS = 2;

    @TempDir
    Path directory;

    @Test
    void aKilledAndResumedRunReachesTheSameLossesAsAnUninterruptedOne() {
        int[] text = text();
        List<Double> uninterrupted = new ArrayList<>();
        CharRnn whole = model();
        whole.fit(batches(text), null, options(), recordTo(uninterrupted));
        float[] wholeEnd = whole.nextCharacterProbabilities("abc");

        // the same run, checkpointed every 6 steps (mid-epoch: 8 steps an epoch) and killed during step 11
        Path checkpoint = directory.resolve("checkpoint.zip");
        List<Double> beforeKill = new ArrayList<>();
        CharRnn killed = model();
        CheckpointListener saveEach = c -> killed.save(checkpoint);
        ProgressListener kill = progress -> {
            if (progress.step() == 11) {
                throw new IllegalStateException("killed");
            }
        };
        assertThrows(IllegalStateException.class, () -> killed.fitWithCheckpoints(batches(text), null,
                options().toBuilder().checkpointEvery(6).build(), saveEach, recordTo(beforeKill), kill));

        CharRnn resumed = CharRnn.load(checkpoint);
        TrainingPosition position = resumed.trainingPosition();
        assertNotNull(position);
        long stepsSaved = resumed.trainingSummary().steps();
        assertEquals(6, stepsSaved, "the last checkpoint before step 11 is the one after step 6");
        assertEquals(1, position.epoch());
        assertEquals(3, position.batchesDone());
        List<Double> afterResume = new ArrayList<>();
        resumed.fit(batches(text), null, options().toBuilder().resumeFrom(position).build(), recordTo(afterResume));

        assertEquals(uninterrupted.size(), stepsSaved + afterResume.size());
        for (int i = 0; i < afterResume.size(); i++) {
            assertEquals(uninterrupted.get((int) stepsSaved + i), afterResume.get(i), 1e-5,
                    "loss of step " + (stepsSaved + i + 1));
        }
        assertArrayEquals(wholeEnd, resumed.nextCharacterProbabilities("abc"), 1e-5f);
        assertEquals(whole.trainingSummary().steps(), resumed.trainingSummary().steps());
        assertTrue(beforeKill.size() >= 10);
    }

    private static CharRnn model() {
        return CharRnn.builder().vocabulary(Vocabulary.of(SYMBOLS)).hiddenSize(16).layers(2).dropout(0.3)
                .learningRate(0.01).sequenceLength(SEQ).seed(3).build();
    }

    private static TrainingOptions options() {
        return TrainingOptions.builder().epochs(EPOCHS).reportEvery(1).build();
    }

    private static ProgressListener recordTo(List<Double> losses) {
        return progress -> {
            if (!progress.validated()) {
                losses.add(progress.trainLoss());
            }
        };
    }

    private static org.nd4j.linalg.dataset.api.iterator.DataSetIterator batches(int[] text) {
        return TestBatches.consecutive(text, SYMBOLS.length(), BATCH, SEQ, WINDOWS_PER_BATCH);
    }

    private static int[] text() {
        SplittableRandom random = new SplittableRandom(8);
        int[] ids = new int[BATCH * SEQ * 8 + 1];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i % 3 == 0 ? random.nextInt(SYMBOLS.length()) : (ids[i - 1] + 1) % SYMBOLS.length();
        }
        return ids;
    }
}
