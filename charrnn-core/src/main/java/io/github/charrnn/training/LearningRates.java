package io.github.charrnn.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Sets the learning rate of a network's updaters between steps. The rate is written into each layer's updater
 * configuration, the object DL4J's updater blocks (and {@link FusedAdamStep}) read it from at every step, so both
 * update paths take it; DL4J's {@code setLearningRate} would rebuild the updater instead. Not thread-safe.
 */
final class LearningRates {

    private LearningRates() {
    }

    /** Every layer's updater (and bias updater) of {@code network} at {@code rate} from the next step on. */
    static void set(MultiLayerNetwork network, double rate) {
        for (Layer layer : network.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer config) {
                set(config.getIUpdater(), rate);
                set(config.getBiasUpdater(), rate);
            }
        }
    }

    private static void set(IUpdater updater, double rate) {
        if (updater != null && updater.hasLearningRate()) {
            updater.setLrAndSchedule(rate, null);
        }
    }

    /** The rate the network's first layer with one applies at the next step (NaN if none has a rate). */
    static double current(MultiLayerNetwork network) {
        for (Layer layer : network.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer config && config.getIUpdater() != null
                    && config.getIUpdater().hasLearningRate()) {
                return config.getIUpdater().getLearningRate(network.getIterationCount(), network.getEpochCount());
            }
        }
        return Double.NaN;
    }
}
