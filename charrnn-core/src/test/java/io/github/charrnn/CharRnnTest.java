package io.github.charrnn;

import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.modelfile.TrainingSummary;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingProgress;
import io.github.charrnn.training.TrainingReport;
import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CharRnn's own bookkeeping and its read-write lock (docs/design.md, "Thread safety"). */
class CharRnnTest {

    private static final String TEXT = TestBatches.periodic("abcdefgh ", 720);
    private static final Vocabulary VOCABULARY = Vocabulary.of(TEXT);

    private static CharRnn model() {
        return CharRnn.builder().vocabulary(VOCABULARY).hiddenSize(8).layers(1).sequenceLength(10).seed(4).build();
    }

    private static DataSetIterator batches() {
        return TestBatches.consecutive(VOCABULARY.encode(TEXT), VOCABULARY.size(), 4, 10, 2);
    }

    /** A run shorter than the 10 steps the final loss averages: the mean of the steps it has (it was 0 for one step). */
    @Test
    void aShortRunsTrainingLossIsTheMeanOfItsSteps() {
        for (int steps : new int[]{1, 3}) {
            List<TrainingProgress> perStep = new ArrayList<>();
            TrainingReport report = model().fit(batches(), null,
                    TrainingOptions.builder().maxSteps(steps).reportEvery(1).build(), perStep::add);
            assertEquals(steps, perStep.size());
            double mean = perStep.stream().mapToDouble(TrainingProgress::trainLoss).average().orElseThrow();
            assertTrue(mean > 1, "an untrained model's loss is about log(vocabulary): " + mean);
            assertEquals(mean, report.trainLoss(), 1e-9, steps + " steps");
        }
    }

    @Test
    void theTrainingSummaryAddsUpRunsAndKeepsTheCorpus() {
        CharRnn model = model();
        assertEquals(TrainingSummary.UNTRAINED, model.trainingSummary());
        assertNull(model.trainingPosition());
        model.describeCorpus("abc.txt, 720 characters");
        TrainingReport first = model.fit(batches(), batches(), TrainingOptions.builder().maxSteps(4).build());
        TrainingReport second = model.fit(batches(), null, TrainingOptions.builder().maxSteps(3).build());
        TrainingSummary summary = model.trainingSummary();
        assertEquals(7, summary.steps());
        assertEquals(7, second.totalSteps());
        assertEquals(2, summary.epochs());
        assertEquals(first.characters() + second.characters(), summary.charactersTrained());
        assertEquals(7L * 4 * 10, summary.charactersTrained());
        assertEquals(second.trainLoss(), summary.trainLoss());
        assertEquals(first.validationLoss(), summary.validationLoss());   // the second run had no validation
        assertEquals("abc.txt, 720 characters", summary.corpus());
        assertEquals(second.position(), model.trainingPosition());
    }

    @Test
    void fitDropsTheGeneratorsCopyOfTheWeights() {
        CharRnn model = model();
        float[] before = model.nextCharacterProbabilities("abc");
        assertEquals(Arrays.toString(before), Arrays.toString(model.nextCharacterProbabilities("abc")));
        model.fit(batches(), null, TrainingOptions.builder().maxSteps(5).build());
        float[] after = model.nextCharacterProbabilities("abc");
        assertFalse(Arrays.equals(before, after));
    }

    @Test
    void generationsShareTheModelAndExclusiveCallsWaitForThem() throws Exception {
        CharRnn model = model();
        SamplingOptions options = SamplingOptions.builder().length(5).seed(1).build();
        CountDownLatch generating = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<String> held = threads.submit(() -> model.generate("a", options, codePoint -> {
                generating.countDown();
                await(release);
            }));
            assertTrue(generating.await(20, TimeUnit.SECONDS));
            // another generation runs while the first holds the read lock
            String other = threads.submit(() -> model.generate("b", options)).get(20, TimeUnit.SECONDS);
            assertEquals(5, other.length());   // the generated characters, without the prime
            // evaluation and next-character probabilities take the model exclusively: they wait
            Future<float[]> exclusive = threads.submit(() -> model.nextCharacterProbabilities("a"));
            assertThrows(TimeoutException.class, () -> exclusive.get(300, TimeUnit.MILLISECONDS));
            release.countDown();
            assertEquals(5, held.get(20, TimeUnit.SECONDS).length());
            assertEquals(VOCABULARY.size(), exclusive.get(20, TimeUnit.SECONDS).length);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
