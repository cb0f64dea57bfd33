package io.github.charrnn.training;

import io.github.charrnn.kernel.Bf16Matrix;
import io.github.charrnn.kernel.FloatMatrix;
import io.github.charrnn.kernel.Gemm;
import io.github.charrnn.kernel.LstmCellMath;
import io.github.charrnn.kernel.OffHeapRows;
import io.github.charrnn.kernel.ProductPrecision;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Map;

import static io.github.charrnn.kernel.LstmCellMath.A;
import static io.github.charrnn.kernel.LstmCellMath.F;
import static io.github.charrnn.kernel.LstmCellMath.I;
import static io.github.charrnn.kernel.LstmCellMath.O;

/**
 * One DL4J LSTM layer's forward and backward pass over a truncated-BPTT segment, computed on the layer's own
 * parameter and gradient arrays: the input projection of all time steps is one GEMM, each time step adds one
 * GEMM with the recurrent weights, and the gate math runs as Java loops over plain arrays. Backward mirrors it:
 * one GEMM per step for the recurrent gradient, and the weight gradients as one GEMM each over the whole segment.
 *
 * <p>The math is DL4J's LSTM (no peepholes) in its gate layout {@code [a, f, o, i]} of the {@code 4H} columns:
 * a = tanh(z_a) the block input, f, o, i sigmoid gates, c = f*c + i*a, h = o*tanh(c). The gradients it writes
 * are those of the loss summed over batch and time, as DL4J's backpropagation gives them
 * (GemmLstmTrainingTest checks them against DL4J and against finite differences). The hidden and cell state carry
 * from one segment to the next until {@link #resetState()}. Not thread-safe.
 *
 * <p>Within a step, each gate's values sit in an array of their own ([batch*H], row after row), as do the states
 * ({@link LstmCellMath} says why).
 */
final class LstmLayerPass {

    private final int inputSize;
    private final int hidden;
    private final int gateWidth;
    private final int batch;
    private final int units;                   // batch * hidden: the length of every per-step array
    private final INDArray inputWeights;       // [nIn, 4H]
    private final INDArray recurrentWeights;   // [H, 4H]
    private final INDArray bias;               // [1, 4H]
    private final INDArray inputWeightGradient;
    private final INDArray recurrentWeightGradient;
    private final INDArray biasGradient;

    // time-major rows: row t*batch + r is time step t of batch row r
    private final OffHeapRows gates;           // [T*B, 4H]: pre-activations, then activations, then their gradients
    private final OffHeapRows hs;              // [(T+1)*B, H]: block 0 the state coming in, block t+1 h after step t
    private final OffHeapRows cs;              // [(T+1)*B, H]: the same for c
    private final OffHeapRows tanhCs;          // [T*B, H]: tanh(c) after step t
    private final OffHeapRows inputGradient;   // [T*B, nIn], for the layer below
    private final OffHeapRows recurrentGradient; // [B, H]: dLoss/dh of the step before, from the step after

    private final float[][] stepGates;         // [4][B*H]: a, f, o, i of one step
    private final float[][] stepGateGradients; // [4][B*H]
    private final float[] stepH;
    private final float[] stepC;
    private final float[] stepTanhC;
    private final float[] stepGradient;        // dLoss/dh of one step
    private final float[] cellGradient;        // dLoss/dc carried back to the step before
    private final float[] stepCellGradient;    // dLoss/dc of one step
    private final float[] stepBiasGradient;    // [H]: one gate's bias gradient of one step
    private final boolean forwardOnly;
    private final ProductPrecision precision;
    private final Bf16Matrix recurrentCopy;    // the recurrent weights in bfloat16, for the time steps; null in fp32
    private int time;
    private int[] inputIds;                    // the last forward's symbol ids if its input was one-hot, else null
    private RowSumsById inputWeightSums;       // the input weights' gradient for ids, made on first use

    /**
     * A pass for training that writes the layer's parameter gradients into {@code gradients} (parameter name to
     * gradient array, laid out as DL4J's {@link GradientViews}).
     */
    LstmLayerPass(Layer layer, Map<String, INDArray> gradients, int batch, int maxTime, ProductPrecision precision) {
        this(layer, gradients, batch, maxTime, false, precision);
    }

    /**
     * @param forwardOnly true to keep only what {@link #forward} and {@link #carryState} need (for evaluation):
     *                    {@link #backward} may then not be called
     */
    LstmLayerPass(Layer layer, int batch, int maxTime, boolean forwardOnly) {
        this(layer, GradientViews.of(layer), batch, maxTime, forwardOnly, ProductPrecision.FP32);
    }

