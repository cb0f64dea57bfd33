package io.github.charrnn.training;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.batching.CharBatch;
import io.github.charrnn.batching.OneHot;
import io.github.charrnn.evaluation.Evaluator;
import io.github.charrnn.model.OneHotToIds;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The training loop: feeds mini-batches to the network's truncated-BPTT {@code fit}, counts steps, clips
 * gradients by their global norm, validates and reports.
 *
 * <p>One step is one optimizer update on one sequence-length window of every batch row. DL4J clears the
 * recurrent state at the start and the end of every {@code fit(DataSet)} and carries it between the windows
 * inside one; so an iterator whose mini-batches span several consecutive windows gets the articles'
 * behaviour: state carried from window to window, gradients cut every sequence length.
 *
 * <p>Not thread-safe: one {@code fit} at a time on a network ({@code CharRnn} makes sure of it).
 */
public final class Trainer {

    /** System property: {@code dl4j} trains with DL4J's own LSTM implementation instead of {@link GemmLstmTraining}. */
    public static final String IMPLEMENTATION_PROPERTY = "charrnn.training";

    private final MultiLayerNetwork network;
    private final int sequenceLength;
    private final double gradientClip;
    private final GemmLstmTraining gemmTraining;   // null where DL4J's own fit trains
    private final int vocabularySize;
    private final boolean takesIds;                // embedding input: features may be ids
    private Evaluator validator;                   // made at the first validation, kept for the others
    private EarlyStopper stopper;                  // null without early stopping
    private boolean bestRestored;                  // the run stopped early and holds its best validation's weights

    /**
     * @param network         the network to train (its truncated-BPTT length is {@code sequenceLength})
     * @param sequenceLength  characters per step
     * @param gradientClip    global L2 norm clip, 0 for none
     */
    public Trainer(MultiLayerNetwork network, int sequenceLength, double gradientClip) {
        this(network, sequenceLength, gradientClip,
                !"dl4j".equalsIgnoreCase(System.getProperty(IMPLEMENTATION_PROPERTY, "")));
    }

    /** @param gemmAllowed whether {@link GemmLstmTraining} may train the network where it supports it */
    Trainer(MultiLayerNetwork network, int sequenceLength, double gradientClip, boolean gemmAllowed) {
        this.network = network;
        this.sequenceLength = sequenceLength;
        this.gradientClip = gradientClip;
        this.vocabularySize = (int) network.layerInputSize(0);
        this.takesIds = network.getLayerWiseConfigurations().getInputPreProcess(0) instanceof OneHotToIds;
        this.gemmTraining = gemmAllowed && GemmLstmTraining.supports(network)
                ? new GemmLstmTraining(network, sequenceLength, gradientClip) : null;
    }

    /**
     * Trains.
     *
     * @param train        the training mini-batches: features and labels [batch, vocabulary, time] one-hot or
     *                     [batch, 1, time] symbol ids (features as ids only for a network with embedding input)
     * @param validation   validation mini-batches, or null for none
     * @param options      epochs, step limit, report and validation intervals
     * @param stepsBefore  steps the model did in earlier runs (steps are numbered on from there)
     * @param listeners    told of progress
     * @throws TrainingDivergedException if a loss becomes NaN or infinite
     */
    public TrainingReport fit(DataSetIterator train, DataSetIterator validation, TrainingOptions options,
                              long stepsBefore, Collection<ProgressListener> listeners) {
        return fit(train, validation, options, stepsBefore, listeners, null);
    }

