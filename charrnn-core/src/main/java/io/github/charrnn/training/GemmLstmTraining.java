package io.github.charrnn.training;

import io.github.charrnn.batching.CharBatch;
import io.github.charrnn.kernel.GemmLibrary;
import io.github.charrnn.kernel.OffHeapRows;
import io.github.charrnn.kernel.ProductPrecision;
import io.github.charrnn.model.OneHotToIds;
import io.github.charrnn.runtime.NativeThreads;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.LSTM;
import org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trains a network of DL4J LSTM layers (after an embedding layer, if it has one) and a softmax output layer with the same math as DL4J's truncated-BPTT
 * {@code fit(DataSet)}, but with far fewer and larger ND4J operations ({@link LstmLayerPass}): per segment, the
 * forward and backward passes write the gradient into the network's own gradient array, then the network's own
 * updater (Adam) and parameter step run exactly as in DL4J. The model stays a plain DL4J
 * {@link MultiLayerNetwork}; only the computation of the gradient is ours. Dropout is DL4J's inverted dropout on
 * the input of each layer that has it.
 *
 * <p>As in DL4J, the recurrent state starts at zero for every {@code DataSet} and carries from one segment of it
 * to the next, and each segment is one optimizer step. Not thread-safe.
 *
 * <p>A mini-batch of 8 rows or more is split into two shards of rows ({@link BatchShard}) whose gradients are
 * computed at once, each on one core with single-threaded BLAS, then added: at the sizes charrnn trains, two
 * independent halves keep both cores busier than one batch whose matrix products share two BLAS threads (and the
 * Java gate math between them runs on both cores too). The number of shards depends only on the batch size, not on
 * the machine, so a seeded run gives the same numbers on any machine; {@value #SHARDS_PROPERTY}{@code =1} turns
 * the split off.
 */
final class GemmLstmTraining {

    /** Called after every step with the rows, the time steps and the mean loss per character of the step. */
    interface StepListener {
        void stepDone(long rows, long time, double meanLoss);
    }

    /**
     * System property: into how many shards of rows a mini-batch is split, each computed on its own thread
     * (default {@value #DEFAULT_SHARDS}; 1 for none).
     */
    public static final String SHARDS_PROPERTY = "charrnn.trainingShards";
    static final int DEFAULT_SHARDS = 2;
    /** System property: {@code dl4j} applies every step with DL4J's own updater instead of {@link FusedAdamStep} ({@code fused}, the default). */
    public static final String UPDATER_PROPERTY = "charrnn.updater";
    /** Fewer rows than this per shard cost more in hand-over than the second core gives back. */
    static final int MIN_ROWS_PER_SHARD = 4;
    private static final Logger LOG = LoggerFactory.getLogger(GemmLstmTraining.class);

    private final MultiLayerNetwork network;
    private final int sequenceLength;
    private final double gradientClip;
    private final int recurrentLayers;
    private final int firstRecurrent;   // 1 after an embedding layer, else 0
    private final Gradient gradient;
    private final int shardsWanted;
    private final ProductPrecision precision;
    private final double[] keeps;       // per recurrent and output layer, the dropout keep probability (1: none)
    private final int[] inputWidths;    // per recurrent and output layer, the width of its input
    private int batch;
    private BatchShard[] shards;
    private INDArray[] shardGradients;  // per shard after the first, the array its gradient goes to
    private DropoutMask[] masks;        // per recurrent and output layer; null where it has no dropout
    private ShardThreads threads;
    private final FusedAdamStep fusedStep;   // null where DL4J's updater applies every step

    GemmLstmTraining(MultiLayerNetwork network, int sequenceLength, double gradientClip) {
        this(network, sequenceLength, gradientClip, configuredShards());
    }

    /**
     * @param shards into how many shards of rows a mini-batch is split at most (fewer where it has fewer than
     *               {@value #MIN_ROWS_PER_SHARD} rows per shard); they run at once when there is more than one core
     */
    GemmLstmTraining(MultiLayerNetwork network, int sequenceLength, double gradientClip, int shards) {
        this(network, sequenceLength, gradientClip, shards, ProductPrecision.forTraining());
    }

    /**
     * @param shards    as above
     * @param precision what the products' operands are rounded to ({@link ProductPrecision#forTraining()} by default)
     */
    GemmLstmTraining(MultiLayerNetwork network, int sequenceLength, double gradientClip, int shards,
                     ProductPrecision precision) {
        if (!supports(network)) {
            throw new IllegalArgumentException("The GEMM-based training supports an optional embedding layer, LSTM layers"
                    + " and a softmax output layer only.");
        }
        if (shards < 1) {
            throw new IllegalArgumentException("A mini-batch is split into at least 1 shard; got " + shards + ".");
        }
        this.network = network;
        this.sequenceLength = sequenceLength;
        this.gradientClip = gradientClip;
        this.shardsWanted = shards;
        this.precision = precision;
        LOG.info("Training products: {} on {}", precision.description(), GemmLibrary.chosen().description());
        this.firstRecurrent = embeddingFirst(network) ? 1 : 0;
        this.recurrentLayers = network.getnLayers() - 1 - firstRecurrent;
        if (network.getFlattenedGradients() == null) {
            network.initGradientsView();
        }
        this.gradient = namedGradient(network);
        this.fusedStep = dl4jUpdaterAsked() ? null : FusedAdamStep.forNetwork(network);
        Layer[] layers = network.getLayers();
        this.keeps = new double[recurrentLayers + 1];
        this.inputWidths = new int[recurrentLayers + 1];
        for (int l = 0; l <= recurrentLayers; l++) {
            Layer layer = layers[firstRecurrent + l];
            IDropout dropout = ((BaseLayer) layer.conf().getLayer()).getIDropout();
            keeps[l] = dropout instanceof Dropout plain && plain.getP() < 1.0 ? plain.getP() : 1.0;
            inputWidths[l] = (int) layer.getParam("W").rows();
        }
    }

    /** Whether {@value #UPDATER_PROPERTY} says {@code dl4j}; {@code fused} or nothing is the default, anything else is refused. */
    private static boolean dl4jUpdaterAsked() {
        String updater = System.getProperty(UPDATER_PROPERTY, "fused").trim();
        if (!updater.equalsIgnoreCase("dl4j") && !updater.equalsIgnoreCase("fused")) {
            throw new IllegalArgumentException(UPDATER_PROPERTY + " must be fused or dl4j; got '" + updater + "'.");
        }
        return updater.equalsIgnoreCase("dl4j");
    }

    /** The {@value #SHARDS_PROPERTY} property, else {@value #DEFAULT_SHARDS}. */
    static int configuredShards() {
        String configured = System.getProperty(SHARDS_PROPERTY);
        if (configured == null) {
            return DEFAULT_SHARDS;
        }
        try {
            int shards = Integer.parseInt(configured.trim());
            if (shards >= 1) {
                return shards;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(SHARDS_PROPERTY + " must be a whole number of at least 1; got '" + configured + "'.");
    }

    /** How many shards a mini-batch of {@code rows} rows is split into. */
    static int shardsFor(int rows, int wanted) {
        return Math.max(1, Math.min(wanted, rows / MIN_ROWS_PER_SHARD));
    }

    /**
     * Whether this class can train the network: the CPU backend, optionally charrnn's embedding layer (no bias, no
     * dropout, fed by {@link OneHotToIds}), float LSTM layers (tanh, sigmoid gates) and a softmax RNN output
     * layer with multi-class cross entropy, truncated BPTT with equal forward and backward length, and dropout, if
     * any, of DL4J's plain kind.
     */
    static boolean supports(MultiLayerNetwork network) {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        // Java reads ND4J's buffers directly between GEMMs: right on the CPU backend, not on a GPU's device memory
        if (!Nd4j.getEnvironment().isCPU()) {
            return false;
        }
        if (conf.getBackpropType() != BackpropType.TruncatedBPTT || conf.getTbpttFwdLength() != conf.getTbpttBackLength()
                || network.getnLayers() < 2 || network.params().dataType() != DataType.FLOAT) {
            return false;
        }
        Layer[] layers = network.getLayers();
        int first = embeddingFirst(network) ? 1 : 0;
        if (first == 1 && !plainEmbedding(network)) {
            return false;
        }
        for (int i = first; i < layers.length; i++) {
            if (!(layers[i].conf().getLayer() instanceof BaseLayer config) || !plainDropout(config.getIDropout())
                    || config.getWeightNoise() != null || (config.getConstraints() != null && !config.getConstraints().isEmpty())
                    || conf.getInputPreProcess(i) != null) {
                return false;
            }
            if (i < layers.length - 1) {
                if (!(layers[i] instanceof LSTM) || !(config instanceof org.deeplearning4j.nn.conf.layers.LSTM lstm)
                        || !(lstm.getActivationFn() instanceof ActivationTanH)
                        || !(lstm.getGateActivationFn() instanceof ActivationSigmoid)) {
                    return false;
                }
            } else if (!(layers[i] instanceof RnnOutputLayer)
                    || !(config instanceof org.deeplearning4j.nn.conf.layers.RnnOutputLayer out)
                    || !(out.getActivationFn() instanceof ActivationSoftmax)
                    || !(out.getLossFn() instanceof LossMCXENT loss) || loss.getWeights() != null
                    || loss.getSoftmaxClipEps() > 1e-6 || !out.hasBias()) {
                return false;
            }
        }
        return true;
    }

    private static boolean embeddingFirst(MultiLayerNetwork network) {
        return network.getLayer(0).conf().getLayer() instanceof EmbeddingSequenceLayer;
    }

    private static boolean plainEmbedding(MultiLayerNetwork network) {
        EmbeddingSequenceLayer config = (EmbeddingSequenceLayer) network.getLayer(0).conf().getLayer();
        return !config.hasBias() && config.getIDropout() == null && config.getWeightNoise() == null
                && (config.getConstraints() == null || config.getConstraints().isEmpty())
                && config.getActivationFn() instanceof ActivationIdentity
                && network.getLayerWiseConfigurations().getInputPreProcess(0) instanceof OneHotToIds;
    }

    private static boolean plainDropout(IDropout dropout) {
        return dropout == null || (dropout instanceof Dropout plain && plain.getPSchedule() == null);
    }

    /**
     * Trains on one mini-batch: features and labels in their {@link CharBatch} formats, without masks, one step per
     * sequence-length segment, from a zero state. A step whose loss is NaN or infinite is reported to the
     * listener but not applied, and ends the mini-batch: the weights stay those of the last good step.
     */
    void fit(CharBatch batchData, StepListener listener) {
        prepare((int) batchData.rows());
        forgetState();
        long windows = (batchData.length() + sequenceLength - 1) / sequenceLength;
        for (long window = 0; window < windows; window++) {
            if (!fitWindow(batchData, window, listener)) {
                return;
            }
        }
    }

    /**
     * Trains one step on window {@code window} (the sequence-length segment from column {@code window * seq}) of a
     * mini-batch without masks, starting from the state the step before left (or {@link #restoreState}, or zero
     * after {@link #forgetState}), and carries the state on. A step whose loss is NaN or infinite is reported but
     * not applied. Calling this for every window of a mini-batch after {@link #forgetState} is {@link #fit}; not
     * forgetting between mini-batches carries the state through a whole pass, as the articles' training does.
     *
     * @return whether the step was applied (false: its loss was not finite)
     */
    boolean fitWindow(CharBatch batchData, long window, StepListener listener) {
        int rows = (int) batchData.rows();
        long from = window * sequenceLength;
        int time = (int) Math.min(sequenceLength, batchData.length() - from);
        if (time <= 0) {
            throw new IllegalArgumentException("Window " + window + " is past the end of a mini-batch of "
                    + batchData.length() + " columns.");
        }
        prepare(rows);
        try (NativeThreads.Share ignored = threads.parallel() ? NativeThreads.shareBlasAmong(shards.length) : () -> { }) {
            Segment segment = segment(batchData, from, time);
            double loss = computeGradient(segment);
            segment.targets().release();   // made for this step: freed now, not when the collector runs
            if (segment.oneHotRows() != null) {
                segment.oneHotRows().release();
            }
            if (!Double.isFinite(loss)) {
                listener.stepDone(rows, time, loss / ((double) rows * time));
                return false;
            }
            update(batch, time);
            for (BatchShard shard : shards) {
                shard.carryState();
            }
            listener.stepDone(rows, time, loss / ((double) rows * time));
            return true;
        }
    }

    /** The rows of the last mini-batch trained (0 before the first). */
    int rows() {
        return batch;
    }

    /** Zero recurrent state for the next window, as at the start of a DL4J {@code fit(DataSet)}. */
    void forgetState() {
        if (shards != null) {
            for (BatchShard shard : shards) {
                shard.resetState();
            }
        }
    }

    /**
     * The recurrent state the next window starts from, laid out independently of the shards: per recurrent layer,
     * the hidden state of every row, then the cell state of every row. Null before the first window.
     */
    float[] carriedState() {
        if (shards == null) {
            return null;
        }
        List<float[]> parts = new ArrayList<>();
        int size = 0;
        for (int l = 0; l < recurrentLayers; l++) {
            for (boolean cell : new boolean[] {false, true}) {
                for (BatchShard shard : shards) {
                    float[] part = shard.state(l, cell);
                    parts.add(part);
                    size += part.length;
                }
            }
        }
        float[] state = new float[size];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, state, at, part.length);
            at += part.length;
        }
        return state;
    }

    /**
     * Makes {@code state} (as {@link #carriedState()} gives it, for {@code rows} rows) the state the next window
     * starts from.
     *
     * @throws IllegalArgumentException if it is not of this network's and batch's size
     */
    void restoreState(int rows, float[] state) {
        prepare(rows);
        long expected = 0;
        for (int l = 0; l < recurrentLayers; l++) {
            expected += 2L * rows * network.getLayer(firstRecurrent + l).getParam("RW").rows();
        }
        if (state.length != expected) {
            throw new IllegalArgumentException("The carried state holds " + state.length + " values; this network needs "
                    + expected + " for " + rows + " rows.");
        }
        int at = 0;
        for (int l = 0; l < recurrentLayers; l++) {
            for (boolean cell : new boolean[] {false, true}) {
                for (BatchShard shard : shards) {
                    at = shard.setState(l, cell, state, at);
                }
            }
        }
    }

    /**
     * Computes, without updating anything, the gradient of the loss (summed over batch and time) of the last
     * segment of a mini-batch into the network's gradient array, the state carried into it from the segments
     * before, and returns that loss. For tests.
     */
    double gradientOfLastSegment(CharBatch batchData) {
        long length = batchData.length();
        prepare((int) batchData.rows());
        for (BatchShard shard : shards) {
            shard.resetState();
        }
        double loss = 0;
        for (long from = 0; from < length; from += sequenceLength) {
            int time = (int) Math.min(sequenceLength, length - from);
            if (from > 0) {
                for (BatchShard shard : shards) {
                    shard.carryState();
                }
            }
            loss = computeGradient(segment(batchData, from, time));
        }
        addShardGradients();
        return loss;
    }

    /**
     * A segment of the mini-batch as the shards read it, made on this thread. The dropout masks are drawn here, in
     * layer order, for the whole batch: the random numbers are those an unsplit batch would draw.
     */
    private Segment segment(CharBatch batchData, long from, int time) {
        int rows = time * batch;
        INDArray features = batchData.features();
        boolean oneHotRows = firstRecurrent == 0 && masks[0] != null;
        int[] ids = oneHotRows ? null : SegmentIds.of(features, batchData.featureFormat(), from, time);
        OffHeapRows input = oneHotRows ? OffHeapRows.timeMajor(features, from, time) : null;
        OffHeapRows[] drawn = new OffHeapRows[masks.length];
        for (int l = 0; l < masks.length; l++) {
            drawn[l] = masks[l] == null ? null : masks[l].draw(rows);
        }
        return new Segment(time, ids, input, OffHeapRows.timeMajor(batchData.labels(), from, time),
                batchData.labelFormat(), drawn);
    }

    /**
     * Every shard's gradient of the segment, at once, summed into the network's gradient array (in shard order, so
     * the sum does not depend on which shard finished first); returns the loss summed over the batch and time.
     */
    private double computeGradient(Segment segment) {
        double[] losses = new double[shards.length];
        threads.forEach(shards.length, k -> losses[k] = shards[k].computeGradient(segment));
        double loss = 0;
        for (double shardLoss : losses) {
            loss += shardLoss;
        }
        return loss;
    }

    /** Adds the gradients of the shards after the first into the network's gradient array, in shard order. */
    private void addShardGradients() {
        INDArray flat = network.getFlattenedGradients();
        for (int k = 1; k < shards.length; k++) {
            flat.addi(shardGradients[k]);
        }
    }

    /**
     * Adds up the shards' gradients, clips, and applies them with Adam as DL4J's updater and step function do in its
     * own fit: in one fused step where it can ({@link FusedAdamStep}), else with DL4J's own updater.
     */
    private void update(int rows, int time) {
        boolean fusedDone = fusedStep != null && fusedStep.apply(shardGradients, rows, time, gradientClip, threads, shards.length);
        if (!fusedDone) {
            if (fusedStep == null) {
                addShardGradients();
            }
            INDArray flat = network.getFlattenedGradients();
            GlobalNormClipping.clip(flat, rows, time, gradientClip);
            network.getUpdater().update(network, gradient, network.getIterationCount(), network.getEpochCount(), rows,
                    LayerWorkspaceMgr.noWorkspaces());
            network.params().subi(flat.reshape(flat.length()));
        }
        network.setIterationCount(network.getIterationCount() + 1);
    }

    private void prepare(int rows) {
        if (shards != null && rows == batch) {
            return;
        }
        batch = rows;
        long maxRows = (long) sequenceLength * rows;
        Layer[] layers = network.getLayers();
        masks = new DropoutMask[recurrentLayers + 1];
        for (int l = 0; l <= recurrentLayers; l++) {
            masks[l] = keeps[l] < 1.0 ? new DropoutMask(keeps[l], maxRows, inputWidths[l]) : null;
        }
        ShardRows[] parts = ShardRows.split(rows, shardsFor(rows, shardsWanted));
        threads = new ShardThreads(parts.length, Runtime.getRuntime().availableProcessors() > 1);
        shards = new BatchShard[parts.length];
        shardGradients = new INDArray[parts.length];
        List<Map<String, INDArray>> own = new ArrayList<>();
        for (Layer layer : layers) {
            own.add(GradientViews.of(layer));
        }
        for (int k = 0; k < parts.length; k++) {
            List<Map<String, INDArray>> gradients = own;
            if (k > 0) {
                shardGradients[k] = Nd4j.create(DataType.FLOAT, 1, network.numParams());
                gradients = GradientViews.of(network, shardGradients[k]);
            }
            shards[k] = new BatchShard(layers, gradients, firstRecurrent == 1, inputWidths, keeps, parts[k],
                    sequenceLength, parts.length == 1, precision);
        }
    }

    /** The network's flattened gradient with every layer's parameter gradients named as DL4J's updater expects. */
    private static Gradient namedGradient(MultiLayerNetwork network) {
        Gradient gradient = new DefaultGradient(network.getFlattenedGradients());
        Layer[] layers = network.getLayers();
        for (int i = 0; i < layers.length; i++) {
            Map<String, INDArray> views = GradientViews.of(layers[i]);
            for (Map.Entry<String, INDArray> view : views.entrySet()) {
                gradient.setGradientFor(i + "_" + view.getKey(), view.getValue());
            }
        }
        return gradient;
    }
}
