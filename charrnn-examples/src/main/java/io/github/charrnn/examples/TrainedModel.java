package io.github.charrnn.examples;

import io.github.charrnn.CharRnn;
import io.github.charrnn.training.TrainingReport;

import java.nio.file.Path;

/**
 * A model an example has trained and saved.
 *
 * @param model          the trained model
 * @param file           where it was saved
 * @param firstTrainLoss the training loss of the first progress report (the mean over its steps), to compare
 *                       with the last one
 * @param report         how training ended: steps, losses, time
 */
public record TrainedModel(CharRnn model, Path file, double firstTrainLoss, TrainingReport report) {
}