    private LstmLayerPass(Layer layer, Map<String, INDArray> gradients, int batch, int maxTime, boolean forwardOnly,
                          ProductPrecision precision) {
        this.precision = precision;
        Map<String, INDArray> params = layer.paramTable();
        this.inputWeights = params.get(LSTMParamInitializer.INPUT_WEIGHT_KEY);
        this.recurrentWeights = params.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY);
        this.bias = params.get(LSTMParamInitializer.BIAS_KEY);
        this.inputWeightGradient = gradients.get(LSTMParamInitializer.INPUT_WEIGHT_KEY);
        this.recurrentWeightGradient = gradients.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY);
        this.biasGradient = gradients.get(LSTMParamInitializer.BIAS_KEY);
        this.inputSize = (int) inputWeights.rows();
        this.hidden = (int) recurrentWeights.rows();
        this.gateWidth = 4 * hidden;
        this.batch = batch;
        this.units = batch * hidden;
        this.gates = new OffHeapRows((long) maxTime * batch, gateWidth);
        this.hs = new OffHeapRows((long) (maxTime + 1) * batch, hidden);
        this.cs = new OffHeapRows((long) (maxTime + 1) * batch, hidden);
        this.forwardOnly = forwardOnly;
        this.recurrentCopy = precision == ProductPrecision.BF16 ? new Bf16Matrix(FloatMatrix.of(recurrentWeights)) : null;
        this.tanhCs = forwardOnly ? null : new OffHeapRows((long) maxTime * batch, hidden);
        this.inputGradient = forwardOnly ? null : new OffHeapRows((long) maxTime * batch, inputSize);
        this.recurrentGradient = new OffHeapRows(batch, hidden);
        this.stepGates = new float[4][units];
        this.stepGateGradients = new float[4][units];
        this.stepH = new float[units];
        this.stepC = new float[units];
        this.stepTanhC = new float[units];
        this.stepGradient = new float[units];
        this.cellGradient = new float[units];
        this.stepCellGradient = new float[units];
        this.stepBiasGradient = new float[hidden];
        resetState();
    }

    /** Zero hidden and cell state, as at the start of a DL4J {@code fit(DataSet)}. */
    void resetState() {
        hs.zero();
        cs.zero();
    }

    /**
     * Runs {@code time} steps over {@code input} ([time*batch, nIn], time-major rows), starting from the carried
     * state, and returns the outputs h as a view [time*batch, H].
     */
    INDArray forward(INDArray input, int time) {
        this.time = time;
        this.inputIds = null;
        int rows = time * batch;
        Gemm.multiply(FloatMatrix.of(input), false, FloatMatrix.of(inputWeights), false, gates.block(0, rows), 1f, 0f,
                precision);
        return recur(time);
    }

    /**
     * {@link #forward(INDArray, int)} for a layer whose input is one-hot: given the symbol ids ([time*batch],
     * time-major), the input product is row {@code id} of the input weights, gathered instead of multiplied.
     */
    INDArray forward(int[] ids, int time) {
        this.time = time;
        this.inputIds = ids;
        Nd4j.pullRows(inputWeights, gates.rows(0, ids.length), 1, ids);
        return recur(time);
    }

    private INDArray recur(int time) {
        FloatMatrix recurrent = FloatMatrix.of(recurrentWeights);
        float[][] tiledBias = LstmCellMath.tileBias(bias.toFloatVector(), batch, hidden);
        cs.read(0, batch, stepC);
        if (recurrentCopy != null) {
            recurrentCopy.refresh();   // the weights changed since the last segment; backward uses this copy too
        }
        for (int t = 0; t < time; t++) {
            long first = (long) t * batch;
            if (recurrentCopy != null) {
                Gemm.multiply(hs.block(first, first + batch), false, recurrentCopy, false, gates.block(first, first + batch), 1f);
            } else {
                Gemm.multiply(hs.block(first, first + batch), false, recurrent, false, gates.block(first, first + batch), 1f, 1f);
            }
            gates.readSplit(first, batch, stepGates);
            LstmCellMath.activate(stepGates, tiledBias, units);
            LstmCellMath.updateCells(stepGates, stepC, stepTanhC, stepH, units);
            hs.write(first + batch, batch, stepH);
            cs.write(first + batch, batch, stepC);
            if (!forwardOnly) {
                gates.writeSplit(first, batch, stepGates);
                tanhCs.write(first, batch, stepTanhC);
            }
        }
        return hs.rows(batch, (long) (time + 1) * batch);
    }

    /**
     * Backpropagates the gradient of the outputs of the last {@link #forward} ({@code outputGradient},
     * [time*batch, H]) through the segment, writes the parameter gradients into the layer's gradient arrays
     * and returns the gradient of the input (its first time*batch rows) if {@code inputGradientWanted}, else null.
     * Gradients do not flow into the state that came in (truncated BPTT).
     */
    OffHeapRows backward(OffHeapRows outputGradient, INDArray input, boolean inputGradientWanted) {
        int rows = time * batch;
        double[] biasSums = new double[gateWidth];
        Arrays.fill(cellGradient, 0f);
        FloatMatrix recurrent = FloatMatrix.of(recurrentWeights);
        for (int t = time - 1; t >= 0; t--) {
            long first = (long) t * batch;
            gates.readSplit(first, batch, stepGates);
            cs.read(first, batch, stepC);             // c of the step before
            tanhCs.read(first, batch, stepTanhC);
            outputGradient.read(first, batch, stepGradient);
            if (t < time - 1) {
                recurrentGradient.read(0, batch, stepH);
                addInto(stepGradient, stepH);
            }
            gateGradients();
            addBiasGradients(biasSums);
            gates.writeSplit(first, batch, stepGateGradients);
            if (t > 0 && recurrentCopy != null) {
                Gemm.multiply(gates.block(first, first + batch), false, recurrentCopy, true, recurrentGradient.block(), 0f);
            } else if (t > 0) {
                Gemm.multiply(gates.block(first, first + batch), false, recurrent, true, recurrentGradient.block(), 1f, 0f);
            }
        }
        FloatMatrix preActivationGradients = gates.block(0, rows);
        Gemm.multiply(hs.block(0, rows), true, preActivationGradients, false, FloatMatrix.of(recurrentWeightGradient), 1f, 0f,
                precision);
        if (inputIds == null) {
            Gemm.multiply(FloatMatrix.of(input), true, preActivationGradients, false, FloatMatrix.of(inputWeightGradient), 1f, 0f,
                    precision);
        } else {
            if (inputWeightSums == null) {
                inputWeightSums = new RowSumsById(inputSize, gateWidth);
            }
            inputWeightSums.sum(gates, inputIds, inputWeightGradient);   // gates now hold their gradients
        }
        float[] biasValues = new float[gateWidth];
        for (int k = 0; k < gateWidth; k++) {
            biasValues[k] = (float) biasSums[k];
        }
        biasGradient.assign(Nd4j.createFromArray(biasValues).reshape(biasGradient.shape()));
        if (!inputGradientWanted) {
            return null;
        }
        if (inputIds != null) {
            throw new IllegalStateException("A layer fed symbol ids has no input gradient.");
        }
        Gemm.multiply(preActivationGradients, false, FloatMatrix.of(inputWeights), true, inputGradient.block(0, rows), 1f, 0f,
                precision);
        return inputGradient;
    }

    private static void addInto(float[] sum, float[] addend) {
        for (int j = 0; j < sum.length; j++) {
            sum[j] += addend[j];
        }
    }

    /**
     * Pre-activation gradients of one step from its activations, and the cell gradient for the step before; one
     * loop per result, so that each is vectorised ({@link LstmCellMath}).
     */
    private void gateGradients() {
        float[] a = stepGates[A];
        float[] f = stepGates[F];
        float[] o = stepGates[O];
        float[] i = stepGates[I];
        float[] tc = stepTanhC;
        float[] dh = stepGradient;
        float[] dc = stepCellGradient;
        for (int j = 0; j < units; j++) {
            dc[j] = dh[j] * o[j] * (1 - tc[j] * tc[j]) + cellGradient[j];
        }
        for (int j = 0; j < units; j++) {
            cellGradient[j] = dc[j] * f[j];
        }
        float[] da = stepGateGradients[A];
        for (int j = 0; j < units; j++) {
            da[j] = dc[j] * i[j] * (1 - a[j] * a[j]);
        }
        float[] df = stepGateGradients[F];
        for (int j = 0; j < units; j++) {
            df[j] = dc[j] * stepC[j] * f[j] * (1 - f[j]);
        }
        float[] dO = stepGateGradients[O];
        for (int j = 0; j < units; j++) {
            dO[j] = dh[j] * tc[j] * o[j] * (1 - o[j]);
        }
        float[] di = stepGateGradients[I];
        for (int j = 0; j < units; j++) {
            di[j] = dc[j] * a[j] * i[j] * (1 - i[j]);
        }
    }

    private void addBiasGradients(double[] biasSums) {
        for (int q = 0; q < 4; q++) {
            float[] gradient = stepGateGradients[q];
            Arrays.fill(stepBiasGradient, 0f);
            for (int r = 0; r < batch; r++) {
                int from = r * hidden;
                for (int k = 0; k < hidden; k++) {
                    stepBiasGradient[k] += gradient[from + k];
                }
            }
            for (int k = 0; k < hidden; k++) {
                biasSums[q * hidden + k] += stepBiasGradient[k];
            }
        }
    }

    /** The hidden ({@code cell} false) or cell state the next forward starts from: [batch, H], row after row. */
    float[] state(boolean cell) {
        float[] values = new float[units];
        (cell ? cs : hs).read(0, batch, values);
        return values;
    }

    /** Sets the hidden or cell state the next forward starts from to {@code values[from, from + batch*H)}. */
    void setState(boolean cell, float[] values, int from) {
        (cell ? cs : hs).write(0, batch, java.util.Arrays.copyOfRange(values, from, from + units));
    }

    /** Values in one of {@link #state}'s arrays: batch times hidden size. */
    int stateSize() {
        return units;
    }

    /** Makes the state after the last forward segment the state coming into the next one. */
    void carryState() {
        hs.copyRows((long) time * batch, 0, batch, stepH);   // stepH is free scratch between passes
        cs.copyRows((long) time * batch, 0, batch, stepH);
    }
}
