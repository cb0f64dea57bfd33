package io.github.charrnn.model;

import org.deeplearning4j.nn.api.OptimizationAlgorithm;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Turns a vocabulary size and a {@link CharRnnConfig} into a DL4J network: an embedding layer if the configuration
 * asks for one ({@link NetworkLayout} says where each layer sits), stacked recurrent layers and an
 * {@link RnnOutputLayer} (softmax, multi-class cross entropy), trained with Adam and truncated BPTT.
 */
public final class NetworkFactory {

    private NetworkFactory() {
    }

    /** The DL4J configuration of the network. */
    public static MultiLayerConfiguration configuration(int vocabularySize, CharRnnConfig config) {
        // PyTorch's nn.LSTM and nn.Linear draw every weight from U(-1/sqrt(hidden), 1/sqrt(hidden)); so do we.
        // Its biases are drawn too (see initialiseBiasesAsPyTorch), the forget gate's included, so DL4J's constant
        // forget-gate bias of 1 is switched off.
        double bound = 1.0 / Math.sqrt(config.hiddenSize());
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .dataType(DataType.FLOAT)
                .optimizationAlgo(OptimizationAlgorithm.STOCHASTIC_GRADIENT_DESCENT)
                .updater(new Adam(config.learningRate()))
                .weightInit(new UniformDistribution(-bound, bound))
                .list();
        if (config.embedded()) {
            // nn.Embedding draws its vectors from N(0, 1); the one-hot (or id) input becomes ids for it
            list.layer(new EmbeddingSequenceLayer.Builder().nIn(vocabularySize).nOut(config.embeddingSize())
                    .hasBias(false).outputDataFormat(RNNFormat.NCW).weightInit(new NormalDistribution(0, 1)).build());
            list.inputPreProcessor(0, new OneHotToIds());
        }
        int firstInputs = config.embedded() ? config.embeddingSize() : vocabularySize;
        for (int i = 0; i < config.layers(); i++) {
            int nIn = i == 0 ? firstInputs : config.hiddenSize();
            BaseRecurrentLayer.Builder<?> layer = config.cellType() == CellType.LSTM
                    ? new LSTM.Builder().activation(Activation.TANH).gateActivationFunction(Activation.SIGMOID)
                            .forgetGateBiasInit(0)
                    : new SimpleRnn.Builder().activation(Activation.TANH);
            layer.nIn(nIn).nOut(config.hiddenSize());
            // DL4J applies a layer's dropout to its input: so layers 2..n and the output layer get it,
            // which is where nn.LSTM(dropout=p) and the articles' extra nn.Dropout put it.
            if (i > 0) {
                withDropout(layer, config.dropout());
            }
            list.layer(layer.build());
        }
        RnnOutputLayer.Builder output = new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .activation(Activation.SOFTMAX)
                .nIn(config.hiddenSize())
                .nOut(vocabularySize)
                .dataFormat(RNNFormat.NCW);   // DL4J infers it only when a recurrent layer comes first
        withDropout(output, config.dropout());
        list.layer(output.build());
        return list.backpropType(BackpropType.TruncatedBPTT)
                .tBPTTForwardLength(config.sequenceLength())
                .tBPTTBackwardLength(config.sequenceLength())
                .build();
    }

    /** A freshly initialised network. */
    public static MultiLayerNetwork create(int vocabularySize, CharRnnConfig config) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(vocabularySize, config));
        network.init();
        initialiseBiasesAsPyTorch(network, config);
        return network;
    }

    /**
     * DL4J can only start biases at a constant; PyTorch draws them: nn.LSTM and nn.RNN have two bias vectors
     * (input-hidden and hidden-hidden) each from U(-1/sqrt(hidden), 1/sqrt(hidden)), nn.Linear one. Starting from
     * zero biases instead left training markedly slower and more seed-dependent on the articles' task
     * (docs/performance.md), so we draw them the same way, reproducibly from the configured seed.
     */
    private static void initialiseBiasesAsPyTorch(MultiLayerNetwork network, CharRnnConfig config) {
        double bound = 1.0 / Math.sqrt(config.hiddenSize());
        Random random = Nd4j.getRandomFactory().getNewRandomInstance(config.seed() ^ 0x5DEECE66DL);
        NetworkLayout layout = NetworkLayout.of(config);
        for (int layer = 0; layer <= config.layers(); layer++) {
            INDArray bias = network.getParam(layout.recurrent(layer) + "_" + DefaultParamInitializer.BIAS_KEY);
            INDArray drawn = Nd4j.rand(bias.shape(), -bound, bound, random);
            if (layer < config.layers()) {
                drawn.addi(Nd4j.rand(bias.shape(), -bound, bound, random));   // b_ih + b_hh
            }
            bias.assign(drawn);
        }
    }

    private static void withDropout(org.deeplearning4j.nn.conf.layers.Layer.Builder<?> layer, double dropProbability) {
        if (dropProbability > 0) {
            // DL4J's Dropout takes the probability of *keeping* an activation
            layer.dropOut(new Dropout(1.0 - dropProbability));
        }
    }
}
