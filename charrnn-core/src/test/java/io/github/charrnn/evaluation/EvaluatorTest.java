package io.github.charrnn.evaluation;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.batching.CharBatchSource;
import io.github.charrnn.batching.OneHot;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.InputEncoding;
import io.github.charrnn.model.NetworkFactory;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forward-pass evaluation gives the loss DL4J's rnnTimeStep gives, state carried or not. */
class EvaluatorTest {

    private static final int VOCABULARY = 7;
    private static final int SEQ = 5;
    private static final double RELATIVE = 1e-5;

    /**
     * Consecutive one-hot batches: three windows each (the state carried across chunks inside a batch and from batch
     * to batch), a last one shorter, then batches with fewer rows (a zero state again); dropout does not apply.
     */
    @Test
    void oneHotConsecutiveBatchesGiveRnnTimeStepsLoss() {
        MultiLayerNetwork network = network(InputEncoding.ONEHOT, VOCABULARY, 0.5);
        SplittableRandom random = new SplittableRandom(1);
        List<DataSet> batches = List.of(batch(random, 3, 3 * SEQ, false, false), batch(random, 3, 3 * SEQ, false, false),
                batch(random, 3, SEQ + 2, false, false), batch(random, 2, 2 * SEQ, false, false),
                batch(random, 2, SEQ, false, false));
        double carried = assertPathsAgree(network, () -> new ListDataSetIterator<>(batches, 1), true);
        double fresh = assertPathsAgree(network, () -> new ListDataSetIterator<>(batches, 1), false);
        // a consecutive CharBatchSource carries the state without being told
        assertEquals(carried, new Evaluator(network, true).evaluate(new Consecutive(batches)).loss(), 1e-12);
        assertEquals(fresh, new Evaluator(network, true).evaluate(new ListDataSetIterator<>(batches, 1)).loss(), 1e-12);
        assertTrue(Math.abs(carried - fresh) > 1e-3, "the carried state changes the loss: " + carried + " vs " + fresh);

        // abandoned (a training run told to stop) after the first two mini-batches: no result
        int[] asked = {0};
        assertEquals(null, new Evaluator(network, true).evaluate(new ListDataSetIterator<>(batches, 1), true,
                () -> ++asked[0] > 2));
        assertEquals(3, asked[0]);
        assertEquals(carried, new Evaluator(network, true).evaluate(new ListDataSetIterator<>(batches, 1), true,
                () -> false).loss(), 1e-12);
    }

