package io.github.charrnn.training.parallel;

import io.github.charrnn.training.ProgressListener;
import io.github.charrnn.training.StepRules;
import io.github.charrnn.training.TrainingDivergedException;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingProgress;
import io.github.charrnn.training.TrainingReport;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The bookkeeping that data-parallel trainers share, by the rules single-process training follows too
 * ({@link StepRules}: step limit, validation due, divergence, empty epochs): each epoch's mini-batches are gathered into rounds, a round is
 * handed to the workers, and between rounds steps and characters are counted, the step limit is met exactly, the
 * validation loss is computed when due and the listeners are told.
 *
 * <p>A round ends at the next report or validation point, but holds at least {@code minBatchesPerRound}
 * mini-batches (one for each worker) unless the epoch or the step limit ends it first. Reports therefore come
 * after rounds, at about every {@link TrainingOptions#reportEvery()} steps. Not thread-safe; one run at a time.
 *
 * @param <B> a mini-batch as the trainer takes it (a DataSet, or symbol ids to encode on an executor)
 */
public final class RoundLoop<B> {

    /** The training mini-batches and how to measure and cut them. */
    public interface Batches<B> {

        /** A fresh pass over the training mini-batches, in order. */
        Iterator<B> epoch();

        /** Sequence-length windows (steps) in a mini-batch. */
        long windows(B batch);

        /** Characters of all rows in a mini-batch. */
        long characters(B batch);

        /** The mini-batch cut to its first {@code windows} windows. */
        B firstWindows(B batch, long windows);
    }

    /** Trains the workers on one round. */
    @FunctionalInterface
    public interface RoundTrainer<B> {

        /** Trains on the round's mini-batches; returns the round's mean training loss per character in nats. */
        double train(List<B> round);
    }

    private final TrainingOptions options;
    private final StepRules rules;
    private final int minBatchesPerRound;

    /**
     * @param options             epochs, step limit, report and validation intervals (checkpoints and resuming
     *                            are not supported and must be absent)
     * @param minBatchesPerRound  at least this many mini-batches per round: the number of workers
     * @throws IllegalArgumentException if the options ask for checkpoints or resuming
     */
    public RoundLoop(TrainingOptions options, int minBatchesPerRound) {
        if (options.checkpointEvery() > 0 || options.resumeFrom() != null) {
            throw new IllegalArgumentException("Data-parallel training writes no checkpoints and cannot resume a run;"
                    + " leave out the checkpoint interval and the position to resume from.");
        }
        this.options = options;
        this.rules = new StepRules(options);
        this.minBatchesPerRound = Math.max(1, minBatchesPerRound);
    }

    /**
     * Runs the epochs.
     *
     * @param batches      the training mini-batches
     * @param trainer      trains one round
     * @param validation   computes the validation loss, or null for none
     * @param stepsBefore  steps of earlier runs
     * @param listeners    told of progress
     * @throws TrainingDivergedException if a round's loss is NaN or infinite
     */
    public TrainingReport run(Batches<B> batches, RoundTrainer<B> trainer, DoubleSupplier validation, long stepsBefore,
                              List<ProgressListener> listeners) {
        Counters count = new Counters(stepsBefore, listeners);
        long started = System.nanoTime();
        int epochsBegun = 0;
        for (int epoch = 1; rules.epochBegins(epoch, count.runSteps); epoch++) {
            epochsBegun++;
            count.epoch = epoch;
            Iterator<B> pass = StepRules.checkNotEmpty(batches.epoch());
            while (pass.hasNext() && !rules.limitReached(count.runSteps)) {
                List<B> round = nextRound(pass, batches, count.runSteps);
                long roundStart = System.nanoTime();
                double loss = trainer.train(round);
                count.trainingNanos += System.nanoTime() - roundStart;
                StepRules.checkFinite(stepsBefore + count.runSteps, loss);
                for (B batch : round) {
                    count.runSteps += batches.windows(batch);
                    count.runChars += batches.characters(batch);
                }
                count.trainLoss = loss;
                boolean due = rules.validationDue(count.runSteps, count.validatedAt);
                count.report(validation != null && due ? count.validate(validation) : false);
            }
            if (validation != null && rules.validationDueAtEpochEnd(count.runSteps, count.validatedAt)) {
                count.report(count.validate(validation));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new TrainingReport(count.runSteps, stepsBefore + count.runSteps, epochsBegun, count.runChars,
                count.trainLoss, count.validationLoss, count.charsPerSecond(), seconds, null);
    }

    /** Mini-batches up to the next report or validation point (at least one per worker), within the step limit. */
    private List<B> nextRound(Iterator<B> pass, Batches<B> batches, long runSteps) {
        long target = stepsToNextPoint(runSteps);
        List<B> round = new ArrayList<>();
        long steps = 0;
        while (pass.hasNext() && (round.size() < minBatchesPerRound || steps < target)
                && !rules.limitReached(runSteps + steps)) {
            B batch = pass.next();
            long allowed = rules.stepsAllowed(runSteps + steps, batches.windows(batch));
            if (allowed < batches.windows(batch)) {
                batch = batches.firstWindows(batch, allowed);
            }
            round.add(batch);
            steps += batches.windows(batch);
        }
        return round;
    }

    private long stepsToNextPoint(long runSteps) {
        long toReport = options.reportEvery() - runSteps % options.reportEvery();
        long toValidation = options.validateEvery() > 0 ? options.validateEvery() - runSteps % options.validateEvery()
                : Long.MAX_VALUE;
        return Math.min(toReport, toValidation);
    }

    /** The figures of one run. */
    private static final class Counters {
        private final long stepsBefore;
        private final List<ProgressListener> listeners;
        private long runSteps;
        private long runChars;
        private long trainingNanos;
        private long validatedAt;
        private int epoch;
        private double trainLoss = Double.NaN;
        private double validationLoss = Double.NaN;

        Counters(long stepsBefore, List<ProgressListener> listeners) {
            this.stepsBefore = stepsBefore;
            this.listeners = listeners;
        }

        boolean validate(DoubleSupplier validation) {
            validationLoss = validation.getAsDouble();
            validatedAt = runSteps;
            return true;
        }

        void report(boolean validated) {
            TrainingProgress progress = new TrainingProgress(stepsBefore + runSteps, epoch, trainLoss, validationLoss,
                    charsPerSecond(), validated);
            for (ProgressListener listener : listeners) {
                listener.onProgress(progress);
            }
        }

        double charsPerSecond() {
            return trainingNanos > 0 ? runChars / (trainingNanos / 1e9) : 0;
        }
    }
}
