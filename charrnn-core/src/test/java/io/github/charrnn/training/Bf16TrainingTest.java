package io.github.charrnn.training;

import io.github.charrnn.batching.CharBatch;
import io.github.charrnn.batching.OneHot;
import io.github.charrnn.kernel.ProductPrecision;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkFactory;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Training with bfloat16 operands ({@link ProductPrecision#BF16}, the default on a CPU with AMX tiles): its gradient
 * is the single-precision gradient within bfloat16's rounding, and a network learns with it as it does without.
 */
class Bf16TrainingTest {

    private static final int VOCABULARY = 11;
    private static final int BATCH = 8;
    private static final int SEQ = 20;

    @BeforeEach
    void onlyWhereTheCpuMultipliesBfloat16() {
        assumeTrue(ProductPrecision.bf16Available(), "this CPU has no bfloat16 products");
    }

    @Test
    void theGradientIsTheSinglePrecisionGradientWithinBfloat16Rounding() {
        DataSet segment = textBatch(new SplittableRandom(1), SEQ);
        float[] exact = gradient(segment, ProductPrecision.FP32);
        float[] rounded = gradient(segment, ProductPrecision.BF16);
        double difference = 0;
        double norm = 0;
        for (int i = 0; i < exact.length; i++) {
            difference += (exact[i] - rounded[i]) * (double) (exact[i] - rounded[i]);
            norm += exact[i] * (double) exact[i];
        }
        // each operand rounded by at most 2^-9 relative: a few of those in the gradient's norm, nothing like a bug
        assertTrue(Math.sqrt(difference / norm) < 0.02, "relative difference " + Math.sqrt(difference / norm));
    }

    @Test
    void aNetworkLearnsAsWellWithBfloat16Operands() {
        double exact = lossAfterTraining(ProductPrecision.FP32);
        double rounded = lossAfterTraining(ProductPrecision.BF16);
        assertTrue(exact < 1.0, "single precision did not learn: " + exact);
        assertEquals(exact, rounded, 0.05 * exact, "loss after 60 steps, fp32 " + exact + ", bf16 " + rounded);
    }

    private static float[] gradient(DataSet segment, ProductPrecision precision) {
        MultiLayerNetwork network = network();
        new GemmLstmTraining(network, SEQ, 0, 1, precision).gradientOfLastSegment(CharBatch.of(segment, VOCABULARY));
        return network.getFlattenedGradients().toFloatVector();
    }

    /** The mean loss per character of the last 10 of 60 steps on a text where each character follows from the last. */
    private static double lossAfterTraining(ProductPrecision precision) {
        MultiLayerNetwork network = network();
        GemmLstmTraining training = new GemmLstmTraining(network, SEQ, 5, 1, precision);
        SplittableRandom random = new SplittableRandom(7);
        double[] last = {0};
        for (int step = 0; step < 60; step++) {
            boolean counted = step >= 50;
            training.fit(CharBatch.of(textBatch(random, SEQ), VOCABULARY), (rows, time, meanLoss) -> {
                if (counted) {
                    last[0] += meanLoss / 10;
                }
            });
        }
        return last[0];
    }

    private static MultiLayerNetwork network() {
        return NetworkFactory.create(VOCABULARY, new CharRnnConfig(32, 2, 0, 0.01, 5, SEQ, 3, CellType.LSTM));
    }

    /** Rows of a text in which the next character is the current one plus 1 or 2 (mod the vocabulary), at random. */
    private static DataSet textBatch(SplittableRandom random, int length) {
        int[][] x = new int[BATCH][length];
        int[][] y = new int[BATCH][length];
        for (int r = 0; r < BATCH; r++) {
            int c = random.nextInt(VOCABULARY);
            for (int t = 0; t < length; t++) {
                x[r][t] = c;
                c = (c + 1 + (random.nextInt(4) == 0 ? 1 : 0)) % VOCABULARY;
                y[r][t] = c;
            }
        }
        return new DataSet(OneHot.sequences(x, VOCABULARY), OneHot.sequences(y, VOCABULARY));
    }
}
