package io.github.charrnn.modelfile;

/**
 * How far a model has been trained; stored in its model file.
 *
 * <p>Immutable.
 *
 * @param steps              optimizer steps done in all training runs
 * @param epochs             epochs begun in all training runs
 * @param charactersTrained  characters of all batch rows trained on
 * @param trainLoss          the latest mean training loss (nats per character), NaN if never trained
 * @param validationLoss     the latest validation loss, NaN if never validated
 * @param corpus             a description of the training text (file name and size), or null
 */
public record TrainingSummary(long steps, int epochs, long charactersTrained, double trainLoss,
                              double validationLoss, String corpus) {

    /** The summary of an untrained model. */
    public static final TrainingSummary UNTRAINED = new TrainingSummary(0, 0, 0, Double.NaN, Double.NaN, null);
}
