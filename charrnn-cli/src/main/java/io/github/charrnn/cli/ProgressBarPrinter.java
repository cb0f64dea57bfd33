package io.github.charrnn.cli;

import io.github.charrnn.training.ProgressListener;
import io.github.charrnn.training.TrainingProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.Duration;
import java.util.Locale;

/**
 * Training progress as a bar in the terminal (me.tongfei:progressbar): steps done of those planned, elapsed time
 * and ETA, and after them epoch, latest train and validation loss and chars/s. Used when standard output is a
 * terminal; otherwise {@link ProgressPrinter} prints plain lines.
 */
final class ProgressBarPrinter implements ProgressListener, AutoCloseable {

    private final ProgressBar bar;
    private final int epochs;
    private double validationLoss = Double.NaN;

    ProgressBarPrinter(int epochs, long stepsPlanned, long stepsBefore) {
        this.epochs = epochs;
        this.bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(stepsPlanned)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit(" steps", 1).showSpeed()
                .startsFrom(stepsBefore, Duration.ZERO).build();
    }

    @Override
    public void onProgress(TrainingProgress p) {
        if (p.validated()) {
            validationLoss = p.validationLoss();
        }
        bar.stepTo(p.step());
        bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d/%d  loss %.3f  val %s  lr %s  %,.0f chars/s", p.epoch(),
                epochs, p.trainLoss(), Double.isNaN(validationLoss) ? "-" : String.format(Locale.ROOT, "%.3f", validationLoss),
                ProgressPrinter.rate(p.learningRate()), p.charsPerSecond()));
    }

    @Override
    public void close() {
        bar.close();
    }
}
