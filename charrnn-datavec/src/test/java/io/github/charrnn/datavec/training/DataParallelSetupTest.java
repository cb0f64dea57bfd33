package io.github.charrnn.datavec.training;

import io.github.charrnn.CharRnn;
import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.datavec.batching.CharBatches;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.InputEncoding;
import io.github.charrnn.modelfile.TrainingSummary;
import io.github.charrnn.training.DataParallelTraining;
import io.github.charrnn.training.ProgressListener;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingReport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link TrainingRun} given a {@link DataParallelSetup}: it cuts one-hot mini-batches small enough for every worker,
 * hands them and its options to the setup's training, and the model's summary takes the report that training returns.
 */
class DataParallelSetupTest {

    private static final TextCorpus TEXT = TextCorpus.of("rhymes", "the cat sat on the mat. the dog sat on the log. ".repeat(40));
    private static final TrainingReport REPORT = new TrainingReport(7, 7, 1, 7 * 8 * 10, 1.25, 1.5, 1000, 0.5, null);

    /** Records what the run gives it; its training records what it is given and returns {@link #REPORT}. */
    private static final class RecordingSetup implements DataParallelSetup {
        private final int workers;
        CharBatches.TrainingBatches batches;
        TrainingOptions options;
        MultiLayerNetwork network;
        CharRnnConfig config;
        long stepsBefore = -1;
        List<ProgressListener> listeners;

        RecordingSetup(int workers) {
            this.workers = workers;
        }

        @Override
        public int workers() {
            return workers;
        }

        @Override
        public DataParallelTraining training(CharBatches.TrainingBatches batches, TrainingOptions options) {
            this.batches = batches;
            this.options = options;
            return new DataParallelTraining() {
                @Override
                public String describe() {
                    return "recording, " + workers + " workers";
                }

                @Override
                public TrainingReport train(MultiLayerNetwork network, CharRnnConfig config, long stepsBefore,
                                            List<ProgressListener> listeners) {
                    RecordingSetup.this.network = network;
                    RecordingSetup.this.config = config;
                    RecordingSetup.this.stepsBefore = stepsBefore;
                    RecordingSetup.this.listeners = listeners;
                    return REPORT;
                }
            };
        }
    }

    /** Embedding input: without a data-parallel setup the run would cut ids batches. */
    private static CharRnn model() {
        return CharRnn.builder().vocabulary(TEXT.vocabulary()).hiddenSize(8).layers(1).input(InputEncoding.EMBEDDING)
                .embeddingSize(4).sequenceLength(10).seed(3).build();
    }

    @Test
    void theWorkersGetOneHotBatchesTheRunsOptionsAndTheModel() {
        CharRnn model = model();
        RecordingSetup setup = new RecordingSetup(1);
        ProgressListener listener = progress -> { };
        TrainingRun run = TrainingRun.builder(TEXT, model).batchSize(8).maxSteps(24).validateEvery(8).dataParallel(setup).build();
        TrainingReport report = run.run(listener);

        assertSame(REPORT, report);
        assertEquals(BatchFormat.ONE_HOT, setup.batches.train().format());
        assertEquals(BatchFormat.ONE_HOT, setup.batches.validation().format());
        DataSet batch = setup.batches.train().next();
        assertEquals(TEXT.vocabulary().size(), batch.getFeatures().size(1), "one-hot features");
        assertEquals(TEXT.vocabulary().size(), batch.getLabels().size(1), "one-hot labels");
        assertEquals(run.epochs(), setup.options.epochs());
        assertEquals(24, setup.options.maxSteps());
        assertEquals(8, setup.options.validateEvery());
        assertEquals(run.batching(), setup.options.batching());
        assertNull(setup.options.resumeFrom());
        assertSame(model.network(), setup.network);
        assertSame(model.config(), setup.config);
        assertEquals(0, setup.stepsBefore);
        assertTrue(setup.listeners.contains(listener), "the run's listeners reach the workers");
    }

    @Test
    void theWindowPolicyLeavesAMiniBatchForEveryWorker() {
        RecordingSetup one = new RecordingSetup(1);
        TrainingRun.builder(TEXT, model()).batchSize(8).dataParallel(one).build().run();
        RecordingSetup four = new RecordingSetup(4);
        TrainingRun.builder(TEXT, model()).batchSize(8).dataParallel(four).build().run();

        long windowsPerEpoch = one.batches.train().stepsPerEpoch();
        assertEquals(windowsPerEpoch, four.batches.train().stepsPerEpoch());
        assertTrue(windowsPerEpoch >= 4 && windowsPerEpoch < CharBatches.AUTO_MAX_WINDOWS, "a text for this test: " + windowsPerEpoch);
        assertEquals(windowsPerEpoch, one.batches.train().windowsPerBatch(), "one worker: the whole row at once");
        assertEquals(1, one.batches.train().batchesPerEpoch());
        assertEquals(CharBatches.maxWindowsPerBatch(0, windowsPerEpoch, 4), four.batches.train().windowsPerBatch());
        assertTrue(four.batches.train().batchesPerEpoch() >= 4, "a mini-batch for each worker: "
                + four.batches.train().batchesPerEpoch());
    }

    @Test
    void theModelsSummaryTakesTheWorkersReportAndRecordsNoPosition() {
        CharRnn model = model();
        TrainingRun.builder(TEXT, model).batchSize(8).maxSteps(7).dataParallel(new RecordingSetup(2)).build().run();
        TrainingSummary summary = model.trainingSummary();
        assertEquals(7, summary.steps());
        assertEquals(1, summary.epochs());
        assertEquals(7 * 8 * 10, summary.charactersTrained());
        assertEquals(1.25, summary.trainLoss());
        assertEquals(1.5, summary.validationLoss());
        assertEquals(TEXT.describe(), summary.corpus());
        assertNull(model.trainingPosition(), "a data-parallel run cannot be resumed exactly");
        assertNotNull(model.network());
    }
}
