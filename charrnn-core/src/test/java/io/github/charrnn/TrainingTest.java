package io.github.charrnn;

import io.github.charrnn.batching.OneHot;
import io.github.charrnn.model.CellType;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingProgress;
import io.github.charrnn.training.TrainingReport;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingTest {

    @Test
    void tinyLstmLearnsAPeriodicTextToNearZeroLoss() {
        String text = TestBatches.periodic("the cat sat. ", 2000);
        Vocabulary vocabulary = Vocabulary.of(text);
        CharRnn model = CharRnn.builder().vocabulary(vocabulary).hiddenSize(32).layers(2).dropout(0)
                .learningRate(0.02).sequenceLength(25).seed(7).build();
        DataSetIterator batches = TestBatches.consecutive(vocabulary.encode(text), vocabulary.size(), 8, 25, 5);
        TrainingReport report = model.fit(batches, null, TrainingOptions.builder().epochs(20).build());

        assertTrue(report.trainLoss() < 0.05, "train loss " + report.trainLoss());
        assertTrue(model.evaluate(text.substring(0, 500)).loss() < 0.1, "the model predicts the text it learned");
        assertEquals(report.totalSteps(), model.trainingSummary().steps());
    }

    @Test
    void plainRnnCellsLearnToo() {
        String text = TestBatches.periodic("abcabd", 3000);
        Vocabulary vocabulary = Vocabulary.of(text);
        CharRnn model = CharRnn.builder().vocabulary(vocabulary).cellType(CellType.RNN).hiddenSize(24).layers(1)
                .dropout(0).learningRate(0.01).sequenceLength(12).build();
        double before = model.evaluate(text.substring(0, 300)).loss();
        model.fit(TestBatches.consecutive(vocabulary.encode(text), vocabulary.size(), 10, 12, 4), null,
                TrainingOptions.builder().epochs(15).build());
        double after = model.evaluate(text.substring(0, 300)).loss();
        assertTrue(after < 0.3 * before, "loss before " + before + ", after " + after);
    }

    /**
     * DL4J's truncated BPTT must carry the hidden state from one sequence-length window to the next inside one
     * mini-batch (the articles' behaviour): the loss reported for the second window equals the loss computed
     * from the state the first window left, not from a zero state.
     */
    @Test
    void hiddenStateIsCarriedAcrossWindowsOfAMiniBatch() {
        String text = "It was the best of times, it was the worst of times, it was the age of wisdom, it was...";
        Vocabulary vocabulary = Vocabulary.of(text);
        int batch = 2;
        int seq = 10;
        CharRnn model = CharRnn.builder().vocabulary(vocabulary).hiddenSize(16).layers(2).dropout(0)
                .learningRate(1e-12).sequenceLength(seq).seed(3).build();
        int[] ids = vocabulary.encode(text.substring(0, batch * seq * 2));
        DataSetIterator batches = TestBatches.consecutive(ids, vocabulary.size(), batch, seq, 2);

        var features = batches.next().getFeatures();
        var labels = TestBatches.consecutive(ids, vocabulary.size(), batch, seq, 2).next().getLabels();
        MultiLayerNetwork network = model.network();
        INDArray firstX = window(features, 0, seq);
        INDArray secondX = window(features, seq, 2 * seq);
        network.rnnClearPreviousState();
        double firstLoss = crossEntropy(network.rnnTimeStep(firstX), window(labels, 0, seq));
        double carriedLoss = crossEntropy(network.rnnTimeStep(secondX), window(labels, seq, 2 * seq));
        network.rnnClearPreviousState();
        double zeroStateLoss = crossEntropy(network.rnnTimeStep(secondX), window(labels, seq, 2 * seq));
        network.rnnClearPreviousState();

        List<TrainingProgress> reports = new ArrayList<>();
        batches.reset();
        TrainingReport report = model.fit(batches, null, TrainingOptions.builder().reportEvery(1).build(), reports::add);

        assertEquals(2, report.steps());
        assertEquals(firstLoss, reports.get(0).trainLoss(), 1e-4, "first window: zero state, mean loss in nats");
        assertEquals(carriedLoss, reports.get(1).trainLoss(), 1e-4, "second window starts from the carried state");
        assertTrue(Math.abs(carriedLoss - zeroStateLoss) > 1e-3, "the carried state must matter in this test");
    }

    @Test
    void stepLimitIsMetExactlyInsideAMiniBatchOfSeveralWindows() {
        String text = TestBatches.periodic("0123456789", 2000);
        Vocabulary vocabulary = Vocabulary.of(text);
        CharRnn model = CharRnn.builder().vocabulary(vocabulary).hiddenSize(8).layers(1).sequenceLength(10).build();
        DataSetIterator batches = TestBatches.consecutive(vocabulary.encode(text), vocabulary.size(), 4, 10, 4);
        TrainingReport report = model.fit(batches, batches, TrainingOptions.builder().epochs(5).maxSteps(7).build());
        assertEquals(7, report.steps());
        assertEquals(7L * 4 * 10, report.characters());
        assertTrue(Double.isFinite(report.validationLoss()));
    }

    private static INDArray window(INDArray sequences, int from, int to) {
        return sequences.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(from, to)).dup('f');
    }

    private static double crossEntropy(INDArray probabilities, INDArray oneHotLabels) {
        INDArray p = probabilities.mul(oneHotLabels).sum(1);
        return -Transforms.log(p, false).meanNumber().doubleValue();
    }

    @Test
    void oneHotLayoutIsBatchVocabularyTime() {
        INDArray x = OneHot.sequences(new int[][]{{0, 2}, {1, 1}}, 3);
        assertEquals(List.of(2L, 3L, 2L), List.of(x.size(0), x.size(1), x.size(2)));
        assertEquals(1.0, x.getDouble(0, 2, 1));
        assertEquals(1.0, x.getDouble(1, 1, 0));
        assertEquals(4.0, x.sumNumber().doubleValue());
    }
}
