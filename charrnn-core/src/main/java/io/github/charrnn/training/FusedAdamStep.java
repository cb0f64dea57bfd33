package io.github.charrnn.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * One optimizer step of {@link GemmLstmTraining} in two passes over the arrays, split between the shard threads:
 * the shards' gradients added up with their squared norm, then per element the clipping scale and DL4J's division
 * by the batch, Adam, and the parameter step. It is the arithmetic of {@link GlobalNormClipping#clip}, DL4J's
 * {@code MultiLayerUpdater.update} with its Adam updater (libnd4j's formula, in float, on DL4J's own state arrays:
 * each updater block's view holds m, then v) and {@code params -= update}, without the dozen ND4J operations on one
 * thread that cost 4.5 ms a step at 2 × 128 (11 % of the step) and 25 ms at 2 × 512.
 *
 * <p>Only for networks whose updater blocks are all Adam, with no regularization or gradient normalization; and
 * only once DL4J has set its updater up (its first update does that), so {@link #apply} says when the caller must
 * use DL4J's updater instead. The learning rate comes from the Adam configuration for the iteration and epoch, so a
 * schedule there applies. Not thread-safe.
 */
final class FusedAdamStep {

    private static final int CHUNK = 4096;

    private final MultiLayerNetwork network;
    private final BaseMultiLayerUpdater<?> updater;

    private FusedAdamStep(MultiLayerNetwork network, BaseMultiLayerUpdater<?> updater) {
        this.network = network;
        this.updater = updater;
    }

    /** The fused step for {@code network}, or null where its updater or layers need DL4J's own update. */
    static FusedAdamStep forNetwork(MultiLayerNetwork network) {
        if (!(network.getUpdater() instanceof BaseMultiLayerUpdater<?> updater) || !network.conf().isMiniBatch()
                || network.params().dataType() != DataType.FLOAT || network.params().elementWiseStride() != 1) {
            return null;
        }
        for (Layer layer : network.getLayers()) {
            if (!(layer.conf().getLayer() instanceof BaseLayer config) || !(config.getIUpdater() instanceof Adam)
                    || (config.getBiasUpdater() != null && !(config.getBiasUpdater() instanceof Adam))
                    || (config.getRegularization() != null && !config.getRegularization().isEmpty())
                    || (config.getRegularizationBias() != null && !config.getRegularizationBias().isEmpty())
                    || (config.getGradientNormalization() != null && config.getGradientNormalization() != GradientNormalization.None)) {
                return null;
            }
        }
        return new FusedAdamStep(network, updater);
    }

    /**
     * Adds {@code others} (gradient arrays laid out as the network's; null entries are skipped) into the network's
     * gradient, then clips and applies it as {@link GlobalNormClipping#clip} and DL4J's Adam would, and steps the
     * parameters; returns false, having only added the gradients, where DL4J's updater has not been set up yet.
     *
     * @param rows      rows of the mini-batch
     * @param time      time steps of the segment
     * @param maxNorm   the global norm clip, 0 for none
     * @param parts     how many parts of the arrays {@code threads} works on at once
     */
    boolean apply(INDArray[] others, int rows, int time, double maxNorm, ShardThreads threads, int parts) {
        INDArray gradient = network.getFlattenedGradients();
        long length = gradient.length();
        FloatBuffer gradients = floats(gradient);
        FloatBuffer[] addends = new FloatBuffer[others.length];
        for (int k = 0; k < others.length; k++) {
            addends[k] = others[k] == null ? null : floats(others[k]);
        }
        double[] squares = new double[parts];
        threads.forEach(parts, k -> squares[k] = addAndSquare(gradients, addends, from(k, parts, length), from(k + 1, parts, length)));
        List<UpdaterBlock> blocks = updater.getUpdaterBlocks();
        for (UpdaterBlock block : blocks) {
            if (!(block.getGradientUpdater() instanceof AdamUpdater)) {
                Reference.reachabilityFence(others);
                return false;
            }
        }
        double squareSum = 0;
        for (double part : squares) {
            squareSum += part;
        }
        double scale = 1.0 / time;
        if (maxNorm > 0) {
            double meanLossNorm = Math.sqrt(squareSum) / ((double) rows * time);
            scale *= Math.min(1.0, maxNorm / (meanLossNorm + 1e-6));
        }
        float gradientScale = (float) (scale / rows);
        FloatBuffer params = floats(network.params());
        int iteration = network.getIterationCount();
        int epoch = network.getEpochCount();
        threads.forEach(parts, k -> {
            long partFrom = from(k, parts, length);
            long partTo = from(k + 1, parts, length);
            for (UpdaterBlock block : blocks) {
                long start = Math.max(partFrom, block.getParamOffsetStart());
                long end = Math.min(partTo, block.getParamOffsetEnd());
                if (start < end) {
                    adam(block, iteration, epoch, gradients, params, gradientScale, start, end);
                }
            }
        });
        Reference.reachabilityFence(gradient);
        Reference.reachabilityFence(others);
        Reference.reachabilityFence(network.params());
        Reference.reachabilityFence(updater.getStateViewArray());
        return true;
    }

    private static long from(int part, int parts, long length) {
        return length * part / parts;
    }

    /** gradient[from, to) += each addend's, returns the sum of the squares of the result. */
    private static double addAndSquare(FloatBuffer gradient, FloatBuffer[] addends, long from, long to) {
        float[] sum = new float[CHUNK];
        float[] addend = new float[CHUNK];
        double squares = 0;
        for (long at = from; at < to; at += CHUNK) {
            int index = (int) at;
            int count = (int) Math.min(CHUNK, to - at);
            gradient.get(index, sum, 0, count);
            for (FloatBuffer other : addends) {
                if (other != null) {
                    other.get(index, addend, 0, count);
                    for (int i = 0; i < count; i++) {
                        sum[i] += addend[i];
                    }
                }
            }
            float chunkSquares = 0;
            for (int i = 0; i < count; i++) {
                chunkSquares += sum[i] * sum[i];
            }
            squares += chunkSquares;
            gradient.put(index, sum, 0, count);
        }
        return squares;
    }

    /** Adam (libnd4j's formula) and the parameter step for parameters [start, end) of one updater block. */
    private static void adam(UpdaterBlock block, int iteration, int epoch, FloatBuffer gradients, FloatBuffer params,
                             float gradientScale, long start, long end) {
        Adam config = (Adam) block.getGradientUpdater().getConfig();
        float beta1 = (float) config.getBeta1();
        float beta2 = (float) config.getBeta2();
        float epsilon = (float) config.getEpsilon();
        float beta1T = (float) Math.pow(beta1, iteration + 1);
        float beta2T = (float) Math.pow(beta2, iteration + 1);
        float stepSize = (float) (config.getLearningRate(iteration, epoch) * Math.sqrt(1.0 - beta2T) / (1.0 - beta1T));
        if (Float.isNaN(stepSize) || Float.isInfinite(stepSize) || stepSize == 0) {
            stepSize = epsilon;
        }
        INDArray state = block.getUpdaterView();   // [m | v] of this block
        FloatBuffer stateFloats = floats(state);
        long blockStart = block.getParamOffsetStart();
        long half = (block.getParamOffsetEnd() - blockStart);
        float[] g = new float[CHUNK];
        float[] p = new float[CHUNK];
        float[] m = new float[CHUNK];
        float[] v = new float[CHUNK];
        for (long at = start; at < end; at += CHUNK) {
            int count = (int) Math.min(CHUNK, end - at);
            int inBlock = (int) (at - blockStart);
            gradients.get((int) at, g, 0, count);
            params.get((int) at, p, 0, count);
            stateFloats.get(inBlock, m, 0, count);
            stateFloats.get((int) (half + inBlock), v, 0, count);
            for (int i = 0; i < count; i++) {
                float gi = g[i] * gradientScale;
                float mi = beta1 * m[i] + gi * (1 - beta1);
                float vi = beta2 * v[i] + gi * gi * (1 - beta2);
                m[i] = mi;
                v[i] = vi;
                p[i] -= mi * stepSize / ((float) Math.sqrt(vi) + epsilon);
            }
            params.put((int) at, p, 0, count);
            stateFloats.put(inBlock, m, 0, count);
            stateFloats.put((int) (half + inBlock), v, 0, count);
        }
        Reference.reachabilityFence(state);
    }

    /** The array's elements from its first on, as floats (its view of ND4J's buffer, offset applied). */
    private static FloatBuffer floats(INDArray array) {
        if (array.elementWiseStride() != 1 || array.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("Expected a contiguous float array, got " + array.shapeInfoToString() + ".");
        }
        return array.data().asNioFloat().slice((int) array.offset(), (int) array.length());
    }
}
