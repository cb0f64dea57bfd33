package io.github.charrnn.training;

/**
 * A report on training, handed to {@link ProgressListener}s. Losses are mean cross entropy per character in
 * nats, the unit of PyTorch's CrossEntropyLoss.
 *
 * <p>Immutable.
 *
 * @param step             steps done so far by this model (including earlier training runs)
 * @param epoch            the current epoch of this run, from 1
 * @param trainLoss        mean training loss over the steps since the previous report
 * @param validationLoss   the latest validation loss, NaN before the first validation or without validation data
 * @param charsPerSecond   training throughput of this run (characters of all batch rows per second, validation
 *                         time excluded)
 * @param validated        true if this report comes right after a validation
 * @param learningRate     the learning rate of the latest step, NaN where unknown (data-parallel training)
 */
public record TrainingProgress(long step, int epoch, double trainLoss, double validationLoss,
                               double charsPerSecond, boolean validated, double learningRate) {

    /** A report without the learning rate. */
    public TrainingProgress(long step, int epoch, double trainLoss, double validationLoss, double charsPerSecond,
                            boolean validated) {
        this(step, epoch, trainLoss, validationLoss, charsPerSecond, validated, Double.NaN);
    }

    /** exp(train loss). */
    public double trainPerplexity() {
        return Math.exp(trainLoss);
    }

    /** exp(validation loss), NaN when there is none yet. */
    public double validationPerplexity() {
        return Math.exp(validationLoss);
    }
}
