package io.github.charrnn.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Early stopping during one run: follows the {@link EarlyStopping} state through the validations, keeps a copy of
 * the weights (and optimizer state) of the best validation of this run, and puts them back when the run stops.
 * Not thread-safe.
 */
final class EarlyStopper {

    private final MultiLayerNetwork network;
    private EarlyStopping state;
    private INDArray bestParams;     // null until this run has a best validation
    private INDArray bestOptimizer;

    EarlyStopper(MultiLayerNetwork network, EarlyStopping state) {
        this.network = network;
        this.state = state;
    }

    /** Records a validation at {@code step}; a new best is copied. Returns whether the run should stop now. */
    boolean validated(long step, double loss) {
        EarlyStopping next = state.afterValidation(step, loss);
        if (next.validationsWithoutImprovement() == 0) {
            bestParams = copy(network.params(), bestParams);
            INDArray optimizer = network.getUpdater() == null ? null : network.getUpdater().getStateViewArray();
            bestOptimizer = optimizer == null ? null : copy(optimizer, bestOptimizer);
        }
        state = next;
        return state.stopped();
    }

    private static INDArray copy(INDArray from, INDArray into) {
        if (into == null || into.length() != from.length()) {
            return from.dup();
        }
        return into.assign(from);
    }

    /**
     * After a stop: the weights of the best validation back in the network; false, leaving the weights as they are,
     * where that validation came before this run (a resumed run does not hold its weights).
     */
    boolean restoreBest() {
        if (bestParams == null) {
            return false;
        }
        network.params().assign(bestParams);
        INDArray optimizer = network.getUpdater() == null ? null : network.getUpdater().getStateViewArray();
        if (optimizer != null && bestOptimizer != null && optimizer.length() == bestOptimizer.length()) {
            optimizer.assign(bestOptimizer);
        }
        return true;
    }

    EarlyStopping state() {
        return state;
    }
}
