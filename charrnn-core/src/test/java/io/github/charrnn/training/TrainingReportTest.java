package io.github.charrnn.training;

import io.github.charrnn.CharRnn;
import io.github.charrnn.batching.OneHot;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TrainingReport}: what a tiny model's {@code fit} reports, run by run. */
class TrainingReportTest {

    private static final String TEXT = "abcabcabcabd".repeat(20);
    private static final int ROWS = 2;
    private static final int SEQ = 5;

    /** {@code count} one-hot mini-batches of ROWS rows and SEQ characters, cut from the text in order. */
    private static DataSetIterator batches(Vocabulary vocabulary, int count) {
        int[] ids = vocabulary.encode(TEXT);
        List<DataSet> sets = new ArrayList<>();
        int at = 0;
        for (int b = 0; b < count; b++) {
            int[][] x = new int[ROWS][SEQ];
            int[][] y = new int[ROWS][SEQ];
            for (int r = 0; r < ROWS; r++) {
                for (int t = 0; t < SEQ; t++) {
                    x[r][t] = ids[at];
                    y[r][t] = ids[at + 1];
                    at++;
                }
            }
            sets.add(new DataSet(OneHot.sequences(x, vocabulary.size()), OneHot.sequences(y, vocabulary.size())));
        }
        return new ListDataSetIterator<>(sets, 1);
    }

    @Test
    void aRunReportsItsStepsEpochsCharactersLossesAndPosition() {
        Vocabulary vocabulary = Vocabulary.of(TEXT);
        CharRnn model = CharRnn.builder().vocabulary(vocabulary).hiddenSize(8).layers(1).sequenceLength(SEQ).seed(1).build();

        TrainingReport first = model.fit(batches(vocabulary, 3), batches(vocabulary, 1),
                TrainingOptions.builder().epochs(2).maxSteps(5).build());
        assertEquals(5, first.steps());
        assertEquals(5, first.totalSteps());
        assertEquals(2, first.epochs());
        assertEquals(5L * ROWS * SEQ, first.characters());
        assertTrue(Double.isFinite(first.trainLoss()) && first.trainLoss() > 0, "train loss " + first.trainLoss());
        assertTrue(Double.isFinite(first.validationLoss()), "validation loss " + first.validationLoss());
        assertTrue(first.seconds() > 0 && first.charsPerSecond() > 0);
        assertNotNull(first.position());

        TrainingReport second = model.fit(batches(vocabulary, 3), null, TrainingOptions.builder().maxSteps(3).build());
        assertEquals(3, second.steps());
        assertEquals(8, second.totalSteps());
        assertEquals(1, second.epochs());
        assertTrue(Double.isNaN(second.validationLoss()), "no validation data: NaN");
        assertEquals(8, model.trainingSummary().steps());
    }
}
