package io.github.charrnn.training;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The loss of the step DL4J's {@code fit} has just taken, per character. */
public final class StepLoss {

    private StepLoss() {
    }

    /**
     * Mean loss per character of the network's last step: DL4J's score of a recurrent output layer is the loss
     * summed over time, averaged over the batch, so it is divided by the step's time steps.
     */
    public static double perCharacter(Model model) {
        return model.score() / timeSteps(model);
    }

    /** Time steps of the network's current input (1 for input without a time axis). */
    static long timeSteps(Model model) {
        INDArray input = ((MultiLayerNetwork) model).getInput();
        return input.rank() == 3 ? input.size(2) : 1;
    }
}
