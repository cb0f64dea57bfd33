package io.github.charrnn.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A DL4J layer's per-parameter gradient arrays: views into one flattened gradient array. */
final class GradientViews {

    private GradientViews() {
    }

    /** Parameter name ("W", "RW", "b") to the view of its gradient in the network's own gradient array. */
    static Map<String, INDArray> of(Layer layer) {
        return layer.conf().getLayer().initializer().getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
    }

    /**
     * For each layer of {@code network}, parameter name to the view of its gradient in {@code flat}, an array laid
     * out as the network's flattened gradient ([1, number of parameters]), as DL4J lays out its own.
     */
    static List<Map<String, INDArray>> of(MultiLayerNetwork network, INDArray flat) {
        if (flat.length() != network.numParams()) {
            throw new IllegalArgumentException("A gradient array of " + flat.length() + " values cannot hold the "
                    + network.numParams() + " gradients of the network.");
        }
        List<Map<String, INDArray>> views = new ArrayList<>();
        long offset = 0;
        for (Layer layer : network.getLayers()) {
            long count = layer.numParams();
            INDArray view = flat.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(offset, offset + count));
            views.add(layer.conf().getLayer().initializer().getGradientsFromFlattened(layer.conf(), view));
            offset += count;
        }
        return views;
    }
}
