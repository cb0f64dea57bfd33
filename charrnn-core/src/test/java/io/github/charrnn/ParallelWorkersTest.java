package io.github.charrnn;

import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.model.InputEncoding;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingProgress;
import io.github.charrnn.training.TrainingReport;
import io.github.charrnn.training.parallel.ParallelWrapperTraining;
import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelWorkersTest {

    private static final String TEXT = TestBatches.periodic("the cat sat on the mat. ", 1600);

    @Test
    void twoWorkersLowerTheLossTwiceInARowAndSaveALoadableModel(@TempDir Path dir) {
        Vocabulary vocabulary = Vocabulary.of(TEXT);
        CharRnn model = CharRnn.builder().vocabulary(vocabulary).hiddenSize(16).layers(1).dropout(0)
                .learningRate(0.02).sequenceLength(20).seed(5).build();
        DataSetIterator train = TestBatches.consecutive(vocabulary.encode(TEXT), vocabulary.size(), 4, 20, 5);
        DataSetIterator validation = TestBatches.consecutive(vocabulary.encode(TEXT.substring(0, 800)), vocabulary.size(), 4, 20, 5);
        double before = model.evaluate(validation).loss();
        List<TrainingProgress> reports = new ArrayList<>();
        TrainingOptions options = TrainingOptions.builder().epochs(3).reportEvery(20).validateEvery(30).build();

        TrainingReport first = model.fit(new ParallelWrapperTraining(train, validation, options, 2), reports::add);
        // a second fit on the same model: ParallelWrapper's SHARED_GRADIENTS mode deadlocked here in 1.0.0-M2.1
        TrainingReport second = model.fit(new ParallelWrapperTraining(train, validation, options, 2));

        assertTrue(first.validationLoss() < 0.8 * before, "validation loss before " + before + ", after " + first.validationLoss());
        assertTrue(second.validationLoss() < first.validationLoss(), first.validationLoss() + " then " + second.validationLoss());
        long stepsPerEpoch = 1600 / (4 * 20);
        assertEquals(3 * stepsPerEpoch, first.steps(), "every window of every epoch is one step, whichever worker took it");
        assertEquals(first.steps() * 4 * 20, first.characters());
        assertEquals(first.steps() + second.steps(), model.trainingSummary().steps());
        assertEquals(6, model.trainingSummary().epochs());
        assertTrue(reports.stream().anyMatch(TrainingProgress::validated));
        assertNull(model.trainingPosition(), "a data-parallel run records no position to resume");

        Path zip = dir.resolve("workers.zip");
        model.save(zip);
        CharRnn loaded = CharRnn.load(zip);
        assertEquals(model.trainingSummary(), loaded.trainingSummary());
        assertNull(loaded.trainingPosition());
        String text = loaded.generate("the ", SamplingOptions.builder().length(40).seed(1).build());
        assertEquals(40, text.length());
    }

    /** An embedded model trains on workers too: its preprocessor and embedding layer survive DL4J's copies. */
    @Test
    void anEmbeddedModelTrainsOnTwoWorkers(@TempDir Path dir) {
        Vocabulary vocabulary = Vocabulary.of(TEXT);
        CharRnn model = CharRnn.builder().vocabulary(vocabulary).input(InputEncoding.EMBEDDING).embeddingSize(6)
                .hiddenSize(16).layers(1).dropout(0).learningRate(0.02).sequenceLength(20).seed(5).build();
        DataSetIterator train = TestBatches.consecutive(vocabulary.encode(TEXT), vocabulary.size(), 4, 20, 5);
        double before = model.evaluate(TEXT.substring(0, 400)).loss();
        model.fit(new ParallelWrapperTraining(train, null, TrainingOptions.builder().epochs(3).build(), 2));
        double after = model.evaluate(TEXT.substring(0, 400)).loss();
        assertTrue(after < 0.8 * before, "loss before " + before + ", after " + after);
        Path zip = dir.resolve("embedded-workers.zip");
        model.save(zip);
        assertEquals(after, CharRnn.load(zip).evaluate(TEXT.substring(0, 400)).loss(), 1e-6);
    }

    @Test
    void theStepLimitIsMetExactly() {
        Vocabulary vocabulary = Vocabulary.of(TEXT);
        CharRnn model = CharRnn.builder().vocabulary(vocabulary).hiddenSize(8).layers(1).dropout(0).sequenceLength(20).build();
        DataSetIterator train = TestBatches.consecutive(vocabulary.encode(TEXT), vocabulary.size(), 4, 20, 4);
        TrainingReport report = model.fit(new ParallelWrapperTraining(train, null,
                TrainingOptions.builder().epochs(3).maxSteps(7).build(), 2));
        assertEquals(7, report.steps());
        assertEquals(7 * 4 * 20, report.characters());
    }

    @Test
    void refusesOneWorkerCheckpointsAndResuming() {
        Vocabulary vocabulary = Vocabulary.of(TEXT);
        DataSetIterator train = TestBatches.consecutive(vocabulary.encode(TEXT), vocabulary.size(), 4, 20, 4);
        TrainingOptions plain = TrainingOptions.builder().build();
        assertThrows(IllegalArgumentException.class, () -> new ParallelWrapperTraining(train, null, plain, 1));
        IllegalArgumentException checkpoints = assertThrows(IllegalArgumentException.class, () -> new ParallelWrapperTraining(
                train, null, TrainingOptions.builder().checkpointEvery(10).build(), 2));
        assertTrue(checkpoints.getMessage().contains("checkpoints"), checkpoints.getMessage());
    }
}
