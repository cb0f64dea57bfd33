package io.github.charrnn.training;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.batching.CharBatch;
import io.github.charrnn.batching.OneHot;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.InputEncoding;
import io.github.charrnn.model.NetworkFactory;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GemmLstmEvaluation's loss against -log of DL4J's own output probabilities, summed over rows and time. */
class GemmLstmEvaluationTest {

    private static final int VOCABULARY = 7;
    private static final int ROWS = 3;
    private static final int TIME = 11;

    private final int[][] x = ids(ROWS, TIME, 1);
    private final int[][] y = ids(ROWS, TIME, 2);

    @Test
    void givesDl4jsLossForAnyChunkLength() {
        MultiLayerNetwork network = network(InputEncoding.ONEHOT);
        double expected = dl4jLoss(network, OneHot.sequences(x, VOCABULARY), y, null);
        for (int chunk : new int[]{1, 4, TIME, 100}) {
            GemmLstmEvaluation evaluation = new GemmLstmEvaluation(network, chunk);
            double loss = evaluation.negativeLogLikelihood(batch(OneHot.sequences(x, VOCABULARY), OneHot.sequences(y, VOCABULARY), null));
            assertEquals(expected, loss, 1e-4 * expected, "chunk " + chunk);
            // the ids format of the labels gives the same loss
            evaluation.resetState();
            assertEquals(loss, evaluation.negativeLogLikelihood(batch(OneHot.sequences(x, VOCABULARY), OneHot.idSequences(y), null)), 1e-6 * loss);
        }
    }

    @Test
    void givesDl4jsLossThroughAnEmbedding() {
        MultiLayerNetwork network = network(InputEncoding.EMBEDDING);
        double expected = dl4jLoss(network, OneHot.sequences(x, VOCABULARY), y, null);
        GemmLstmEvaluation evaluation = new GemmLstmEvaluation(network, 4);
        assertEquals(expected, evaluation.negativeLogLikelihood(batch(OneHot.idSequences(x), OneHot.sequences(y, VOCABULARY), null)),
                1e-4 * expected);
    }

    @Test
    void aMaskWeighsEachCharactersLoss() {
        MultiLayerNetwork network = network(InputEncoding.ONEHOT);
        INDArray mask = Nd4j.ones(DataType.FLOAT, ROWS, TIME);
        mask.putScalar(0, 3, 0);
        mask.putScalar(2, 10, 0);
        mask.putScalar(1, 5, 0.5);
        double expected = dl4jLoss(network, OneHot.sequences(x, VOCABULARY), y, mask);
        double loss = new GemmLstmEvaluation(network, 4)
                .negativeLogLikelihood(batch(OneHot.sequences(x, VOCABULARY), OneHot.sequences(y, VOCABULARY), mask));
        assertEquals(expected, loss, 1e-4 * expected);
    }

    @Test
    void consecutiveCallsWithTheSameRowsCarryTheStateAndResetStateDropsIt() {
        MultiLayerNetwork network = network(InputEncoding.ONEHOT);
        INDArray features = OneHot.sequences(x, VOCABULARY);
        INDArray labels = OneHot.sequences(y, VOCABULARY);
        GemmLstmEvaluation evaluation = new GemmLstmEvaluation(network, 3);
        double whole = evaluation.negativeLogLikelihood(batch(features, labels, null));

        evaluation.resetState();
        double halves = evaluation.negativeLogLikelihood(batch(firstSteps(features, 0, 6), firstSteps(labels, 0, 6), null))
                + evaluation.negativeLogLikelihood(batch(firstSteps(features, 6, TIME), firstSteps(labels, 6, TIME), null));
        assertEquals(whole, halves, 1e-4 * whole);

        evaluation.resetState();
        double secondHalfAlone = evaluation.negativeLogLikelihood(batch(firstSteps(features, 6, TIME), firstSteps(labels, 6, TIME), null));
        double firstHalf = new GemmLstmEvaluation(network, 3)
                .negativeLogLikelihood(batch(firstSteps(features, 0, 6), firstSteps(labels, 0, 6), null));
        assertTrue(Math.abs(whole - firstHalf - secondHalfAlone) > 1e-4, "the second half's loss depends on the state");
    }

