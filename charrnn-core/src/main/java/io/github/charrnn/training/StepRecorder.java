package io.github.charrnn.training;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

import java.util.List;

/**
 * Counts steps (one per truncated-BPTT segment, i.e. one optimizer iteration of DL4J), averages their loss
 * per character and tells the {@link ProgressListener}s every {@code reportEvery} steps.
 */
final class StepRecorder extends BaseTrainingListener implements GemmLstmTraining.StepListener {

    /** The final training loss of a run is the mean over this many last steps. */
    static final int RECENT_STEPS = 10;

    private final int reportEvery;
    private final List<ProgressListener> listeners;
    private final ThroughputClock clock;
    private final double[] recentLosses = new double[RECENT_STEPS];

    private long totalSteps;
    private long runSteps;
    private long runChars;
    private int epoch;
    private double lossSinceReport;
    private int stepsSinceReport;
    private double lastReportedLoss = Double.NaN;
    private double lastStepLoss = Double.NaN;
    private double validationLoss = Double.NaN;
    private java.util.function.DoubleSupplier learningRate = () -> Double.NaN;
    private StepObserver afterStep = steps -> { };
    private double lastStepRate = Double.NaN;

    StepRecorder(long stepsBefore, int reportEvery, List<ProgressListener> listeners, ThroughputClock clock) {
        this.totalSteps = stepsBefore;
        this.reportEvery = reportEvery;
        this.listeners = listeners;
        this.clock = clock;
    }

    @Override
    public void iterationDone(Model model, int iteration, int dl4jEpoch) {
        stepDone(((MultiLayerNetwork) model).getInput().size(0), StepLoss.timeSteps(model), StepLoss.perCharacter(model));
    }

    @Override
    public void stepDone(long rows, long time, double meanLoss) {
        lastStepLoss = meanLoss;
        lastStepRate = learningRate.getAsDouble();
        runChars += rows * time;
        totalSteps++;
        runSteps++;
        recentLosses[(int) ((runSteps - 1) % RECENT_STEPS)] = lastStepLoss;   // slots 0.. in step order, then round
        lossSinceReport += lastStepLoss;
        stepsSinceReport++;
        if (totalSteps % reportEvery == 0) {
            report(false);
        }
        afterStep.afterStep(totalSteps);
    }

    /** Reports carry the rate {@code rate} gives (the latest step's); {@code observer} hears after every step, after any report. */
    void steer(java.util.function.DoubleSupplier rate, StepObserver observer) {
        this.learningRate = rate;
        this.afterStep = observer;
    }

    /** Tells the listeners; {@code validated} marks a report right after a validation. */
    void report(boolean validated) {
        if (stepsSinceReport > 0) {
            lastReportedLoss = lossSinceReport / stepsSinceReport;
            lossSinceReport = 0;
            stepsSinceReport = 0;
        }
        TrainingProgress progress = new TrainingProgress(totalSteps, epoch, lastReportedLoss, validationLoss,
                charsPerSecond(), validated, lastStepRate);
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

    /** Mean loss of the last {@value #RECENT_STEPS} steps of this run (fewer if the run had fewer). */
    double recentLoss() {
        int n = (int) Math.min(runSteps, RECENT_STEPS);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += recentLosses[i];
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    double validationLoss() {
        return validationLoss;
    }
}
