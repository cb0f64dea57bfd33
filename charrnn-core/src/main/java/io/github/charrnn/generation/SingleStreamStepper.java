package io.github.charrnn.generation;

import io.github.charrnn.kernel.GateFunctions;
import io.github.charrnn.kernel.LstmCellMath;
import io.github.charrnn.kernel.SpinningHelper;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.NetworkLayout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The trained network's forward step for ONE stream, run over plain float arrays instead of ND4J: at batch size
 * one, ND4J's cost per operation, not arithmetic, is what limits {@code rnnTimeStep}, and BLAS's matrix-vector
 * product is slower still than a vectorised Java loop. Runs on shared {@link StreamWeights} and holds the recurrent
 * state of one stream. Gives the same next-character probabilities as DL4J's {@code rnnTimeStep} to within float
 * rounding (SingleStreamStepperTest). With a {@link SpinningHelper}, a second thread computes half of the gates of
 * every layer. LSTM gate math as {@link LstmCellMath}; SimpleRnn: h = tanh(x W + h RW + b). Not thread-safe: one
 * stepper per generation.
 */
final class SingleStreamStepper {

    private final StreamWeights w;
    private final float[][] inputs;        // per layer: layer 0 h, above [h below | h]
    private final float[][] c;
    private final float[][] gates;         // [gate][H]
    private final float[] tanhC;
    private final float[] h;
    private final float[] logits;
    private final float[] probabilities;
    private final IntConsumer helperShare;
    private SpinningHelper helper;

    /** A stepper with its own copy of the network's weights. */
    SingleStreamStepper(MultiLayerNetwork network, CellType cellType, NetworkLayout layout, int hidden, int vocabulary) {
        this(new StreamWeights(network, cellType, layout, hidden, vocabulary));
    }

    /** A stepper in the zero state over shared weights. */
    SingleStreamStepper(StreamWeights weights) {
        this.w = weights;
        inputs = new float[w.layers][];
        c = new float[w.layers][w.hidden];
        for (int l = 0; l < w.layers; l++) {
            inputs[l] = new float[l == 0 ? w.hidden : 2 * w.hidden];
        }
        gates = new float[w.gateCount][w.hidden];
        tanhC = new float[w.hidden];
        h = new float[w.hidden];
        logits = new float[w.vocabulary];
        probabilities = new float[w.vocabulary];
        // the helper's one int argument packs (layer, id)
        helperShare = layerAndId -> computeGates(layerAndId / w.vocabulary, layerAndId % w.vocabulary,
                w.gateCount / 2, w.gateCount);
    }

    /** Back to the zero state of a new stream. */
    void reset() {
        for (int l = 0; l < inputs.length; l++) {
            Arrays.fill(inputs[l], 0f);
            Arrays.fill(c[l], 0f);
        }
    }

    /** Takes over {@code other}'s recurrent state (a stepper over the same weights), as a beam search branches. */
    void copyStateFrom(SingleStreamStepper other) {
        for (int l = 0; l < inputs.length; l++) {
            System.arraycopy(other.inputs[l], 0, inputs[l], 0, inputs[l].length);
            System.arraycopy(other.c[l], 0, c[l], 0, c[l].length);
        }
    }

    /**
     * Feeds one character and returns the probabilities of the next one. The returned array is reused by the
     * next call.
     */
    float[] step(int id) {
        int layers = inputs.length;
        boolean split = helper != null && w.gateCount > 1;
        for (int l = 0; l < layers; l++) {
            if (split) {
                // the helper computes the second half of the gates while this thread computes the first
                helper.request(helperShare, l * w.vocabulary + id);
                computeGates(l, id, 0, w.gateCount / 2);
                helper.await();
            } else {
                computeGates(l, id, 0, w.gateCount);
            }
            if (w.cellType == CellType.LSTM) {
                LstmCellMath.activate(gates, w.biases[l], w.hidden);
                LstmCellMath.updateCells(gates, c[l], tanhC, h, w.hidden);
            } else {
                addBias(gates[0], w.biases[l][0]);
                GateFunctions.tanhInPlace(gates[0], w.hidden);
                System.arraycopy(gates[0], 0, h, 0, w.hidden);
            }
            System.arraycopy(h, 0, inputs[l], l == 0 ? 0 : w.hidden, w.hidden);
            if (l + 1 < layers) {
                System.arraycopy(h, 0, inputs[l + 1], 0, w.hidden);
            }
        }
        Arrays.fill(logits, 0f);
        addProduct(logits, h, w.outputWeights);
        CellMath.softmax(logits, 0, w.outputBias, probabilities);
        return probabilities;
    }

    /**
     * Lets a second thread compute half of every layer's gates in the following steps (null: this thread
     * computes all). Reading the weights is what bounds one stream, and two cores read about twice as fast as one.
     */
    void useHelper(SpinningHelper helper) {
        this.helper = helper;
    }

    /** gates[q] = (layer 0: W row of the input character) + input · weights, for gates q in [from, to). */
    private void computeGates(int l, int id, int from, int to) {
        for (int q = from; q < to; q++) {
            if (l == 0) {
                System.arraycopy(w.firstInput[q][id], 0, gates[q], 0, w.hidden);
            } else {
                Arrays.fill(gates[q], 0f);
            }
            addProduct(gates[q], inputs[l], w.weights[l][q]);
        }
    }

    private static void addBias(float[] values, float[] bias) {
        for (int k = 0; k < values.length; k++) {
            values[k] += bias[k];
        }
    }

    /**
     * target += x · rows, rows[i] being the weights from input i. Four rows per pass, so that each element of
     * target is loaded and stored once per four rows; every array is indexed alike, so the JIT vectorises it.
     */
    private static void addProduct(float[] target, float[] x, float[][] rows) {
        int width = target.length;
        int i = 0;
        for (; i + 4 <= x.length; i += 4) {
            float x0 = x[i];
            float x1 = x[i + 1];
            float x2 = x[i + 2];
            float x3 = x[i + 3];
            float[] r0 = rows[i];
            float[] r1 = rows[i + 1];
            float[] r2 = rows[i + 2];
            float[] r3 = rows[i + 3];
            for (int k = 0; k < width; k++) {
                target[k] += x0 * r0[k] + x1 * r1[k] + x2 * r2[k] + x3 * r3[k];
            }
        }
        for (; i < x.length; i++) {
            float xi = x[i];
            float[] row = rows[i];
            for (int k = 0; k < width; k++) {
                target[k] += xi * row[k];
            }
        }
    }
}
