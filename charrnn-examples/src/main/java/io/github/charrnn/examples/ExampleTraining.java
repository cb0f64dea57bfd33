package io.github.charrnn.examples;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.datavec.training.TrainingRun;
import io.github.charrnn.training.ProgressListener;
import io.github.charrnn.training.TrainingReport;
import io.github.charrnn.vocabulary.Vocabulary;

import java.io.PrintStream;
import java.util.List;

/**
 * Trains an example's model the articles' way and saves it: the last tenth of the text held out for validation,
 * consecutive mini-batches (the hidden state carried from one to the next), training and validation loss printed
 * as it goes, so that one can see whether the model still learns (both fall), overfits (validation rises while
 * training falls) or underfits (both stay close and high).
 */
public final class ExampleTraining {

    /** The share of the text, from its end, kept for validation: the articles' {@code val_frac}. */
    public static final double VALIDATION_FRACTION = TrainingRun.DEFAULT_VALIDATION_FRACTION;

    /** Progress lines printed over a run, whatever its length. */
    private static final int REPORTS = 20;
    /** Validations over a run (and one at the end of each epoch). */
    private static final int VALIDATIONS = 4;

    private ExampleTraining() {
    }

    /**
     * Builds a model for {@code corpus} as {@code settings} say, trains it for their steps and saves it.
     *
     * @throws IllegalArgumentException before training, if a prime has characters the text lacks (the model could
     *                                  not read them)
     */
    public static TrainedModel train(TextCorpus corpus, ExampleSettings settings, PrintStream out) {
        for (String prime : settings.primes()) {
            List<Integer> unknown = corpus.vocabulary().unknownCodePoints(prime);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("The prime \"" + prime + "\" has characters that " + corpus.name()
                        + " lacks: " + Vocabulary.describe(unknown) + ". Give a prime made of the text's characters (--prime).");
            }
        }
        CharRnn model = CharRnn.builder()
                .vocabulary(corpus.vocabulary())   // one input and one output per distinct character
                .hiddenSize(settings.hiddenSize()).layers(settings.layers()).dropout(settings.dropout())
                .learningRate(settings.learningRate()).sequenceLength(settings.sequenceLength())
                .seed(settings.seed())
                .build();
        double[] firstTrainLoss = {Double.NaN};
        ProgressListener printer = p -> {
            if (Double.isNaN(firstTrainLoss[0]) && !p.validated()) {
                firstTrainLoss[0] = p.trainLoss();
            }
            if (p.validated()) {
                out.printf("step %4d  epoch %d  validation loss %.3f%n", p.step(), p.epoch(), p.validationLoss());
            } else {
                out.printf("step %4d  epoch %d  train loss %.3f  %,.0f chars/s%n", p.step(), p.epoch(), p.trainLoss(),
                        p.charsPerSecond());
            }
        };
        // the split, the mini-batches (ids for big vocabularies' embedding input), validation, the loss log beside the
        // model file and saving it: a TrainingRun does what ./charrnn train does
        TrainingRun run = TrainingRun.builder(corpus, model)
                .batchSize(settings.batchSize()).validationFraction(VALIDATION_FRACTION).maxSteps(settings.steps())
                .reportEvery((int) Math.max(1, settings.steps() / REPORTS))
                .validateEvery((int) Math.max(1, settings.steps() / VALIDATIONS))   // and at the end of each epoch
                .modelFile(settings.modelFile())
                .listener(printer)
                .build();
        out.printf("model: %s; %d steps of %d x %d characters, %.1f epochs%n", model, settings.steps(),
                settings.batchSize(), settings.sequenceLength(), (double) settings.steps() / run.stepsPerEpoch());
        TrainingReport report = run.run();
        out.printf("trained %d steps in %.0f s: train loss %.3f, validation loss %.3f (nats per character); saved %s%n",
                report.steps(), report.seconds(), report.trainLoss(), report.validationLoss(), settings.modelFile());
        return new TrainedModel(model, settings.modelFile(), firstTrainLoss[0], report);
    }
}
