package io.github.charrnn.training.parallel;

import org.deeplearning4j.nn.api.Model;
import io.github.charrnn.training.StepLoss;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

/**
 * Averages the loss per character of the steps that several workers' networks take at once: one DL4J listener
 * instance attached to every worker. Thread-safe.
 */
final class ConcurrentLossMeter extends BaseTrainingListener {

    private double lossSum;
    private long steps;

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        double meanLoss = StepLoss.perCharacter(model);
        synchronized (this) {
            lossSum += meanLoss;
            steps++;
        }
    }

    /** The mean loss of the steps since the last call (NaN if none), and starts counting afresh. */
    synchronized double takeMean() {
        double mean = steps == 0 ? Double.NaN : lossSum / steps;
        lossSum = 0;
        steps = 0;
        return mean;
    }
}
