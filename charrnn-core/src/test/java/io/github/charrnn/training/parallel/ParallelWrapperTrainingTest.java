package io.github.charrnn.training.parallel;

import io.github.charrnn.batching.OneHot;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkFactory;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingPosition;
import io.github.charrnn.training.TrainingProgress;
import io.github.charrnn.training.TrainingReport;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.optimize.listeners.ScoreIterationListener;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelWrapperTrainingTest {

    private static final int VOCABULARY = 5;
    private static final int SEQ = 4;
    private static final CharRnnConfig CONFIG = new CharRnnConfig(6, 1, 0, 0.01, 5, SEQ, 8, CellType.LSTM);

    /** Mini-batches of 2 rows and 2 windows each. */
    private static DataSetIterator batches(int count) {
        List<DataSet> sets = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            int[][] x = new int[2][2 * SEQ];
            int[][] y = new int[2][2 * SEQ];
            for (int r = 0; r < 2; r++) {
                for (int t = 0; t < 2 * SEQ; t++) {
                    x[r][t] = (b + r + t) % VOCABULARY;
                    y[r][t] = (b + r + t + 1) % VOCABULARY;
                }
            }
            sets.add(new DataSet(OneHot.sequences(x, VOCABULARY), OneHot.sequences(y, VOCABULARY)));
        }
        return new ListDataSetIterator<>(sets, 1);
    }

    @Test
    void trainsEveryWindowCutsAtTheStepLimitAndGivesTheNetworkItsListenersBack() {
        MultiLayerNetwork network = NetworkFactory.create(VOCABULARY, CONFIG);
        TrainingListener own = new ScoreIterationListener(1000);
        network.setListeners(own);
        List<TrainingProgress> reports = new ArrayList<>();
        TrainingOptions options = TrainingOptions.builder().maxSteps(7).reportEvery(2).build();
        ParallelWrapperTraining training = new ParallelWrapperTraining(batches(6), batches(1), options, 2);
        assertTrue(training.describe().contains("2 workers"), training.describe());

        TrainingReport report = training.train(network, CONFIG, 3, List.of(reports::add));
        assertEquals(7, report.steps());
        assertEquals(10, report.totalSteps());
        assertEquals(7L * 2 * SEQ, report.characters());
        assertTrue(Double.isFinite(report.trainLoss()));
        assertTrue(Double.isFinite(report.validationLoss()));
        assertNull(report.position());
        assertFalse(reports.isEmpty());
        assertEquals(10, reports.get(reports.size() - 1).step());
        // the network's own DL4J listeners are back (they were dropped before: DL4J's getListeners is its live list)
        assertEquals(1, network.getListeners().size());
        assertSame(own, network.getListeners().iterator().next());
    }

    @Test
    void checkpointsAndResumingAreRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new ParallelWrapperTraining(batches(1), null,
                TrainingOptions.builder().checkpointEvery(10).build(), 2));
        assertThrows(IllegalArgumentException.class, () -> new ParallelWrapperTraining(batches(1), null,
                TrainingOptions.builder().resumeFrom(new TrainingPosition(1, 0, 0, 0, (String) null)).build(), 2));
    }
}
