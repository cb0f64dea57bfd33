package io.github.charrnn.training;

/**
 * Thrown when a step's training loss is NaN or infinite. For LSTM networks (trained by GemmLstmTraining) the model
 * keeps the weights of the last good step; networks trained through DL4J's own {@code fit} have already applied
 * the bad step.
 */
public class TrainingDivergedException extends RuntimeException {

    /** @param step the step whose loss was not finite */
    public TrainingDivergedException(long step, double loss) {
        super("Training diverged at step " + step + " (loss " + loss + "); try a lower learning rate or a smaller gradient clip.");
    }
}
