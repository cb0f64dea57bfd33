package io.github.charrnn.training;

/**
 * Early stopping by validation loss: where a run with a patience stands. A run stops once {@code patience}
 * validations in a row have not improved on the best loss so far; its result is then the model of the best
 * validation. Kept in the model file's {@code charrnn.json}, so that a resumed run counts on where it stopped.
 *
 * <p>Immutable: {@link #afterValidation} returns the next state.
 *
 * @param patience                        validations without improvement that stop the run, at least 1
 * @param bestLoss                        the lowest validation loss so far, infinity before the first
 * @param bestStep                        the step of that validation (the model's steps), 0 before the first
 * @param validationsWithoutImprovement   validations since the best one
 * @param stopped                         whether the run stopped for lack of improvement
 */
public record EarlyStopping(int patience, double bestLoss, long bestStep, int validationsWithoutImprovement,
                            boolean stopped) {

    /** Checks the values. */
    public EarlyStopping {
        if (patience < 1) {
            throw new IllegalArgumentException("The patience must be at least 1 validation, got " + patience + ".");
        }
        if (validationsWithoutImprovement < 0) {
            throw new IllegalArgumentException("Validations without improvement cannot be negative, got "
                    + validationsWithoutImprovement + ".");
        }
    }

    /** A new run's state: stop after {@code patience} validations without improvement. */
    public static EarlyStopping withPatience(int patience) {
        return new EarlyStopping(patience, Double.POSITIVE_INFINITY, 0, 0, false);
    }

    /** The state after a validation at {@code step} with {@code loss}: a lower loss is the new best, else one more without improvement. */
    public EarlyStopping afterValidation(long step, double loss) {
        if (loss < bestLoss) {
            return new EarlyStopping(patience, loss, step, 0, false);
        }
        int without = validationsWithoutImprovement + 1;
        return new EarlyStopping(patience, bestLoss, bestStep, without, without >= patience);
    }

    /** This state with the same best and count but a different patience (a resumed run may change it). */
    public EarlyStopping withPatienceOf(int newPatience) {
        return new EarlyStopping(newPatience, bestLoss, bestStep, validationsWithoutImprovement,
                validationsWithoutImprovement >= newPatience);
    }

    /** One line, for messages and {@code info}. */
    public String describe() {
        String best = Double.isInfinite(bestLoss) ? "no validation yet"
                : String.format(java.util.Locale.ROOT, "best validation loss %.4f at step %d", bestLoss, bestStep);
        return stopped
                ? String.format(java.util.Locale.ROOT, "stopped early after %d validations without improvement; the weights are"
                + " those of the %s", validationsWithoutImprovement, best)
                : "patience " + patience + ", " + best + ", " + validationsWithoutImprovement + " validations since";
    }
}
