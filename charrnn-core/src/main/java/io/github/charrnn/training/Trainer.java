package io.github.charrnn.training;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.batching.CharBatch;
import io.github.charrnn.batching.CharBatchSource;
import io.github.charrnn.batching.OneHot;
import io.github.charrnn.evaluation.EvaluationResult;
import io.github.charrnn.evaluation.Evaluator;
import io.github.charrnn.model.OneHotToIds;
import io.github.charrnn.runtime.OffHeap;
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
 * <p>One step is one optimizer update on one sequence-length window of every batch row. On charrnn's own path
 * ({@link GemmLstmTraining}, LSTM networks) the windows are trained one at a time and the recurrent state carries
 * from window to window through a whole pass when the iterator's mini-batches continue each other
 * ({@link CharBatchSource#consecutive()}), as the articles' training does (gradients cut every sequence length); a
 * run can then validate, checkpoint or stop after any step, and its {@link TrainingPosition} records the windows
 * done and the state carried ({@link CarriedState}), so a resumed run reaches the uninterrupted run's weights.
 * Where DL4J's own {@code fit(DataSet)} trains (other networks, masked mini-batches, {@value #IMPLEMENTATION_PROPERTY}
 * {@code =dl4j}), the state starts at zero with every mini-batch and carries only between the windows inside it,
 * and checkpoints and stops fall at mini-batch ends.
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
        if (resume != null) {
            Nd4j.getRandom().setStates(resume.randomRootState(), resume.randomNodeState());
        }
        boolean consecutive = CharBatchSource.consecutive(train);
        Run run = new Run(options, checkpoints, recorder, validation, stepsBefore,
                resume != null && resume.runId() != null ? resume.runId() : options.control().runId());
        int epochsBegun = 0;
        int epoch = resume == null ? 1 : resume.epoch();
        run.epoch = epoch;
        try {
            for (; run.rules.epochBegins(epoch, recorder.runSteps()) && !stoppedEarly(); epoch++) {
                boolean resumedEpoch = resume != null && epoch == resume.epoch();
                if (!resumedEpoch) {
                    epochsBegun++;
                }
                run.epoch = epoch;
                recorder.startEpoch(epoch);
                positionAtEpoch(train, resumedEpoch ? resume.epoch() : 1, resumedEpoch);
                StepRules.checkNotEmpty(train.hasNext());
                CarriedState carried = resumedEpoch ? resume.carried() : null;
                run.batchesDone = 0;
                run.windowsIntoBatch = 0;
                run.windowsIntoEpoch = 0;
                CharBatch pending = null;
                if (carried != null) {
                    pending = skipWindows(train, carried.windowsIntoEpoch(), run);
                } else if (resumedEpoch) {
                    skipBatches(train, resume.batchesDone(), run);
                }
                if (gemmTraining != null) {
                    gemmTraining.forgetState();   // every pass starts from a zero state
                }
                float[] restore = carried == null || carried.state().length == 0 ? null : carried.floats();
                if (restore != null && gemmTraining == null) {
                    throw new IllegalArgumentException("The run to resume was stopped between the windows of a mini-batch by"
                            + " charrnn's own training, which this network is not trained with here (-D"
                            + IMPLEMENTATION_PROPERTY + "=dl4j?); resume it as it was trained.");
                }
                while ((pending != null || train.hasNext()) && !run.rules.limitReached(recorder.runSteps())
                        && !run.stopped && !stoppedEarly()) {
                    CharBatch whole = pending != null ? pending : nextBatch(train);
                    pending = null;
                    if (gemmTraining != null && !whole.masked()) {
                        if (restore != null) {
                            gemmTraining.restoreState(carried.rows(), restore);
                            restore = null;
                        } else if (!consecutive && run.windowsIntoBatch == 0) {
                            gemmTraining.forgetState();   // rows of another place in the text: DL4J's behaviour
                        }
                        trainWindows(whole, run, consecutive, clock);
                        release(train, whole);
                    } else {
                        trainWithDl4j(whole, run, clock);
                    }
                }
                if (!run.stopped && validation != null
                        && run.rules.validationDueAtEpochEnd(recorder.totalSteps(), run.stepsAtLastValidation)) {
                    run.validate(true);
                }
                if (run.stopped || stoppedEarly() || !run.rules.epochBegins(epoch + 1, recorder.runSteps())) {
                    break;   // the position stays in this epoch
                }
            }
            bestRestored = stoppedEarly() && stopper.restoreBest();
        } finally {
            network.setListeners(previousListeners);
        }
        double seconds = (System.nanoTime() - run.started) / 1e9;
        return new TrainingReport(recorder.runSteps(), recorder.totalSteps(), epochsBegun, recorder.runChars(),
                recorder.recentLoss(), recorder.validationLoss(), recorder.charsPerSecond(), seconds, run.position());
    }

    /**
     * Trains the windows of a mini-batch one step at a time on charrnn's own path, from the run's window on; after
     * every step the run may validate, save a checkpoint or stop, all of which resume exactly from there.
     */
    private void trainWindows(CharBatch whole, Run run, boolean consecutive, ThroughputClock clock) {
        long windows = windows(whole);
        for (long w = run.windowsIntoBatch; w < windows && !run.rules.limitReached(run.recorder.runSteps()); w++) {
            clock.start();
            try {
                gemmTraining.fitWindow(whole, w, run.recorder);
            } finally {
                clock.stop();
            }
            StepRules.checkFinite(run.recorder.totalSteps(), run.recorder.lastStepLoss());
            run.windowsIntoBatch = w + 1;
            run.windowsIntoEpoch++;
            if (run.windowsIntoBatch == windows) {
                run.batchesDone++;
                run.windowsIntoBatch = 0;
            }
            run.carries = consecutive || run.windowsIntoBatch > 0;
            if (run.afterStep(true)) {
                return;
            }
        }
    }

    /** Trains a mini-batch with DL4J's own fit (cut short by the step limit); the run can stop only at its end. */
    private void trainWithDl4j(CharBatch whole, Run run, ThroughputClock clock) {
        CharBatch batch = whole.firstColumns(run.rules.stepsAllowed(run.recorder.runSteps(), windows(whole)) * sequenceLength);
        boolean wholeBatch = batch.length() == whole.length();
        clock.start();
        try {
            network.fit(forDl4jFit(batch));
        } finally {
            clock.stop();
        }
        StepRules.checkFinite(run.recorder.totalSteps(), run.recorder.lastStepLoss());
        if (wholeBatch) {
            run.batchesDone++;
        }
        run.windowsIntoEpoch += windows(batch);
        run.carries = false;
        run.afterStep(wholeBatch);
    }

    /** Where one call of {@code fit} stands, and what it does after each step. */
    private final class Run {
        final TrainingOptions options;
        final StepRules rules;
        final CheckpointListener checkpoints;
        final StepRecorder recorder;
        final DataSetIterator validation;
        final String runId;
        final long started = System.nanoTime();
        int epoch;
        long batchesDone;
        long windowsIntoBatch;
        long windowsIntoEpoch;
        boolean carries;            // whether the next window continues the state of the last (charrnn's path)
        boolean stopped;
        long stepsAtLastValidation;
        long stepsAtLastCheckpoint;
        long nanosAtLastCheckpoint = System.nanoTime();
        double bestValidation = Double.POSITIVE_INFINITY;

        Run(TrainingOptions options, CheckpointListener checkpoints, StepRecorder recorder, DataSetIterator validation,
            long stepsBefore, String runId) {
            this.options = options;
            this.rules = new StepRules(options);
            this.checkpoints = checkpoints;
            this.recorder = recorder;
            this.validation = validation;
            this.runId = runId;
            // validation and checkpoints keep the step grid of the run being resumed
            this.stepsAtLastValidation = options.validateEvery() > 0 ? stepsBefore - stepsBefore % options.validateEvery()
                    : stepsBefore;
            this.stepsAtLastCheckpoint = options.checkpointEvery() > 0 ? stepsBefore - stepsBefore % options.checkpointEvery()
                    : stepsBefore;
        }

        /**
         * After a step: validation when due, a checkpoint when due by steps or by the clock, and a stop (with a
         * checkpoint) when asked for or past the time limit. {@code resumable}: whether training can be resumed
         * from exactly here (else only validation runs). Returns whether the run stops.
         */
        boolean afterStep(boolean resumable) {
            if (validation != null && rules.validationDue(recorder.totalSteps(), stepsAtLastValidation)) {
                validate(resumable);
                if (stoppedEarly()) {
                    return true;   // early stopping ends the run here (it restores the best weights itself)
                }
            }
            if (!resumable) {
                return false;
            }
            RunControl control = options.control();
            long now = System.nanoTime();
            if (control.timeLimit() != null && now - started >= control.timeLimit().toNanos()) {
                control.stop().request("the time limit of " + control.timeLimit().toString().substring(2).toLowerCase(java.util.Locale.ROOT));
            }
            if (control.stop().requested() && !rules.limitReached(recorder.runSteps())) {
                stopped = true;
                checkpoint(CheckpointListener.Reason.STOPPED, now);
                return true;
            }
            boolean dueBySteps = options.checkpointEvery() > 0
                    && recorder.totalSteps() - stepsAtLastCheckpoint >= options.checkpointEvery();
            boolean dueByClock = control.checkpointInterval() != null
                    && now - nanosAtLastCheckpoint >= control.checkpointInterval().toNanos();
            if (dueBySteps || dueByClock) {
                checkpoint(CheckpointListener.Reason.PERIODIC, now);
            }
            return false;
        }

        private void checkpoint(CheckpointListener.Reason reason, long now) {
            if (checkpoints != null) {
                checkpoints.onCheckpoint(new CheckpointListener.Checkpoint(position(), recorder.totalSteps(),
                        recorder.recentLoss(), recorder.validationLoss(), reason));
            }
            stepsAtLastCheckpoint = recorder.totalSteps();
            nanosAtLastCheckpoint = now;
        }

        void validate(boolean resumable) {
            // a stop asked for during a long validation abandons it: the checkpoint comes at once
            if (!Trainer.this.validate(validation, recorder, options.control().stop())) {
                return;
            }
            stepsAtLastValidation = recorder.totalSteps();
            double loss = recorder.validationLoss();
            if (checkpoints != null && loss < bestValidation && resumable) {
                checkpoints.onCheckpoint(new CheckpointListener.Checkpoint(position(), recorder.totalSteps(),
                        recorder.recentLoss(), loss, CheckpointListener.Reason.BEST_VALIDATION));
            }
            if (loss < bestValidation) {
                bestValidation = loss;
            }
        }

        /** Where training stands now, with the state the next window starts from when it carries one. */
        TrainingPosition position() {
            CarriedState carried = null;
            if (carries && gemmTraining != null) {
                float[] state = gemmTraining.carriedState();
                carried = state == null ? null : CarriedState.of(windowsIntoEpoch, state.length == 0 ? 0
                        : gemmTraining.rows(), state);
            }
            BatchingKey batching = options.batching();
            return new TrainingPosition(epoch, batchesDone, Nd4j.getRandom().rootState(), Nd4j.getRandom().nodeState(),
                    batching == null ? null : batching.describe(), batching, runId, carried);
        }
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

    /** Skips the first {@code batches} mini-batches of the epoch (a position of an earlier version), counting them. */
    private void skipBatches(DataSetIterator train, long batches, Run run) {
        while (run.batchesDone < batches && train.hasNext()) {
            CharBatch skipped = nextBatch(train);
            run.windowsIntoEpoch += windows(skipped);
            run.batchesDone++;
            release(train, skipped);
        }
    }

    /**
     * Skips the first {@code windows} windows of the epoch, however they are cut into mini-batches; returns the
     * mini-batch they end inside of (the run's window within it set), or null if they end at a mini-batch's end.
     */
    private CharBatch skipWindows(DataSetIterator train, long windows, Run run) {
        while (run.windowsIntoEpoch < windows && train.hasNext()) {
            CharBatch batch = nextBatch(train);
            long inBatch = windows(batch);
            if (run.windowsIntoEpoch + inBatch > windows) {
                run.windowsIntoBatch = windows - run.windowsIntoEpoch;
                run.windowsIntoEpoch = windows;
                return batch;
            }
            run.windowsIntoEpoch += inBatch;
            run.batchesDone++;
            release(train, batch);
        }
        return null;
    }

    /**
     * Frees a mini-batch's arrays now rather than at the next collection, where the iterator makes them afresh for
     * each call of {@code next()} (a {@link CharBatchSource}; other iterators may hand out the same arrays again).
     */
    private static void release(DataSetIterator train, CharBatch batch) {
        if (train instanceof CharBatchSource) {
            OffHeap.release(batch.features(), batch.labels());
        }
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

    /** Validates, unless {@code stop} is asked for meanwhile; returns whether it did. */
    private boolean validate(DataSetIterator validation, StepRecorder recorder, StopRequest stop) {
        if (validator == null) {
            validator = new Evaluator(network);
        }
        EvaluationResult result = validator.evaluate(validation, CharBatchSource.consecutive(validation), stop::requested);
        if (result == null) {
            return false;
        }
        recorder.validationDone(result.loss());
        recorder.report(true);
        if (stopper != null) {
            stopper.validated(recorder.totalSteps(), recorder.validationLoss());
        }
        return true;
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
