package io.github.charrnn.training;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.batching.CharBatch;
import io.github.charrnn.kernel.OffHeapRows;
import io.github.charrnn.runtime.NativeThreads;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

/**
 * The loss of a network on mini-batches, computed with the forward pass of {@link GemmLstmTraining} ({@link LstmLayerPass}:
 * one GEMM for a chunk's input projection and one per time step) and {@link SoftmaxLoss}, instead of DL4J's
 * {@code rnnTimeStep}. It computes what inference computes: no dropout, the network's current parameters.
 *
 * <p>The recurrent state carries from one time chunk to the next and from one call to the next while the number of
 * rows stays the same (rows r of consecutive mini-batches continue each other); a call with another number of
 * rows, and {@link #resetState()}, start from a zero state. The network's own recurrent state ({@code rnnTimeStep}'s)
 * is not used.
 *
 * <p>A mini-batch of 8 rows or more is split into shards of rows computed at once, each with one BLAS thread and
 * its own core, as {@link GemmLstmTraining} splits it ({@code -Dcharrnn.trainingShards=1} keeps it whole); the
 * loss is the sum of theirs.
 *
 * <p>Each call cuts the time axis into chunks of at most {@code chunkLength} steps and {@value #MAX_CHUNK_ROWS} rows
 * (time steps × rows), so memory does not grow with the mini-batch's length. Part of charrnn's internals (public for
 * {@code io.github.charrnn.evaluation.Evaluator}), not of its stable API. Not thread-safe, and nothing may train the
 * network during a call.
 */
public final class GemmLstmEvaluation {

    /**
     * At most this many rows (time steps × mini-batch rows) per chunk: 32 MB of gate values per layer of 512 units.
     * At batch 128 as fast as whole 100-step segments (12,800 rows) or faster, in a third of the memory.
     */
    static final int MAX_CHUNK_ROWS = 1 << 12;

    private final MultiLayerNetwork network;
    private final int chunkLength;
    private final int firstRecurrent;   // 1 after an embedding layer, else 0
    private final int recurrentLayers;
    private int batch;                  // rows of the parts below; 0 before the first call
    private Rows[] parts;               // the batch's rows, whole or in shards computed at once
    private ShardThreads threads;

    /**
     * Prepares the evaluation of {@code network}; buffers are made on the first call. The network's gradient array
     * is created if it has none (the layer passes address the parameters through the same views as training).
     *
     * @param chunkLength time steps per chunk, for example the model's sequence length
     * @throws IllegalArgumentException if {@link #supports} is false for the network or chunkLength is below 1
     */
    public GemmLstmEvaluation(MultiLayerNetwork network, int chunkLength) {
        if (!supports(network)) {
            throw new IllegalArgumentException("The GEMM-based evaluation supports an optional embedding layer, LSTM"
                    + " layers and a softmax output layer only, on the CPU.");
        }
        if (chunkLength < 1) {
            throw new IllegalArgumentException("The chunk length must be at least 1, got " + chunkLength + ".");
        }
        this.network = network;
        this.chunkLength = chunkLength;
        this.firstRecurrent = network.getLayer(0).conf().getLayer() instanceof EmbeddingSequenceLayer ? 1 : 0;
        this.recurrentLayers = network.getnLayers() - 1 - firstRecurrent;
        if (network.getFlattenedGradients() == null) {
            network.initGradientsView();
        }
    }

    /**
     * Whether this class can evaluate the network: the networks {@link GemmLstmTraining} trains (CPU backend,
     * optional embedding, LSTM layers, softmax output); their dropout does not apply in evaluation.
     */
    public static boolean supports(MultiLayerNetwork network) {
        return GemmLstmTraining.supports(network);
    }

    /** Makes the next call start from a zero state. */
    public void resetState() {
        if (parts != null) {
            for (Rows part : parts) {
                part.resetState();
            }
        }
    }

    /**
     * The negative log-likelihood of the labels, summed over rows and time, continuing from the state the last call
     * left if it had as many rows (else from a zero state). The batch's label mask, if any, weights each character's
     * loss (0 leaves it out); a feature mask is not read.
     *
     * @param batch features one-hot, or ids for a network with an embedding; labels one-hot (or target
     *              probabilities) or ids
     * @throws IllegalArgumentException if the batch does not fit the network
     */
    public double negativeLogLikelihood(CharBatch batch) {
        return negativeLogLikelihood(batch, null);
    }

    /**
     * As {@link #negativeLogLikelihood(CharBatch)}, also writing each character's loss (-ln p of its label;
     * unweighted by the mask) into {@code perCharacter}, row r's time step t at {@code r * length + t} (null: not
     * written).
     *
     * @throws IllegalArgumentException if the batch does not fit the network, or perCharacter is shorter than
     *                                  rows × length
     */
    public double negativeLogLikelihood(CharBatch batch, double[] perCharacter) {
        checkShapes(batch);
        if (perCharacter != null && perCharacter.length < batch.rows() * batch.length()) {
            throw new IllegalArgumentException("The array for the losses of " + batch.rows() * batch.length()
                    + " characters holds only " + perCharacter.length + ".");
        }
        int rows = (int) batch.rows();
        prepare(rows);
        INDArray x = asFloat(batch.features());
        INDArray y = asFloat(batch.labels());
        INDArray mask = batch.labelMask() == null ? null : asFloat(batch.labelMask());
        if (parts.length == 1) {
            return parts[0].negativeLogLikelihood(x, y, mask, batch, perCharacter);
        }
        double[] sums = new double[parts.length];
        try (NativeThreads.Share ignored = threads.parallel() ? NativeThreads.shareBlasAmong(parts.length) : () -> { }) {
            threads.forEach(parts.length, k -> {
                ShardRows range = parts[k].range;
                INDArrayIndex mine = NDArrayIndex.interval(range.from(), range.from() + range.count());
                sums[k] = parts[k].negativeLogLikelihood(x.get(mine, NDArrayIndex.all(), NDArrayIndex.all()),
                        y.get(mine, NDArrayIndex.all(), NDArrayIndex.all()),
                        mask == null ? null : mask.get(mine, NDArrayIndex.all()), batch, perCharacter);
            });
        }
        double sum = 0;
        for (double part : sums) {
            sum += part;
        }
        return sum;
    }

