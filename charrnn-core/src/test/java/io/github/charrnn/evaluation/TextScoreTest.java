package io.github.charrnn.evaluation;

import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.InputEncoding;
import io.github.charrnn.model.NetworkFactory;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scoring: per-character losses that add up to what evaluation gives on the same stream, on the forward pass and
 * on rnnTimeStep alike, and that a prime only conditions.
 */
class TextScoreTest {

    private static final int VOCABULARY = 6;

    @Test
    void perCharacterLossesAddUpToTheEvaluationsLossOnBothPaths() {
        for (InputEncoding input : InputEncoding.values()) {
            MultiLayerNetwork network = NetworkFactory.create(VOCABULARY, new CharRnnConfig(8, 2, 0, 0.01, 5, 4, 3,
                    CellType.LSTM, input, 5));
            network.params().muli(3);
            int[] ids = new SplittableRandom(5).ints(1100, 0, VOCABULARY).toArray();   // two chunks of 1000
            EvaluationResult evaluated = new Evaluator(network, true).evaluate(ids, VOCABULARY);
            TextScore fast = new Evaluator(network, true).score(ids, 1, VOCABULARY);
            TextScore reference = new Evaluator(network, false).score(ids, 1, VOCABULARY);
            assertEquals(ids.length - 1, fast.characters());
            assertEquals(evaluated.loss(), fast.meanLoss(), 1e-9);
            for (int i = 0; i < fast.characters(); i += 97) {
                assertEquals(reference.loss(i), fast.loss(i), 1e-4, input + " character " + i);
            }
            // a prime conditions only: scoring from 700 gives the tail of the same losses
            TextScore tail = new Evaluator(network, true).score(ids, 700, VOCABULARY);
            assertEquals(ids.length - 700, tail.characters());
            assertEquals(fast.loss(699), tail.loss(0), 1e-9);
            assertEquals(fast.loss(fast.characters() - 1), tail.loss(tail.characters() - 1), 1e-9);
        }
    }

    @Test
    void theFiguresFollowFromTheLosses() {
        TextScore score = new TextScore(new double[]{Math.log(2), Math.log(8)});
        assertEquals(2, score.characters());
        assertEquals(Math.log(16), score.totalLoss(), 1e-12);
        assertEquals(2.0, score.bitsPerCharacter(), 1e-12);
        assertEquals(0.125, score.probability(1), 1e-12);
        assertTrue(Double.isNaN(new TextScore(new double[0]).meanLoss()));
        MultiLayerNetwork network = NetworkFactory.create(VOCABULARY, new CharRnnConfig(4, 1, 0, 0.01, 5, 4, 3, CellType.LSTM));
        assertThrows(IllegalArgumentException.class, () -> new Evaluator(network).score(new int[]{1, 2}, 0, VOCABULARY));
        assertThrows(IllegalArgumentException.class, () -> new Evaluator(network).score(new int[]{1, 2}, 2, VOCABULARY));
        assertThrows(IllegalArgumentException.class, () -> new Evaluator(network).score(new int[]{1, 9}, 1, VOCABULARY));
    }
}
