package io.github.charrnn.cli;

import io.github.charrnn.training.ProgressListener;
import io.github.charrnn.training.TrainingProgress;

import java.io.PrintStream;

/** Prints one line per training report, as the articles' notebooks do. */
final class ProgressPrinter implements ProgressListener {

    private final PrintStream out;
    private final int epochs;
    private final long stepsPlanned;

    ProgressPrinter(PrintStream out, int epochs, long stepsPlanned) {
        this.out = out;
        this.epochs = epochs;
        this.stepsPlanned = stepsPlanned;
    }

    @Override
    public void onProgress(TrainingProgress p) {
        if (p.validated()) {
            out.printf("epoch %d/%d  step %d/%d  validation loss %.4f (perplexity %.2f)%n", p.epoch(), epochs, p.step(),
                    stepsPlanned, p.validationLoss(), p.validationPerplexity());
        } else {
            out.printf("epoch %d/%d  step %d/%d  train loss %.4f  lr %s  %,.0f chars/s%n", p.epoch(), epochs, p.step(),
                    stepsPlanned, p.trainLoss(), rate(p.learningRate()), p.charsPerSecond());
        }
        out.flush();
    }

    /** A learning rate in three significant digits, "-" where unknown. */
    static String rate(double learningRate) {
        return Double.isNaN(learningRate) ? "-" : String.format(java.util.Locale.ROOT, "%.3g", learningRate);
    }
}
