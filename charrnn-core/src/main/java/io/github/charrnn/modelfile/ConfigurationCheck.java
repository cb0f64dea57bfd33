package io.github.charrnn.modelfile;

import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkLayout;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;

import java.io.IOException;

/**
 * Checks DL4J's configuration of a model file against our metadata before any array is read: the layer count,
 * every layer's kind and every layer's input and output sizes must be the ones the vocabulary and hyperparameters
 * give. The parameter count the configuration implies is then the metadata's own, not a number the file chose.
 */
final class ConfigurationCheck {

    private ConfigurationCheck() {
    }

    /** The configuration and the metadata describe different networks; the message says how. */
    static final class Inconsistent extends IOException {
        Inconsistent(String what) {
            super(what);
        }
    }

    /** @throws Inconsistent if {@code conf} is not the network {@code metadata} describes */
    static void check(MultiLayerConfiguration conf, ModelMetadata metadata) throws Inconsistent {
        CharRnnConfig config = metadata.config();
        NetworkLayout layout = NetworkLayout.of(config);
        int vocabulary = metadata.vocabulary().size();
        int layers = conf.getConfs().size();
        if (layers == 0) {
            throw new Inconsistent("its network has no layers");
        }
        Layer first = layer(conf, 0);
        if (layout.embedded() != first instanceof EmbeddingSequenceLayer
                || layout.embedded() && nOut(first) != config.embeddingSize()) {
            throw new Inconsistent("its hyperparameters say " + (layout.embedded()
                    ? "an embedding of " + config.embeddingSize() : "one-hot input") + " but its network's first layer is a "
                    + first.getClass().getSimpleName() + " of " + nOut(first));
        }
        if (layers != layout.networkLayers()) {
            throw new Inconsistent("its hyperparameters say " + config.layers() + " recurrent layers"
                    + (layout.embedded() ? " after an embedding layer" : "") + " but its network has " + layers
                    + " layers in all");
        }
        Layer output = layer(conf, layout.output());
        if (!(output instanceof RnnOutputLayer)) {
            throw new Inconsistent("its network does not end in an RnnOutputLayer");
        }
        if (nIn(first) != vocabulary || nOut(output) != vocabulary) {
            throw new Inconsistent("its vocabulary has " + vocabulary + " symbols but its network takes " + nIn(first)
                    + " inputs and gives " + nOut(output) + " outputs");
        }
        Class<?> cell = config.cellType() == CellType.LSTM ? LSTM.class : SimpleRnn.class;
        for (int l = 0; l < config.layers(); l++) {
            int i = layout.recurrent(l);
            Layer layer = layer(conf, i);
            if (!cell.isInstance(layer) || nOut(layer) != config.hiddenSize()) {
                throw new Inconsistent("its hyperparameters say " + config.cellType() + " layers of "
                        + config.hiddenSize() + " units but its network's layer " + (i + 1) + " is a "
                        + layer.getClass().getSimpleName() + " of " + nOut(layer));
            }
        }
        for (int i = 1; i < layers; i++) {
            long gives = nOut(layer(conf, i - 1));
            long takes = nIn(layer(conf, i));
            if (gives != takes) {
                throw new Inconsistent("its network's layer " + (i + 1) + " takes " + takes + " inputs but layer " + i
                        + " gives " + gives);
            }
        }
    }

    private static Layer layer(MultiLayerConfiguration conf, int index) {
        return conf.getConf(index).getLayer();
    }

    private static long nIn(Layer layer) {
        return layer instanceof FeedForwardLayer f ? f.getNIn() : -1;
    }

    private static long nOut(Layer layer) {
        return layer instanceof FeedForwardLayer f ? f.getNOut() : -1;
    }
}
