package io.github.charrnn.training;

import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/** A DL4J layer's per-parameter gradient arrays: views into the network's one flattened gradient array. */
final class GradientViews {

    private GradientViews() {
    }

    /** Parameter name ("W", "RW", "b") to the view of its gradient. */
    static Map<String, INDArray> of(Layer layer) {
        return layer.conf().getLayer().initializer().getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
    }
}
