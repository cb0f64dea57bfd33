package io.github.charrnn.datavec.cluster;

import io.github.charrnn.training.TrainingOptions;

/**
 * How a corpus is cut and trained on a cluster. Immutable.
 *
 * @param batchSize           rows per mini-batch, at least 1
 * @param sequenceLength      characters per window (the model's truncated-BPTT length), at least 1
 * @param windowsPerBlock     consecutive windows in each mini-batch a worker trains (the state is carried across
 *                            them), at least 1
 * @param validationFraction  the part of the text, from its end, kept for validation, in [0, 1)
 * @param averagingFrequency  mini-batches each worker trains between two averagings of the weights, at least 1
 * @param options             epochs, step limit, report and validation intervals; no checkpoints, no resuming
 */
public record ClusterPlan(int batchSize, int sequenceLength, int windowsPerBlock, double validationFraction,
                          int averagingFrequency, TrainingOptions options) {

    /** Checks every value; the exception names the value and what is allowed. */
    public ClusterPlan {
        if (batchSize < 1 || sequenceLength < 1 || windowsPerBlock < 1 || averagingFrequency < 1) {
            throw new IllegalArgumentException("batch size, sequence length, windows per block and averaging frequency must"
                    + " each be at least 1, got " + batchSize + ", " + sequenceLength + ", " + windowsPerBlock + ", "
                    + averagingFrequency + ".");
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction + ".");
        }
        if (options == null) {
            throw new IllegalArgumentException("training options must be given.");
        }
    }
}
