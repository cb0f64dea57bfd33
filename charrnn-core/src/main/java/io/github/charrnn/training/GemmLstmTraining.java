package io.github.charrnn.training;

import io.github.charrnn.kernel.OffHeapRows;
import io.github.charrnn.model.OneHotToIds;
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
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import java.util.Arrays;
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
 */
final class GemmLstmTraining {

    /** Called after every step with the rows, the time steps and the mean loss per character of the step. */
    interface StepListener {
        void stepDone(long rows, long time, double meanLoss);
    }

    private final MultiLayerNetwork network;
    private final int sequenceLength;
    private final double gradientClip;
    private final int recurrentLayers;
    private final int firstRecurrent;   // 1 after an embedding layer, else 0
    private final long vocabularySize;
    private final Gradient gradient;
    private int batch;
    private LstmLayerPass[] passes;
    private InputDropout[] dropouts;   // per layer, the output layer last; null where the layer has none
    private SoftmaxOutputPass output;
    private EmbeddingPass embedding;   // null for one-hot input

    GemmLstmTraining(MultiLayerNetwork network, int sequenceLength, double gradientClip) {
        if (!supports(network)) {
            throw new IllegalArgumentException("The GEMM-based training supports an optional embedding layer, LSTM layers"
                    + " and a softmax output layer only.");
        }
        this.network = network;
        this.sequenceLength = sequenceLength;
        this.gradientClip = gradientClip;
        this.firstRecurrent = embeddingFirst(network) ? 1 : 0;
        this.vocabularySize = network.layerInputSize(0);
        this.recurrentLayers = network.getnLayers() - 1 - firstRecurrent;
        if (network.getFlattenedGradients() == null) {
            network.initGradientsView();
        }
        this.gradient = namedGradient(network);
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
     * Trains on one mini-batch: features and labels [batch, vocabulary, time] without masks, one step per
     * sequence-length segment, from a zero state. A step whose loss is NaN or infinite is reported to the
     * listener but not applied, and ends the mini-batch: the weights stay those of the last good step.
     */
    void fit(DataSet batchData, StepListener listener) {
        INDArray features = batchData.getFeatures();
        INDArray labels = batchData.getLabels();
        int rows = (int) features.size(0);
        long length = features.size(2);
        prepare(rows);
        for (LstmLayerPass pass : passes) {
            pass.resetState();
        }
        for (long from = 0; from < length; from += sequenceLength) {
            int time = (int) Math.min(sequenceLength, length - from);
            double loss = computeGradient(firstInput(features, from, time), OffHeapRows.timeMajor(labels, from, time), time);
            if (!Double.isFinite(loss)) {
                // report the step, but leave the weights as they were before it: the caller stops training
                listener.stepDone(rows, time, loss / ((double) rows * time));
                return;
            }
            update(batch, time);
            for (LstmLayerPass pass : passes) {
                pass.carryState();
            }
            listener.stepDone(rows, time, loss / ((double) rows * time));
        }
    }

    /**
     * Computes, without updating anything, the gradient of the loss (summed over batch and time) of the last
     * segment of a mini-batch into the network's gradient array, the state carried into it from the segments
     * before, and returns that loss. For tests.
     */
    double gradientOfLastSegment(DataSet batchData) {
        INDArray features = batchData.getFeatures();
        long length = features.size(2);
        prepare((int) features.size(0));
        for (LstmLayerPass pass : passes) {
            pass.resetState();
        }
        double loss = 0;
        for (long from = 0; from < length; from += sequenceLength) {
            int time = (int) Math.min(sequenceLength, length - from);
            if (from > 0) {
                for (LstmLayerPass pass : passes) {
                    pass.carryState();
                }
            }
            loss = computeGradient(firstInput(features, from, time),
                    OffHeapRows.timeMajor(batchData.getLabels(), from, time), time);
        }
        return loss;
    }

    /**
     * The first recurrent layer's input for a segment: embedded rows [time*batch, E] time-major, the symbol ids of
     * one-hot input, or (one-hot input with dropout) the one-hot rows themselves.
     */
    private SegmentInput firstInput(INDArray features, long from, int time) {
        if (embedding != null) {
            return new SegmentInput(embedding.forward(features, from, time), null);
        }
        return dropouts[0] == null ? new SegmentInput(null, SegmentIds.of(features, from, time, vocabularySize))
                : new SegmentInput(OffHeapRows.timeMajor(features, from, time).matrix(), null);
    }

    /**
     * What the first recurrent layer reads in a segment: the rows of an embedding, or, for one-hot input, just the
     * symbol ids (the layer gathers rows of its weights instead of multiplying one-hot rows).
     */
    private record SegmentInput(INDArray rows, int[] ids) {
    }

    private double computeGradient(SegmentInput input, OffHeapRows targets, int time) {
        int rows = time * batch;
        INDArray[] layerInputs = new INDArray[recurrentLayers + 1];
        INDArray activations = input.rows();
        for (int l = 0; l <= recurrentLayers; l++) {
            if (l == 0 && input.ids() != null) {
                activations = passes[0].forward(input.ids(), time);   // one-hot input without dropout
                continue;
            }
            layerInputs[l] = dropouts[l] == null ? activations : dropouts[l].apply(activations, rows);
            if (l < recurrentLayers) {
                activations = passes[l].forward(layerInputs[l], time);
            }
        }
        double loss = output.forwardBackward(layerInputs[recurrentLayers], targets, rows);
        OffHeapRows outputGradient = output.inputGradient();
        for (int l = recurrentLayers - 1; l >= 0; l--) {
            if (dropouts[l + 1] != null) {
                dropouts[l + 1].backprop(outputGradient, rows);
            }
            outputGradient = passes[l].backward(outputGradient, layerInputs[l], l > 0 || embedding != null);
        }
        if (embedding != null) {
            embedding.backward(outputGradient);
        }
        return loss;
    }

    /** Clips, then lets DL4J's updater and step function apply the gradient, as its own fit does. */
    private void update(int rows, int time) {
        INDArray flat = network.getFlattenedGradients();
        GlobalNormClipping.clip(flat, rows, time, gradientClip);
        network.getUpdater().update(network, gradient, network.getIterationCount(), network.getEpochCount(), rows,
                LayerWorkspaceMgr.noWorkspaces());
        network.params().subi(flat.reshape(flat.length()));
        network.setIterationCount(network.getIterationCount() + 1);
    }

    private void prepare(int rows) {
        if (passes != null && rows == batch) {
            return;
        }
        batch = rows;
        long maxRows = (long) sequenceLength * rows;
        Layer[] all = network.getLayers();
        Layer[] layers = Arrays.copyOfRange(all, firstRecurrent, all.length);
        embedding = firstRecurrent == 0 ? null : new EmbeddingPass(all[0], maxRows);
        passes = new LstmLayerPass[recurrentLayers];
        dropouts = new InputDropout[recurrentLayers + 1];
        for (int l = 0; l <= recurrentLayers; l++) {
            if (l < recurrentLayers) {
                passes[l] = new LstmLayerPass(layers[l], rows, sequenceLength);
            }
            IDropout dropout = ((BaseLayer) layers[l].conf().getLayer()).getIDropout();
            if (dropout instanceof Dropout plain && plain.getP() < 1.0) {
                dropouts[l] = new InputDropout(plain.getP(), maxRows, (int) layers[l].getParam("W").rows());
            }
        }
        output = new SoftmaxOutputPass(layers[recurrentLayers], maxRows);
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