    /** The formats were decided where the batch was made; this checks that they fit this network. */
    private void checkShapes(CharBatch batch) {
        int inputs = (int) network.layerInputSize(0);
        int classes = (int) network.layerSize(network.getnLayers() - 1);
        INDArray features = batch.features();
        INDArray labels = batch.labels();
        INDArray labelMask = batch.labelMask();
        boolean featuresFit = batch.featureFormat().fits(features, inputs) && features.size(0) > 0
                && (batch.featureFormat() == BatchFormat.ONE_HOT || firstRecurrent == 1);
        boolean labelsFit = batch.labelFormat().fits(labels, classes) && labels.size(0) == features.size(0)
                && labels.size(2) == features.size(2);
        boolean maskFits = labelMask == null || labelMask.length() == features.size(0) * features.size(2);
        if (!featuresFit || !labelsFit || !maskFits) {
            throw new IllegalArgumentException("Mini-batches to evaluate must be features and labels of shape [batch, "
                    + inputs + ", time] (one-hot) or [batch, 1, time] (ids; features only with embedding input), and a"
                    + " label mask, if any, [batch, time]; got features " + Arrays.toString(features.shape())
                    + " (" + batch.featureFormat() + "), labels " + Arrays.toString(labels.shape())
                    + " (" + batch.labelFormat() + ")"
                    + (labelMask == null ? "" : ", mask " + Arrays.toString(labelMask.shape())) + ".");
        }
    }

    private static INDArray asFloat(INDArray array) {
        return array.dataType() == DataType.FLOAT ? array : array.castTo(DataType.FLOAT);
    }

    private void prepare(int rows) {
        if (parts != null && rows == batch) {
            return;
        }
        batch = rows;
        ShardRows[] ranges = ShardRows.split(rows, GemmLstmTraining.shardsFor(rows, GemmLstmTraining.configuredShards()));
        parts = new Rows[ranges.length];
        for (int k = 0; k < ranges.length; k++) {
            parts[k] = new Rows(ranges[k]);
        }
        threads = new ShardThreads(ranges.length, Runtime.getRuntime().availableProcessors() > 1);
    }

    /**
     * The passes for one range of a mini-batch's rows, with the state they carry: the whole batch, or one of the
     * shards computed at once (one BLAS thread and one core each, as in training).
     */
    private final class Rows {
        private final ShardRows range;
        private final int chunk;                 // time steps per chunk for this many rows
        private final LstmLayerPass[] passes;
        private final EmbeddingPass embedding;   // null for one-hot input
        private final SoftmaxLoss output;

        Rows(ShardRows range) {
            this.range = range;
            int rows = range.count();
            this.chunk = Math.max(1, Math.min(chunkLength, MAX_CHUNK_ROWS / rows));
            long maxRows = (long) chunk * rows;
            Layer[] all = network.getLayers();
            this.embedding = firstRecurrent == 0 ? null : new EmbeddingPass(all[0], maxRows);
            this.passes = new LstmLayerPass[recurrentLayers];
            for (int l = 0; l < recurrentLayers; l++) {
                passes[l] = new LstmLayerPass(all[firstRecurrent + l], rows, chunk, true);
            }
            this.output = new SoftmaxLoss(all[all.length - 1], maxRows);
        }

        void resetState() {
            for (LstmLayerPass pass : passes) {
                pass.resetState();
            }
        }

        /** The loss of these rows ({@code x}, {@code y}, {@code mask}: their rows only), losses into their places. */
        double negativeLogLikelihood(INDArray x, INDArray y, INDArray labelMask, CharBatch batch, double[] perCharacter) {
            int rows = range.count();
            long length = batch.length();
            INDArray mask = labelMask == null ? null : labelMask.reshape(rows, 1, length);
            double sum = 0;
            for (long from = 0; from < length; from += chunk) {
                int time = (int) Math.min(chunk, length - from);
                // one-hot input: the first layer gathers rows of its weights by symbol id (no one-hot product)
                INDArray activations = embedding == null
                        ? passes[0].forward(SegmentIds.of(x, batch.featureFormat(), from, time), time)
                        : passes[0].forward(embedding.forward(x, batch.featureFormat(), from, time), time);
                passes[0].carryState();   // writes the rows before those of the returned activations
                for (int l = 1; l < passes.length; l++) {
                    activations = passes[l].forward(activations, time);
                    passes[l].carryState();
                }
                double[] rowLosses = perCharacter == null ? null : new double[time * rows];
                OffHeapRows targets = OffHeapRows.timeMajor(y, from, time);
                OffHeapRows targetMask = mask == null ? null : OffHeapRows.timeMajor(mask, from, time);
                sum += output.negativeLogLikelihood(activations, targets, batch.labelFormat(), targetMask, time * rows, rowLosses);
                targets.release();
                if (targetMask != null) {
                    targetMask.release();
                }
                if (perCharacter != null) {
                    for (int t = 0; t < time; t++) {
                        for (int r = 0; r < rows; r++) {
                            perCharacter[(int) ((range.from() + r) * length + from + t)] = rowLosses[t * rows + r];
                        }
                    }
                }
            }
            return sum;
        }
    }
}
