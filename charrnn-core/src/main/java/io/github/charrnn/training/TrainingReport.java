package io.github.charrnn.training;

/**
 * The outcome of one {@code fit} call.
 *
 * <p>Immutable.
 *
 * @param steps            steps done in this run
 * @param totalSteps       steps the model has done in all its runs
 * @param epochs           epochs begun in this run
 * @param characters       characters of all batch rows trained on in this run
 * @param trainLoss        mean training loss of the last 10 steps (nats per character)
 * @param validationLoss   validation loss at the end, NaN without validation data
 * @param charsPerSecond   training throughput of this run
 * @param seconds          wall time of this run, validation included
 * @param position         null after a {@link DataParallelTraining}; else where the run stopped: after its last complete mini-batch (a mini-batch cut short by
 *                         the step limit is trained again when the run is resumed)
 */
public record TrainingReport(long steps, long totalSteps, int epochs, long characters, double trainLoss, double validationLoss,
                             double charsPerSecond, double seconds, TrainingPosition position) {
}
