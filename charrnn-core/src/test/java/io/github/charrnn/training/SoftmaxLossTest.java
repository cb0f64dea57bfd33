package io.github.charrnn.training;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.kernel.OffHeapRows;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkFactory;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** SoftmaxLoss against -log softmax(x·W + b)[target] computed in doubles, row by row. */
class SoftmaxLossTest {

    private static final int HIDDEN = 6;

    @Test
    void sumsMinusLogTheTargetsProbabilityOverTheFirstRows() {
        Fixture f = new Fixture(5, 10, 3);
        int[] targets = {0, 4, 2, 1, 3, 3, 0, 1, 2, 4};
        double expected = 0;
        for (int r = 0; r < 7; r++) {
            expected -= Math.log(f.probabilities(r)[targets[r]]);
        }
        // the input has exactly the rows to sum ([rows, H], here a view); the labels may have more
        INDArray firstRows = f.input.get(NDArrayIndex.interval(0, 7), NDArrayIndex.all());
        double oneHot = f.loss.negativeLogLikelihood(firstRows, f.oneHotLabels(targets), BatchFormat.ONE_HOT, null, 7);
        double ids = f.loss.negativeLogLikelihood(firstRows, f.idLabels(targets), BatchFormat.IDS, null, 7);
        assertEquals(expected, oneHot, 1e-4);
        assertEquals(expected, ids, 1e-4);
    }

    @Test
    void softTargetsWeighTheLogProbabilities() {
        Fixture f = new Fixture(3, 2, 5);
        OffHeapRows labels = new OffHeapRows(2, 3);
        labels.write(0, 2, new float[]{0.5f, 0.5f, 0, 0.2f, 0.2f, 0.6f});
        double[] p0 = f.probabilities(0);
        double[] p1 = f.probabilities(1);
        double expected = -(0.5 * Math.log(p0[0]) + 0.5 * Math.log(p0[1]))
                - (0.2 * Math.log(p1[0]) + 0.2 * Math.log(p1[1]) + 0.6 * Math.log(p1[2]));
        assertEquals(expected, f.loss.negativeLogLikelihood(f.input, labels, BatchFormat.ONE_HOT, null, 2), 1e-4);
    }

    @Test
    void rowWeightsScaleEachRowAndRowsOfWeightZeroAreSkipped() {
        Fixture f = new Fixture(4, 3, 7);
        int[] targets = {1, 99, 3};   // row 1's id is out of range, but its weight is 0
        OffHeapRows weights = new OffHeapRows(3, 1);
        weights.write(0, 3, new float[]{2, 0, 0.5f});
        double expected = -2 * Math.log(f.probabilities(0)[1]) - 0.5 * Math.log(f.probabilities(2)[3]);
        assertEquals(expected, f.loss.negativeLogLikelihood(f.input, f.idLabels(targets), BatchFormat.IDS, weights, 3), 1e-4);
        assertThrows(IllegalArgumentException.class,
                () -> f.loss.negativeLogLikelihood(f.input, f.idLabels(targets), BatchFormat.IDS, null, 3));
    }

    /** Enough rows for several parallel blocks: the same sum as row by row, and the same on every call. */
    @Test
    void manyRowsSumInBlocksToTheSameLoss() {
        Fixture f = new Fixture(64, 4096, 9);
        int[] targets = new int[4096];
        Random random = new Random(1);
        for (int r = 0; r < targets.length; r++) {
            targets[r] = random.nextInt(64);
        }
        double expected = 0;
        for (int r = 0; r < targets.length; r++) {
            expected -= Math.log(f.probabilities(r)[targets[r]]);
        }
        OffHeapRows labels = f.idLabels(targets);
        double first = f.loss.negativeLogLikelihood(f.input, labels, BatchFormat.IDS, null, targets.length);
        assertEquals(expected, first, Math.abs(expected) * 1e-5);
        assertEquals(first, f.loss.negativeLogLikelihood(f.input, labels, BatchFormat.IDS, null, targets.length));
    }

    /** A one-layer network's output layer, random input rows and their probabilities in doubles. */
    private static final class Fixture {
        final int classes;
        final INDArray input;
        final SoftmaxLoss loss;
        final INDArray weights;
        final INDArray bias;

        Fixture(int classes, int rows, long seed) {
            this.classes = classes;
            MultiLayerNetwork network = NetworkFactory.create(classes, new CharRnnConfig(HIDDEN, 1, 0, 0.01, 5, 4, seed, CellType.LSTM));
            Layer output = network.getLayer(1);
            Nd4j.getRandom().setSeed(seed);
            output.getParam("b").assign(Nd4j.rand(DataType.FLOAT, 1, classes).subi(0.5));
            weights = output.getParam("W");
            bias = output.getParam("b");
            input = Nd4j.rand(DataType.FLOAT, rows, HIDDEN).subi(0.5).muli(4);
            loss = new SoftmaxLoss(output, rows);
        }

        double[] probabilities(int row) {
            double[] logits = new double[classes];
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < classes; v++) {
                double z = bias.getDouble(v);
                for (int k = 0; k < HIDDEN; k++) {
                    z += input.getDouble(row, k) * weights.getDouble(k, v);
                }
                logits[v] = z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int v = 0; v < classes; v++) {
                logits[v] = Math.exp(logits[v] - max);
                sum += logits[v];
            }
            for (int v = 0; v < classes; v++) {
                logits[v] /= sum;
            }
            return logits;
        }

        OffHeapRows oneHotLabels(int[] targets) {
            OffHeapRows labels = new OffHeapRows(targets.length, classes);
            float[] row = new float[classes];
            for (int r = 0; r < targets.length; r++) {
                Arrays.fill(row, 0);
                row[targets[r]] = 1;
                labels.write(r, 1, row);
            }
            return labels;
        }

        OffHeapRows idLabels(int[] targets) {
            OffHeapRows labels = new OffHeapRows(targets.length, 1);
            float[] ids = new float[targets.length];
            for (int r = 0; r < targets.length; r++) {
                ids[r] = targets[r];
            }
            labels.write(0, targets.length, ids);
            return labels;
        }
    }
}
