package io.github.charrnn.training;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Counts steps (one per truncated-BPTT segment, i.e. one optimizer iteration of DL4J), averages their loss
 * per character and tells the {@link ProgressListener}s every {@code reportEvery} steps.
 */
final class StepRecorder extends BaseTrainingListener {

    private final int reportEvery;
    private final List<ProgressListener> listeners;
    private final ThroughputClock clock;

    private long totalSteps;
    private long runSteps;
    private long runChars;
    private int epoch;
    private double lossSinceReport;
    private int stepsSinceReport;
    private double lastReportedLoss = Double.NaN;
    private double lastStepLoss = Double.NaN;
    private double validationLoss = Double.NaN;

    StepRecorder(long stepsBefore, int reportEvery, List<ProgressListener> listeners, ThroughputClock clock) {
        this.totalSteps = stepsBefore;
        this.reportEvery = reportEvery;
        this.listeners = listeners;
        this.clock = clock;
    }

    @Override
    public void iterationDone(Model model, int iteration, int dl4jEpoch) {
        INDArray input = ((MultiLayerNetwork) model).getInput();
        long time = input.rank() == 3 ? input.size(2) : 1;
        // DL4J's score of a recurrent output layer is the loss summed over time, averaged over the batch
        lastStepLoss = model.score() / time;
        runChars += input.size(0) * time;
        totalSteps++;
        runSteps++;
        lossSinceReport += lastStepLoss;
        stepsSinceReport++;
        if (totalSteps % reportEvery == 0) {
            report(false);
        }
    }

    /** Tells the listeners; {@code validated} marks a report right after a validation. */
    void report(boolean validated) {
        if (stepsSinceReport > 0) {
            lastReportedLoss = lossSinceReport / stepsSinceReport;
            lossSinceReport = 0;
            stepsSinceReport = 0;
        }
        TrainingProgress progress = new TrainingProgress(totalSteps, epoch, lastReportedLoss, validationLoss,
                charsPerSecond(), validated);
        for (ProgressListener listener : listeners) {
            listener.onProgress(progress);
        }
    }

    void startEpoch(int epoch) {
        this.epoch = epoch;
    }

    void validationDone(double loss) {
        this.validationLoss = loss;
    }

    double charsPerSecond() {
        double seconds = clock.trainingSeconds();
        return seconds > 0 ? runChars / seconds : 0;
    }

    long totalSteps() {
        return totalSteps;
    }

    long runSteps() {
        return runSteps;
    }

    long runChars() {
        return runChars;
    }

    double lastStepLoss() {
        return lastStepLoss;
    }

    /** Mean loss of the last reported interval, or of the steps since then if none was reported yet. */
    double recentLoss() {
        return stepsSinceReport > 0 ? lossSinceReport / stepsSinceReport : lastReportedLoss;
    }

    double validationLoss() {
        return validationLoss;
    }
}