    /** An embedding network on ids batches, on one-hot features with id labels, and on one-hot batches. */
    @Test
    void embeddingNetworkGivesRnnTimeStepsLossInEveryFormat() {
        MultiLayerNetwork network = network(InputEncoding.EMBEDDING, VOCABULARY, 0.0);
        for (boolean idFeatures : new boolean[]{true, false}) {
            for (boolean idLabels : new boolean[]{true, false}) {
                if (idFeatures && !idLabels) {
                    continue;
                }
                SplittableRandom random = new SplittableRandom(2);
                List<DataSet> batches = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    batches.add(batch(random, 4, 2 * SEQ + i, idFeatures, idLabels));
                }
                assertPathsAgree(network, () -> new ListDataSetIterator<>(batches, 1), true);
            }
        }
    }

    /** A label mask leaves characters out of the loss and the count alike. */
    @Test
    void aLabelMaskWeighsTheLossAsRnnTimeStepsPathDoes() {
        MultiLayerNetwork network = network(InputEncoding.ONEHOT, VOCABULARY, 0.0);
        SplittableRandom random = new SplittableRandom(3);
        List<DataSet> batches = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            DataSet batch = batch(random, 3, 2 * SEQ, false, false);
            INDArray mask = Nd4j.ones(3, 2 * SEQ);
            mask.putScalar(new long[]{i, 1}, 0);
            mask.putScalar(new long[]{(i + 1) % 3, 2 * SEQ - 1}, 0);
            batches.add(new DataSet(batch.getFeatures(), batch.getLabels(), null, mask));
        }
        assertPathsAgree(network, () -> new ListDataSetIterator<>(batches, 1), true);
        assertEquals(3 * (3 * 2 * SEQ - 2), new Evaluator(network).evaluate(new Consecutive(batches)).characters());
    }

    /** 3,000 symbols: the softmax rows are summed in parallel blocks. */
    @Test
    void aBigVocabularyGivesRnnTimeStepsLoss() {
        MultiLayerNetwork network = network(InputEncoding.EMBEDDING, 3000, 0.0);
        SplittableRandom random = new SplittableRandom(4);
        List<DataSet> batches = List.of(batch(random, 16, 2 * SEQ, true, true, 3000),
                batch(random, 16, 2 * SEQ, true, true, 3000));
        assertPathsAgree(network, () -> new ListDataSetIterator<>(batches, 1), true);
    }

    /** One stream over a text longer than one call's chunk. */
    @Test
    void oneStreamTextGivesRnnTimeStepsLoss() {
        SplittableRandom random = new SplittableRandom(5);
        int[] ids = new int[2345];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(VOCABULARY);
        }
        for (InputEncoding input : InputEncoding.values()) {
            MultiLayerNetwork network = network(input, VOCABULARY, 0.0);
            Evaluator fast = new Evaluator(network, true);
            assertTrue(fast.usesForwardPass());
            EvaluationResult expected = new Evaluator(network, false).evaluate(ids, VOCABULARY);
            EvaluationResult actual = fast.evaluate(ids, VOCABULARY);
            assertEquals(expected.characters(), actual.characters());
            assertEquals(expected.loss(), actual.loss(), RELATIVE * expected.loss(), input.toString());
        }
    }

    @Test
    void plainRnnNetworksAreLeftToRnnTimeStep() {
        MultiLayerNetwork rnn = NetworkFactory.create(VOCABULARY, new CharRnnConfig(8, 2, 0, 0.01, 5, SEQ, 1, CellType.RNN));
        assertFalse(new Evaluator(rnn).usesForwardPass());
        assertTrue(Double.isFinite(new Evaluator(rnn).evaluate(new int[]{1, 2, 3, 4}, VOCABULARY).loss()));
    }

    @Test
    void featuresOfTheWrongWidthAreRefusedInOneSentence() {
        MultiLayerNetwork network = network(InputEncoding.ONEHOT, VOCABULARY, 0.0);
        DataSet wrong = new DataSet(Nd4j.zeros(2, VOCABULARY + 1, SEQ), Nd4j.zeros(2, VOCABULARY, SEQ));
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new Evaluator(network, true).evaluate(new ListDataSetIterator<>(List.of(wrong), 1)));
        assertTrue(thrown.getMessage().contains("[2, 8, 5]"), thrown.getMessage());
    }

    /** Asserts both paths give the same loss and count; returns the loss. */
    private static double assertPathsAgree(MultiLayerNetwork network, java.util.function.Supplier<DataSetIterator> batches,
                                           boolean carryState) {
        Evaluator fast = new Evaluator(network, true);
        assertTrue(fast.usesForwardPass());
        EvaluationResult expected = new Evaluator(network, false).evaluate(batches.get(), carryState);
        EvaluationResult actual = fast.evaluate(batches.get(), carryState);
        assertEquals(expected.characters(), actual.characters());
        assertEquals(expected.loss(), actual.loss(), RELATIVE * expected.loss());
        // an evaluator used again starts afresh
        assertEquals(actual.loss(), fast.evaluate(batches.get(), carryState).loss(), 1e-12);
        return actual.loss();
    }

    /**
     * A small network with its weights scaled up, so that its predictions are far from uniform and depend on the
     * state carried in.
     */
    private static MultiLayerNetwork network(InputEncoding input, int vocabulary, double dropout) {
        MultiLayerNetwork network = NetworkFactory.create(vocabulary, new CharRnnConfig(16, 2, dropout, 0.01, 5, SEQ, 7,
                CellType.LSTM, input, 8));
        network.params().muli(4);
        return network;
    }

    private static DataSet batch(SplittableRandom random, int rows, int time, boolean idFeatures, boolean idLabels) {
        return batch(random, rows, time, idFeatures, idLabels, VOCABULARY);
    }

    private static DataSet batch(SplittableRandom random, int rows, int time, boolean idFeatures, boolean idLabels,
                                 int vocabulary) {
        int[][] x = new int[rows][time];
        int[][] y = new int[rows][time];
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < time; t++) {
                x[r][t] = random.nextInt(vocabulary);
                y[r][t] = random.nextInt(vocabulary);
            }
        }
        return new DataSet(idFeatures ? OneHot.idSequences(x) : OneHot.sequences(x, vocabulary),
                idLabels ? OneHot.idSequences(y) : OneHot.sequences(y, vocabulary));
    }

    /** One-hot batches whose rows continue each other, as the articles' consecutive batches do. */
    private static final class Consecutive extends ListDataSetIterator<DataSet> implements CharBatchSource {
        Consecutive(Collection<DataSet> batches) {
            super(batches, 1);
        }

        @Override
        public BatchFormat format() {
            return BatchFormat.ONE_HOT;
        }

        @Override
        public boolean consecutive() {
            return true;
        }
    }
}
