package io.github.charrnn.training;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.Serializable;

/**
 * Makes DL4J's gradient the gradient of the mean loss per character, clipped to a global L2 norm, as the
 * articles' {@code clip_grad_norm_(net.parameters(), clip)} does.
 *
 * <p>DL4J offers only per-layer and per-parameter-type clipping, so this listener works on the flattened
 * gradient of the whole network between backpropagation and the Adam update ({@code onGradientCalculation}).
 * At that point DL4J holds the gradient of the loss summed over batch and time; its updater divides by the
 * batch size afterwards. Scaling by {@code c / time} therefore hands Adam {@code c} times the gradient of the
 * mean loss per character, where {@code c = min(1, clip / (norm + 1e-6))} as in PyTorch.
 *
 * <p>It keeps no state, so one instance may serve several networks training at once (data-parallel workers), and
 * it is serializable, for Spark's executors.
 */
public final class GlobalNormClipping extends BaseTrainingListener implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double maxNorm;

    /** @param maxNorm the largest global L2 norm of the mean-loss gradient; 0 turns clipping off */
    public GlobalNormClipping(double maxNorm) {
        this.maxNorm = maxNorm;
    }

    /** Scales the network's gradient as described above. */
    @Override
    public void onGradientCalculation(Model model) {
        MultiLayerNetwork network = (MultiLayerNetwork) model;
        INDArray input = network.getInput();
        clip(network.gradient().gradient(), input.size(0), input.rank() == 3 ? input.size(2) : 1, maxNorm);
    }

    /**
     * Scales a gradient of the loss summed over {@code batch} rows and {@code time} steps as described above
     * (the updater still divides by {@code batch}).
     */
    static void clip(INDArray flatGradient, double batch, double time, double maxNorm) {
        double scale = 1.0 / time;
        if (maxNorm > 0) {
            double meanLossNorm = flatGradient.norm2Number().doubleValue() / (batch * time);
            scale *= Math.min(1.0, maxNorm / (meanLossNorm + 1e-6));
        }
        flatGradient.muli(scale);
    }
}