    /**
     * Trains, telling {@code checkpoints} (may be null) when a checkpoint is due ({@link CheckpointListener}).
     * With {@link TrainingOptions#resumeFrom()} set, training continues at that epoch and mini-batch with ND4J's
     * random generator as it was: given the same model state and data, the run then goes on exactly as the
     * interrupted one would have.
     *
     * @see #fit(DataSetIterator, DataSetIterator, TrainingOptions, long, Collection)
     */
    public TrainingReport fit(DataSetIterator train, DataSetIterator validation, TrainingOptions options,
                              long stepsBefore, Collection<ProgressListener> listeners, CheckpointListener checkpoints) {
        ThroughputClock clock = new ThroughputClock();
        StepRecorder recorder = new StepRecorder(stepsBefore, options.reportEvery(), List.copyOf(listeners), clock);
        Collection<TrainingListener> previousListeners = new ArrayList<>(network.getListeners());   // a copy: DL4J returns its own list, which setListeners clears
        network.setListeners(new GlobalNormClipping(gradientClip), recorder);
        Steering steering = options.steering();
        steer(recorder, steering, stepsBefore);
        TrainingPosition resume = options.resumeFrom();
        BatchingKey batching = options.batching();
        if (resume != null) {
            Nd4j.getRandom().setStates(resume.randomRootState(), resume.randomNodeState());
        }
        long started = System.nanoTime();
        int epochsBegun = 0;
        int epoch = resume == null ? 1 : resume.epoch();
        long batchesDone = 0;
        // validation and checkpoints keep the step grid of the run being resumed
        long stepsAtLastValidation = options.validateEvery() > 0 ? stepsBefore - stepsBefore % options.validateEvery()
                : stepsBefore;
        long stepsAtLastCheckpoint = options.checkpointEvery() > 0 ? stepsBefore - stepsBefore % options.checkpointEvery()
                : stepsBefore;
        double bestValidation = Double.POSITIVE_INFINITY;
        StepRules rules = new StepRules(options);
        try {
            for (; rules.epochBegins(epoch, recorder.runSteps()) && !stoppedEarly(); epoch++) {
                boolean resumedEpoch = resume != null && epoch == resume.epoch();
                if (!resumedEpoch) {
                    epochsBegun++;
                }
                recorder.startEpoch(epoch);
                positionAtEpoch(train, resumedEpoch ? resume.epoch() : 1, resumedEpoch);
                StepRules.checkNotEmpty(train.hasNext());
                batchesDone = resumedEpoch ? skip(train, resume.batchesDone()) : 0;
                while (train.hasNext() && !rules.limitReached(recorder.runSteps()) && !stoppedEarly()) {
                    CharBatch whole = nextBatch(train);
                    // a step limit inside the mini-batch cuts it short; checkpoints need its end
                    CharBatch batch = whole.firstColumns(
                            rules.stepsAllowed(recorder.runSteps(), windows(whole)) * sequenceLength);
                    boolean wholeBatch = batch.length() == whole.length();
                    clock.start();
                    try {
                        if (gemmTraining != null && !batch.masked()) {
                            gemmTraining.fit(batch, recorder);
                        } else {
                            network.fit(forDl4jFit(batch));
                        }
                    } finally {
                        clock.stop();
                    }
                    StepRules.checkFinite(recorder.totalSteps(), recorder.lastStepLoss());
                    if (wholeBatch) {
                        batchesDone++;
                    }
                    if (validation != null && rules.validationDue(recorder.totalSteps(), stepsAtLastValidation)) {
                        validate(validation, recorder);
                        stepsAtLastValidation = recorder.totalSteps();
                        bestValidation = checkpointIfBest(checkpoints, recorder, bestValidation,
                                position(epoch, batchesDone, batching), wholeBatch);
                        if (stoppedEarly()) {
                            break;
                        }
                    }
                    boolean checkpointDue = checkpoints != null && options.checkpointEvery() > 0 && wholeBatch
                            && recorder.totalSteps() - stepsAtLastCheckpoint >= options.checkpointEvery();
                    if (checkpointDue) {
                        checkpoints.onCheckpoint(new CheckpointListener.Checkpoint(position(epoch, batchesDone, batching),
                                recorder.totalSteps(), recorder.recentLoss(), recorder.validationLoss(),
                                CheckpointListener.Reason.PERIODIC));
                        stepsAtLastCheckpoint = recorder.totalSteps();
                    }
                }
                if (validation != null && rules.validationDueAtEpochEnd(recorder.totalSteps(), stepsAtLastValidation)) {
                    validate(validation, recorder);
                    stepsAtLastValidation = recorder.totalSteps();
                    bestValidation = checkpointIfBest(checkpoints, recorder, bestValidation,
                            position(epoch, batchesDone, batching), true);
                }
                if (!rules.epochBegins(epoch + 1, recorder.runSteps()) || stoppedEarly()) {
                    break;   // the position stays in this epoch
                }
            }
            bestRestored = stoppedEarly() && stopper.restoreBest();
        } finally {
            network.setListeners(previousListeners);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new TrainingReport(recorder.runSteps(), recorder.totalSteps(), epochsBegun, recorder.runChars(),
                recorder.recentLoss(), recorder.validationLoss(), recorder.charsPerSecond(), seconds,
                position(epoch, batchesDone, batching));
    }

    /**
     * Resets the iterator for the epoch. When resuming, a fresh iterator is first reset once for each earlier
     * epoch, so that one whose order depends on how often it was reset (random windows) is where it would be.
     */
    private static void positionAtEpoch(DataSetIterator train, int epoch, boolean resumedEpoch) {
        if (!train.resetSupported()) {
            return;
        }
        int resets = resumedEpoch ? epoch : 1;
        for (int i = 0; i < resets; i++) {
            train.reset();
        }
    }

    private static long skip(DataSetIterator train, long batches) {
        long skipped = 0;
        while (skipped < batches && train.hasNext()) {
            train.next();
            skipped++;
        }
        return skipped;
    }

    private double checkpointIfBest(CheckpointListener checkpoints, StepRecorder recorder, double best,
                                    TrainingPosition position, boolean atBatchBoundary) {
        double loss = recorder.validationLoss();
        if (checkpoints == null || !(loss < best) || !atBatchBoundary) {
            return Math.min(best, Double.isNaN(loss) ? best : loss);
        }
        checkpoints.onCheckpoint(new CheckpointListener.Checkpoint(position, recorder.totalSteps(), recorder.recentLoss(),
                loss, CheckpointListener.Reason.BEST_VALIDATION));
        return loss;
    }

    private static TrainingPosition position(int epoch, long batchesDone, BatchingKey batching) {
        return new TrainingPosition(epoch, batchesDone, Nd4j.getRandom().rootState(), Nd4j.getRandom().nodeState(),
                batching);
    }

    /** The iterator's next mini-batch with its formats, checked against the network. */
    private CharBatch nextBatch(DataSetIterator train) {
        CharBatch batch = CharBatch.from(train.next(), train, vocabularySize);
        if (batch.featureFormat() == BatchFormat.IDS && !takesIds) {
            throw new IllegalArgumentException("Mini-batches must be features and labels of shape [batch, " + vocabularySize
                    + ", time] (one-hot, the model's vocabulary size in the middle) or [batch, 1, time] (symbol ids; for"
                    + " features only with embedding input); got features " + Arrays.toString(batch.features().shape())
                    + " as ids for a model without embedding input.");
        }
        return batch;
    }

    /** DL4J's own fit needs one-hot labels; ids features pass through an embedding network's preprocessor. */
    private DataSet forDl4jFit(CharBatch batch) {
        if (batch.labelFormat() == BatchFormat.ONE_HOT) {
            return batch.toDataSet();
        }
        return new DataSet(batch.features(), OneHot.ofIds(batch.labels(), vocabularySize), batch.featureMask(),
                batch.labelMask());
    }

    private void validate(DataSetIterator validation, StepRecorder recorder) {
        if (validator == null) {
            validator = new Evaluator(network);
        }
        recorder.validationDone(validator.evaluate(validation).loss());
        recorder.report(true);
        if (stopper != null) {
            stopper.validated(recorder.totalSteps(), recorder.validationLoss());
        }
    }

    /**
     * Sets up the steering of a run: the schedule's rate for the next step now and after every step, the rate in the
     * reports, the step observers, early stopping.
     */
    private void steer(StepRecorder recorder, Steering steering, long stepsBefore) {
        LearningRateSchedule schedule = steering.schedule();
        if (schedule != null) {
            LearningRates.set(network, schedule.rateAt(stepsBefore));
        }
        List<StepObserver> observers = steering.observers();
        recorder.steer(() -> LearningRates.current(network), steps -> {
            if (schedule != null) {
                LearningRates.set(network, schedule.rateAt(steps));
            }
            for (StepObserver observer : observers) {
                observer.afterStep(steps);
            }
        });
        stopper = steering.earlyStopping() == null ? null : new EarlyStopper(network, steering.earlyStopping());
    }

    /** Whether the last run stopped early and the network holds the weights of its best validation again. */
    public boolean bestRestored() {
        return bestRestored;
    }

    private boolean stoppedEarly() {
        return stopper != null && stopper.state().stopped();
    }

    /** Where early stopping stands (null without it): after a run that stopped, the network holds the best validation's weights, if that validation was in this run. */
    public EarlyStopping earlyStopping() {
        return stopper == null ? null : stopper.state();
    }

    /** Sequence-length windows (steps) in a mini-batch: the last may be shorter. */
    private long windows(CharBatch batch) {
        return (batch.length() + sequenceLength - 1) / sequenceLength;
    }
}