    @Test
    void aBatchSplitIntoShardsGivesDl4jsLossEachCharactersLossAndCarriesTheState() {
        MultiLayerNetwork network = network(InputEncoding.ONEHOT);
        int rows = 10;   // two shards of 5 rows, computed at once
        int[][] features = ids(rows, TIME, 3);
        int[][] labels = ids(rows, TIME, 4);
        INDArray mask = Nd4j.ones(DataType.FLOAT, rows, TIME);
        mask.putScalar(7, 2, 0);
        double expected = dl4jLoss(network, OneHot.sequences(features, VOCABULARY), labels, mask);
        GemmLstmEvaluation evaluation = new GemmLstmEvaluation(network, 4);
        double[] perCharacter = new double[rows * TIME];
        double loss = evaluation.negativeLogLikelihood(batch(OneHot.sequences(features, VOCABULARY),
                OneHot.sequences(labels, VOCABULARY), mask), perCharacter);
        assertEquals(expected, loss, 1e-4 * expected);
        double masked = 0;
        for (int i = 0; i < perCharacter.length; i++) {
            masked += i == 7 * TIME + 2 ? 0 : perCharacter[i];
        }
        assertEquals(loss, masked, 1e-4 * loss, "each character's loss in its row's place");

        evaluation.resetState();
        INDArray x = OneHot.sequences(features, VOCABULARY);
        INDArray y = OneHot.sequences(labels, VOCABULARY);
        double whole = evaluation.negativeLogLikelihood(batch(x, y, null));
        evaluation.resetState();
        double halves = evaluation.negativeLogLikelihood(batch(firstSteps(x, 0, 6), firstSteps(y, 0, 6), null))
                + evaluation.negativeLogLikelihood(batch(firstSteps(x, 6, TIME), firstSteps(y, 6, TIME), null));
        assertEquals(whole, halves, 1e-4 * whole);
    }

    @Test
    void refusesWhatItCannotEvaluate() {
        MultiLayerNetwork network = network(InputEncoding.ONEHOT);
        assertThrows(IllegalArgumentException.class, () -> new GemmLstmEvaluation(network, 0));
        MultiLayerNetwork rnn = NetworkFactory.create(VOCABULARY, new CharRnnConfig(5, 1, 0, 0.01, 5, TIME, 3, CellType.RNN));
        assertFalse(GemmLstmEvaluation.supports(rnn));
        assertTrue(GemmLstmEvaluation.supports(network));
        assertThrows(IllegalArgumentException.class, () -> new GemmLstmEvaluation(rnn, 4));
        GemmLstmEvaluation evaluation = new GemmLstmEvaluation(network, 4);
        assertThrows(IllegalArgumentException.class, () -> evaluation.negativeLogLikelihood(batch(
                OneHot.sequences(x, VOCABULARY + 1), OneHot.sequences(y, VOCABULARY + 1), null)));
        assertThrows(IllegalArgumentException.class, () -> evaluation.negativeLogLikelihood(batch(
                OneHot.sequences(x, VOCABULARY), OneHot.sequences(new int[][]{y[0]}, VOCABULARY), null)));
    }

    private static double dl4jLoss(MultiLayerNetwork network, INDArray features, int[][] labels, INDArray mask) {
        network.rnnClearPreviousState();
        INDArray probabilities = network.output(features, false);
        double loss = 0;
        for (int r = 0; r < labels.length; r++) {
            for (int t = 0; t < labels[r].length; t++) {
                double weight = mask == null ? 1 : mask.getDouble(r, t);
                if (weight != 0) {
                    loss -= weight * Math.log(probabilities.getDouble(r, labels[r][t], t));
                }
            }
        }
        return loss;
    }

    private static INDArray firstSteps(INDArray sequences, long from, long to) {
        return sequences.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(from, to)).dup('f');
    }

    private static MultiLayerNetwork network(InputEncoding input) {
        CharRnnConfig config = new CharRnnConfig(8, 2, 0, 0.01, 5, TIME, 5, CellType.LSTM, input,
                input == InputEncoding.EMBEDDING ? 4 : 0);
        MultiLayerNetwork network = NetworkFactory.create(VOCABULARY, config);
        network.params().muli(3);   // weights as after training, so the state matters
        return network;
    }

    private static int[][] ids(int rows, int time, long seed) {
        Random random = new Random(seed);
        int[][] ids = new int[rows][time];
        for (int[] row : ids) {
            for (int t = 0; t < time; t++) {
                row[t] = random.nextInt(VOCABULARY);
            }
        }
        return ids;
    }

    /** A mini-batch in the formats its arrays are written in ([batch, 1, time]: ids). */
    private static CharBatch batch(INDArray features, INDArray labels, INDArray labelMask) {
        return new CharBatch(features, features.size(1) == 1 ? BatchFormat.IDS : BatchFormat.ONE_HOT, labels,
                labels.size(1) == 1 ? BatchFormat.IDS : BatchFormat.ONE_HOT, null, labelMask);
    }
}
