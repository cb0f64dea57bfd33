package io.github.charrnn.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where the layers of a configuration sit in its DL4J network: with {@link InputEncoding#EMBEDDING} an embedding
 * layer comes first and every recurrent layer and the output layer move up by one.
 *
 * @param recurrentLayers the number of recurrent layers
 * @param firstRecurrent  the DL4J index of the first recurrent layer (0 for one-hot input, 1 after an embedding)
 */
public record NetworkLayout(int recurrentLayers, int firstRecurrent) {

    /** The layout of networks built from {@code config}. */
    public static NetworkLayout of(CharRnnConfig config) {
        return new NetworkLayout(config.layers(), config.embedded() ? 1 : 0);
    }

    /** Whether an embedding layer comes first. */
    public boolean embedded() {
        return firstRecurrent > 0;
    }

    /** The DL4J index of recurrent layer {@code layer} (0-based among the recurrent layers). */
    public int recurrent(int layer) {
        return firstRecurrent + layer;
    }

    /** The DL4J index of the output layer. */
    public int output() {
        return firstRecurrent + recurrentLayers;
    }

    /** The number of DL4J layers. */
    public int networkLayers() {
        return output() + 1;
    }

    /** The DL4J name of parameter {@code key} (W, RW, b) of recurrent layer {@code layer}. */
    public String recurrentParam(int layer, String key) {
        return recurrent(layer) + "_" + key;
    }

    /** The DL4J name of parameter {@code key} (W, b) of the output layer. */
    public String outputParam(String key) {
        return output() + "_" + key;
    }

    /**
     * The first recurrent layer's input weights per symbol, [vocabulary, gates × hidden]: a symbol's row is what
     * its one-hot vector contributes to the gates. With an embedding that is the symbol's embedding times the
     * layer's input weights, E·W, computed here once, so a generator's step is a row gather either way.
     */
    public INDArray inputWeightsPerSymbol(MultiLayerNetwork network) {
        INDArray w = network.getParam(recurrentParam(0, "W"));
        return embedded() ? network.getParam("0_W").mmul(w) : w;
    }
}
