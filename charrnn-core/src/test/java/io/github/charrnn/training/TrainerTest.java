package io.github.charrnn.training;

import io.github.charrnn.batching.OneHot;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkFactory;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.optimize.listeners.ScoreIterationListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trainer's loop with a tiny LSTM: the step grid of validations and checkpoints, listeners, refused input. */
@ExtendWith(SinglePrecisionProducts.class)
class TrainerTest {

    private static final BatchingKey KEY = new BatchingKey(3, 4, 0.1, false, "consecutive", "test");

    private static final int VOCABULARY = 5;
    private static final int SEQ = 4;

    /** Mini-batches of 2 rows and {@code windows} windows each. */
    private static DataSetIterator batches(int count, int windows) {
        List<DataSet> sets = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            int[][] x = new int[2][windows * SEQ];
            int[][] y = new int[2][windows * SEQ];
            for (int r = 0; r < 2; r++) {
                for (int t = 0; t < windows * SEQ; t++) {
                    x[r][t] = (b + r + t) % VOCABULARY;
                    y[r][t] = (b + r + t + 1) % VOCABULARY;
                }
            }
            sets.add(new DataSet(OneHot.sequences(x, VOCABULARY), OneHot.sequences(y, VOCABULARY)));
        }
        return new ListDataSetIterator<>(sets, 1);
    }

    private static MultiLayerNetwork network() {
        return NetworkFactory.create(VOCABULARY, new CharRnnConfig(6, 1, 0, 0.01, 5, SEQ, 8, CellType.LSTM));
    }

    @Test
    void validatesOnTheStepGridOfTheWholeModelAndAtTheEndOfEachEpoch() {
        List<TrainingProgress> reports = new ArrayList<>();
        // 10 steps before: the grid of 4 is at 12, 16, 20; one step per mini-batch, 7 mini-batches, 2 epochs
        TrainingReport report = new Trainer(network(), SEQ, 5).fit(batches(7, 1), batches(1, 1),
                TrainingOptions.builder().epochs(2).reportEvery(100).validateEvery(4).build(), 10, List.of(reports::add));
        List<Long> validatedAt = reports.stream().filter(TrainingProgress::validated).map(TrainingProgress::step).toList();
        assertEquals(List.of(12L, 16L, 17L, 21L, 24L), validatedAt);
        assertEquals(14, report.steps());
        assertEquals(24, report.totalSteps());
        assertEquals(2, report.epochs());
        assertEquals(14L * 2 * SEQ, report.characters());
        assertTrue(Double.isFinite(report.validationLoss()));
        assertEquals(2, report.position().epoch());
        assertEquals(7, report.position().batchesDone());
    }

    @Test
    void checkpointsComeEveryIntervalBetweenAnyStepsAndAtBetterValidations() {
        List<CheckpointListener.Checkpoint> checkpoints = new ArrayList<>();
        // mini-batches of 2 windows; charrnn's own path can stop after any window: checkpoints on 3, 6 and 9
        new Trainer(network(), SEQ, 5).fit(batches(5, 2), null,
                TrainingOptions.builder().reportEvery(100).checkpointEvery(3).batching(KEY).build(), 0, List.of(),
                checkpoints::add);
        assertEquals(List.of(3L, 6L, 9L), checkpoints.stream().map(CheckpointListener.Checkpoint::totalSteps).toList());
        assertTrue(checkpoints.stream().allMatch(c -> c.reason() == CheckpointListener.Reason.PERIODIC));
        assertEquals(List.of(1L, 3L, 4L), checkpoints.stream().map(c -> c.position().batchesDone()).toList());
        // mid-batch: the window reached and the state to go on from; at a boundary of batches that do not continue
        // each other (a plain list), nothing is carried
        assertEquals(3, checkpoints.get(0).position().carried().windowsIntoEpoch());
        assertEquals(2 * 2 * 6, checkpoints.get(0).position().carried().floats().length, "h and c of 2 rows, 6 units");
        assertNull(checkpoints.get(1).position().carried());

        // where DL4J's fit trains, checkpoints fall at the mini-batch ends after the interval: 4 and 8
        List<CheckpointListener.Checkpoint> dl4j = new ArrayList<>();
        new Trainer(network(), SEQ, 5, false).fit(batches(5, 2), null,
                TrainingOptions.builder().reportEvery(100).checkpointEvery(3).batching(KEY).build(), 0, List.of(),
                dl4j::add);
        assertEquals(List.of(4L, 8L), dl4j.stream().map(CheckpointListener.Checkpoint::totalSteps).toList());
        assertEquals(List.of(2L, 4L), dl4j.stream().map(c -> c.position().batchesDone()).toList());
        assertEquals(KEY, checkpoints.get(0).position().key());
        assertEquals(KEY.describe(), checkpoints.get(0).position().batching());
        assertTrue(checkpoints.stream().allMatch(c -> Double.isFinite(c.trainLoss()) && c.trainLoss() > 0));

        List<CheckpointListener.Checkpoint> best = new ArrayList<>();
        // the same data to validate on as to train on: the loss falls, so every validation is the best so far
        new Trainer(network(), SEQ, 5).fit(batches(4, 1), batches(4, 1),
                TrainingOptions.builder().epochs(3).reportEvery(100).validateEvery(2).build(), 0, List.of(), best::add);
        assertTrue(best.size() >= 3, best.toString());
        for (int i = 1; i < best.size(); i++) {
            assertEquals(CheckpointListener.Reason.BEST_VALIDATION, best.get(i).reason());
            assertTrue(best.get(i).validationLoss() < best.get(i - 1).validationLoss());
        }
    }

    @Test
    void theNetworksOwnListenersAreBackAfterwardsEvenAfterAFailure() {
        MultiLayerNetwork network = network();
        TrainingListener own = new ScoreIterationListener(1000);
        network.setListeners(own);
        new Trainer(network, SEQ, 5).fit(batches(2, 1), null, TrainingOptions.builder().build(), 0, List.of());
        assertEquals(1, network.getListeners().size());
        assertSame(own, network.getListeners().iterator().next());

        DataSetIterator wrongVocabulary = new ListDataSetIterator<>(List.of(new DataSet(
                OneHot.sequences(new int[][]{{0, 1, 2, 3}}, VOCABULARY + 1), OneHot.sequences(new int[][]{{1, 2, 3, 4}}, VOCABULARY + 1))), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(network, SEQ, 5)
                .fit(wrongVocabulary, null, TrainingOptions.builder().build(), 0, List.of()));
        assertTrue(e.getMessage().startsWith("Mini-batches must be features and labels of shape [batch, 5, time]"), e.getMessage());
        assertSame(own, network.getListeners().iterator().next());
    }

    @Test
    void emptyTrainingDataIsRefused() {
        DataSetIterator none = new ListDataSetIterator<>(List.of(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(network(), SEQ, 5).fit(none, null, TrainingOptions.builder().build(), 0, List.of()));
        assertEquals("The training data produced no mini-batch.", e.getMessage());
    }

    /** Both implementations behind Trainer (GEMM-based and DL4J's fit, also taken for masked batches) train alike. */
    @Test
    void theGemmPathAndDl4jsFitGiveTheSameLosses() {
        TrainingOptions options = TrainingOptions.builder().maxSteps(3).reportEvery(1).build();
        List<TrainingProgress> gemm = new ArrayList<>();
        List<TrainingProgress> dl4j = new ArrayList<>();
        new Trainer(network(), SEQ, 5, true).fit(batches(3, 1), null, options, 0, List.of(gemm::add));
        new Trainer(network(), SEQ, 5, false).fit(batches(3, 1), null, options, 0, List.of(dl4j::add));
        assertEquals(3, gemm.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(dl4j.get(i).trainLoss(), gemm.get(i).trainLoss(), 1e-4, "step " + (i + 1));
        }
        // a label mask sends the batch to DL4J's fit even where the GEMM path is allowed
        DataSet masked = batches(1, 1).next();
        masked.setLabelsMaskArray(Nd4j.ones(DataType.FLOAT, 2, SEQ));
        List<TrainingProgress> viaMask = new ArrayList<>();
        new Trainer(network(), SEQ, 5, true).fit(new ListDataSetIterator<>(List.of(masked), 1), null,
                TrainingOptions.builder().reportEvery(1).build(), 0, List.of(viaMask::add));
        assertEquals(dl4j.get(0).trainLoss(), viaMask.get(0).trainLoss(), 1e-4);
    }
}
