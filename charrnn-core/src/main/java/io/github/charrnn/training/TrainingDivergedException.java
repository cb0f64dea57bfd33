package io.github.charrnn.training;

/** Thrown when the training loss becomes NaN or infinite; the model keeps the weights it had then. */
public class TrainingDivergedException extends RuntimeException {

    /** @param step the step whose loss was not finite */
    public TrainingDivergedException(long step, double loss) {
        super("Training diverged at step " + step + " (loss " + loss + "); try a lower learning rate or a smaller gradient clip.");
    }
}
