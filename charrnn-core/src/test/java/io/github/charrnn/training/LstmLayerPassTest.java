package io.github.charrnn.training;

import io.github.charrnn.batching.OneHot;
import io.github.charrnn.kernel.OffHeapRows;
import io.github.charrnn.kernel.ProductPrecision;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkFactory;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One LSTM layer's forward and backward pass against DL4J's own layer, on a dense input and on symbol ids. */
class LstmLayerPassTest {

    private static final int BATCH = 3;
    private static final int TIME = 5;
    private static final int INPUTS = 4;
    private static final int HIDDEN = 6;

    private final MultiLayerNetwork network = network();
    private final Layer layer = network.getLayer(0);
    private final int[][] ids = ids();
    private final INDArray sequences = OneHot.sequences(ids, INPUTS);   // [BATCH, INPUTS, TIME]

    private static MultiLayerNetwork network() {
        MultiLayerNetwork network = NetworkFactory.create(INPUTS, new CharRnnConfig(HIDDEN, 1, 0, 0.01, 0, TIME, 6, CellType.LSTM));
        network.params().muli(3);   // larger weights than at initialisation: the state matters
        network.initGradientsView();
        return network;
    }

    @Test
    void forwardGivesDl4jsActivationsForDenseInputAndForIds() {
        INDArray expected = dl4jActivations(sequences);   // [BATCH, HIDDEN, TIME]
        LstmLayerPass pass = new LstmLayerPass(layer, GradientViews.of(layer), BATCH, TIME, ProductPrecision.FP32);
        assertTimeMajorEquals(expected, 0, pass.forward(timeMajor(sequences), TIME));
        pass.resetState();
        assertTimeMajorEquals(expected, 0, pass.forward(timeMajorIds(0, TIME), TIME));
        LstmLayerPass forwardOnly = new LstmLayerPass(layer, BATCH, TIME, true);
        assertTimeMajorEquals(expected, 0, forwardOnly.forward(timeMajorIds(0, TIME), TIME));
    }

    @Test
    void carryStateContinuesASequenceAndResetStateStartsAfresh() {
        INDArray expected = dl4jActivations(sequences);
        LstmLayerPass pass = new LstmLayerPass(layer, GradientViews.of(layer), BATCH, TIME, ProductPrecision.FP32);
        pass.forward(timeMajorIds(0, 2), 2);
        pass.carryState();
        assertTimeMajorEquals(expected, 2, pass.forward(timeMajorIds(2, TIME), TIME - 2));
        pass.resetState();
        INDArray fresh = dl4jActivations(slice(sequences, 2, TIME));
        assertTimeMajorEquals(fresh, 0, pass.forward(timeMajorIds(2, TIME), TIME - 2));
    }

    @Test
    void backwardGivesDl4jsParameterAndInputGradients() {
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, BATCH, HIDDEN, TIME).subi(0.5);
        layer.setInput(sequences, LayerWorkspaceMgr.noWorkspaces());
        layer.activate(true, LayerWorkspaceMgr.noWorkspaces());
        Pair<Gradient, INDArray> dl4j = layer.backpropGradient(epsilon, LayerWorkspaceMgr.noWorkspaces());
        INDArray inputWeights = dl4j.getFirst().getGradientFor(LSTMParamInitializer.INPUT_WEIGHT_KEY).dup();
        INDArray recurrentWeights = dl4j.getFirst().getGradientFor(LSTMParamInitializer.RECURRENT_WEIGHT_KEY).dup();
        INDArray bias = dl4j.getFirst().getGradientFor(LSTMParamInitializer.BIAS_KEY).dup();
        INDArray inputGradient = dl4j.getSecond().dup();
        for (INDArray gradient : new INDArray[]{inputWeights, recurrentWeights, bias, inputGradient}) {
            assertTrue(gradient.norm2Number().doubleValue() > 1e-3, "a gradient worth comparing");
        }

