/**
 * A whole training run on a text: {@link io.github.charrnn.datavec.training.TrainingRun} splits the text, cuts
 * the mini-batches, trains with validation, writes the loss log and checkpoints, resumes exactly, and saves the
 * model. {@code ./charrnn train}, the example programs and a Java application all train through it.
 */
package io.github.charrnn.datavec.training;
