package io.github.charrnn.training;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.kernel.OffHeapRows;
import io.github.charrnn.kernel.ProductPrecision;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkFactory;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The softmax output layer's loss and gradients against the formulas, computed with ND4J: p = softmax(xW + b). */
class SoftmaxOutputPassTest {

    private static final int HIDDEN = 5;
    private static final int CLASSES = 7;

    private final MultiLayerNetwork network = network();
    private final Layer output = network.getLayer(1);

    private static MultiLayerNetwork network() {
        MultiLayerNetwork network = NetworkFactory.create(CLASSES, new CharRnnConfig(HIDDEN, 1, 0, 0.01, 0, 4, 13, CellType.LSTM));
        network.params().muli(3);
        network.initGradientsView();
        return network;
    }

    @Test
    void lossAndGradientsForTargetIdsAndOneHotTargets() {
        int rows = 9;
        INDArray x = Nd4j.rand(DataType.FLOAT, rows, HIDDEN).subi(0.5).muli(2);
        int[] targets = targets(rows, 3);
        INDArray y = Nd4j.zeros(DataType.FLOAT, rows, CLASSES);
        for (int r = 0; r < rows; r++) {
            y.putScalar(r, targets[r], 1);
        }
        Expected expected = new Expected(x, y);

        SoftmaxOutputPass pass = new SoftmaxOutputPass(output, GradientViews.of(output), rows + 3, true, ProductPrecision.FP32);   // room for more rows
        assertEquals(expected.loss, pass.forwardBackward(x, idRows(targets), BatchFormat.IDS, rows), 1e-4 * expected.loss);
        expected.assertGradients(pass, rows);

        gradient(DefaultParamInitializer.WEIGHT_KEY).assign(0);
        assertEquals(expected.loss, pass.forwardBackward(x, offHeapRowsOf(y), BatchFormat.ONE_HOT, rows), 1e-4 * expected.loss);
        expected.assertGradients(pass, rows);
    }

    @Test
    void softTargetsAndManyRowsInParallelBlocks() {
        int rows = 20_000;   // 140,000 logits: two blocks
        INDArray x = Nd4j.rand(DataType.FLOAT, rows, HIDDEN).subi(0.5);
        INDArray y = Nd4j.rand(DataType.FLOAT, rows, CLASSES);
        y.diviColumnVector(y.sum(1).reshape(rows, 1));   // each row sums to 1
        Expected expected = new Expected(x, y);
        for (boolean parallelRows : new boolean[]{true, false}) {   // the same result either way
            gradient(DefaultParamInitializer.WEIGHT_KEY).assign(0);
            SoftmaxOutputPass pass = new SoftmaxOutputPass(output, GradientViews.of(output), rows, parallelRows, ProductPrecision.FP32);
            assertEquals(expected.loss, pass.forwardBackward(x, offHeapRowsOf(y), BatchFormat.ONE_HOT, rows), 1e-4 * expected.loss);
            expected.assertGradients(pass, rows);
        }
    }

    @Test
    void anIdOutsideTheClassesIsRefused() {
        SoftmaxOutputPass pass = new SoftmaxOutputPass(output, GradientViews.of(output), 2, true, ProductPrecision.FP32);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, HIDDEN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pass.forwardBackward(x, idRows(new int[]{1, CLASSES}), BatchFormat.IDS, 2));
        assertEquals("Label id 7 is outside 0..6.", e.getMessage());
    }

    private INDArray gradient(String key) {
        return GradientViews.of(output).get(key);
    }

    /** Loss and gradients from the formulas. */
    private final class Expected {
        final double loss;
        final INDArray weightGradient;
        final INDArray biasGradient;
        final INDArray inputGradient;

        Expected(INDArray x, INDArray y) {
            INDArray w = output.getParam(DefaultParamInitializer.WEIGHT_KEY);
            INDArray b = output.getParam(DefaultParamInitializer.BIAS_KEY);
            INDArray p = Transforms.softmax(x.mmul(w).addiRowVector(b.reshape(CLASSES)), true);
            loss = -Transforms.log(p, true).muli(y).sumNumber().doubleValue();
            INDArray delta = p.mul(y.sum(1).reshape(x.rows(), 1)).subi(y);   // p * sum(y) - y
            weightGradient = x.transpose().mmul(delta);
            biasGradient = delta.sum(0);
            inputGradient = delta.mmul(w.transpose());
        }

        void assertGradients(SoftmaxOutputPass pass, int rows) {
            assertClose(weightGradient, gradient(DefaultParamInitializer.WEIGHT_KEY));
            assertClose(biasGradient.reshape(CLASSES), gradient(DefaultParamInitializer.BIAS_KEY).reshape(CLASSES));
            float[] ours = new float[rows * HIDDEN];
            pass.inputGradient().read(0, rows, ours);
            assertClose(inputGradient, Nd4j.createFromArray(ours).reshape(rows, HIDDEN));
        }
    }

    private static void assertClose(INDArray expected, INDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        float[] e = expected.dup('c').data().asFloat();
        float[] a = actual.dup('c').data().asFloat();
        float scale = 0;
        for (float v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-4f * Math.max(1, scale), "element " + i);
        }
    }

    private static OffHeapRows offHeapRowsOf(INDArray matrix) {
        OffHeapRows rows = new OffHeapRows(matrix.rows(), (int) matrix.columns());
        rows.write(0, (int) matrix.rows(), matrix.dup('c').data().asFloat());
        return rows;
    }

    private static OffHeapRows idRows(int[] targets) {
        OffHeapRows rows = new OffHeapRows(targets.length, 1);
        float[] ids = new float[targets.length];
        for (int r = 0; r < targets.length; r++) {
            ids[r] = targets[r];
        }
        rows.write(0, targets.length, ids);
        return rows;
    }

    private static int[] targets(int rows, long seed) {
        Random random = new Random(seed);
        int[] targets = new int[rows];
        for (int r = 0; r < rows; r++) {
            targets[r] = random.nextInt(CLASSES);
        }
        return targets;
    }
}