        OffHeapRows outputGradient = OffHeapRows.timeMajor(epsilon, 0, TIME);
        LstmLayerPass pass = new LstmLayerPass(layer, GradientViews.of(layer), BATCH, TIME, ProductPrecision.FP32);
        INDArray input = timeMajor(sequences);
        pass.forward(input, TIME);
        OffHeapRows ours = pass.backward(outputGradient, input, true);
        assertClose(inputWeights, GradientViews.of(layer).get(LSTMParamInitializer.INPUT_WEIGHT_KEY));
        assertClose(recurrentWeights, GradientViews.of(layer).get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY));
        assertClose(bias, GradientViews.of(layer).get(LSTMParamInitializer.BIAS_KEY));
        INDArray oursInput = Nd4j.create(DataType.FLOAT, BATCH * TIME, INPUTS);
        float[] row = new float[INPUTS];
        for (int r = 0; r < BATCH * TIME; r++) {
            ours.read(r, 1, row);
            oursInput.putRow(r, Nd4j.createFromArray(row));
        }
        assertClose(timeMajor(inputGradient), oursInput);

        // fed ids, the input weights' gradient is the same sum by symbol, and there is no input gradient
        GradientViews.of(layer).get(LSTMParamInitializer.INPUT_WEIGHT_KEY).assign(0);
        pass.resetState();
        pass.forward(timeMajorIds(0, TIME), TIME);
        assertNull(pass.backward(outputGradient, null, false));
        assertClose(inputWeights, GradientViews.of(layer).get(LSTMParamInitializer.INPUT_WEIGHT_KEY));
        pass.resetState();
        pass.forward(timeMajorIds(0, TIME), TIME);
        assertThrows(IllegalStateException.class, () -> pass.backward(outputGradient, null, true));
    }

    private INDArray dl4jActivations(INDArray input) {
        layer.setInput(input, LayerWorkspaceMgr.noWorkspaces());
        return layer.activate(false, LayerWorkspaceMgr.noWorkspaces()).dup();
    }

    /** Checks rows t*BATCH + r of {@code actual} against time step {@code from + t} of sequence r. */
    private static void assertTimeMajorEquals(INDArray expected, int from, INDArray actual) {
        int time = (int) actual.rows() / BATCH;
        for (int t = 0; t < time; t++) {
            for (int r = 0; r < BATCH; r++) {
                INDArray want = expected.get(NDArrayIndex.point(r),
                        NDArrayIndex.all(), NDArrayIndex.point(from + t));
                assertArrayEquals(want.toFloatVector(), actual.getRow((long) t * BATCH + r).toFloatVector(), 1e-5f,
                        "time " + (from + t) + ", row " + r);
            }
        }
    }

    private static void assertClose(INDArray expected, INDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        float[] e = expected.dup('c').data().asFloat();
        float[] a = actual.dup('c').data().asFloat();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-4f + 1e-3f * Math.abs(e[i]), "element " + i);
        }
    }

    private static INDArray timeMajor(INDArray sequences) {
        return sequences.permute(2, 0, 1).dup('c').reshape('c', sequences.size(2) * sequences.size(0), sequences.size(1));
    }

    private int[] timeMajorIds(int from, int to) {
        int[] out = new int[(to - from) * BATCH];
        for (int t = from; t < to; t++) {
            for (int r = 0; r < BATCH; r++) {
                out[(t - from) * BATCH + r] = ids[r][t];
            }
        }
        return out;
    }

    private static INDArray slice(INDArray sequences, int from, int to) {
        return sequences.get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(from, to)).dup('f');
    }

    private static int[][] ids() {
        Random random = new Random(12);
        int[][] ids = new int[BATCH][TIME];
        for (int[] row : ids) {
            for (int t = 0; t < TIME; t++) {
                row[t] = random.nextInt(INPUTS);
            }
        }
        return ids;
    }
}
