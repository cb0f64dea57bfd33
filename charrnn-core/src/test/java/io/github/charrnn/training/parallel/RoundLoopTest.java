package io.github.charrnn.training.parallel;

import io.github.charrnn.training.ProgressListener;
import io.github.charrnn.training.TrainingDivergedException;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingPosition;
import io.github.charrnn.training.TrainingProgress;
import io.github.charrnn.training.TrainingReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RoundLoop's rules with mini-batches that are only a number of windows: no network, no data. */
class RoundLoopTest {

    /** A mini-batch of {@code windows} sequence-length windows of 10 characters each. */
    private record Batch(int id, long windows) {
    }

    /** Epochs of the same mini-batches; counts the passes. */
    private static final class Batches implements RoundLoop.Batches<Batch> {
        private final List<Batch> batches = new ArrayList<>();
        private int epochs;

        Batches(long... windows) {
            for (int i = 0; i < windows.length; i++) {
                batches.add(new Batch(i, windows[i]));
            }
        }

        @Override
        public Iterator<Batch> epoch() {
            epochs++;
            return batches.iterator();
        }

        @Override
        public long windows(Batch batch) {
            return batch.windows();
        }

        @Override
        public long characters(Batch batch) {
            return 10 * batch.windows();
        }

        @Override
        public Batch firstWindows(Batch batch, long windows) {
            return new Batch(batch.id(), windows);
        }
    }

    /** Records the rounds; returns the losses in turn (the last one again when they run out). */
    private static final class Rounds implements RoundLoop.RoundTrainer<Batch> {
        private final List<List<Batch>> rounds = new ArrayList<>();
        private final double[] losses;

        Rounds(double... losses) {
            this.losses = losses.length > 0 ? losses : new double[]{1.0};
        }

        @Override
        public double train(List<Batch> round) {
            rounds.add(List.copyOf(round));
            return losses[Math.min(rounds.size(), losses.length) - 1];
        }

        List<Integer> sizes() {
            return rounds.stream().map(List::size).toList();
        }

        long windows() {
            return rounds.stream().flatMap(List::stream).mapToLong(Batch::windows).sum();
        }
    }

    /** Counts calls; returns 2.0, 2.1, 2.2 ... */
    private static final class Validation implements DoubleSupplier {
        private int calls;

        @Override
        public double getAsDouble() {
            return 2.0 + 0.1 * calls++;
        }
    }

    @Test
    void refusesCheckpointsAndResuming() {
        assertThrows(IllegalArgumentException.class,
                () -> new RoundLoop<Batch>(TrainingOptions.builder().checkpointEvery(5).build(), 2));
        TrainingPosition position = new TrainingPosition(1, 0, 0, 0, (String) null);
        assertThrows(IllegalArgumentException.class,
                () -> new RoundLoop<Batch>(TrainingOptions.builder().resumeFrom(position).build(), 2));
    }

    @Test
    void aRoundEndsAtTheNextReportPoint() {
        List<TrainingProgress> reports = new ArrayList<>();
        Rounds rounds = new Rounds(3.0, 2.5, 2.0);
        TrainingReport report = loop(TrainingOptions.builder().reportEvery(4).build(), 1)
                .run(new Batches(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), rounds, null, 0, List.of(reports::add));
        assertEquals(List.of(4, 4, 2), rounds.sizes());
        assertEquals(List.of(4L, 8L, 10L), reports.stream().map(TrainingProgress::step).toList());
        assertEquals(List.of(3.0, 2.5, 2.0), reports.stream().map(TrainingProgress::trainLoss).toList());
        assertTrue(reports.stream().noneMatch(TrainingProgress::validated));
        assertTrue(reports.stream().allMatch(p -> Double.isNaN(p.validationLoss())));
        assertEquals(10, report.steps());
        assertEquals(10, report.totalSteps());
        assertEquals(1, report.epochs());
        assertEquals(100, report.characters());
        assertEquals(2.0, report.trainLoss());
        assertTrue(Double.isNaN(report.validationLoss()));
        assertNull(report.position());
    }

    @Test
    void aRoundHoldsAtLeastOneMiniBatchPerWorkerUnlessTheEpochEndsIt() {
        Rounds rounds = new Rounds();
        loop(TrainingOptions.builder().reportEvery(1).build(), 3)
                .run(new Batches(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), rounds, null, 0, List.of());
        assertEquals(List.of(3, 3, 3, 1), rounds.sizes());
        // no fewer than one mini-batch even for zero workers
        Rounds single = new Rounds();
        loop(TrainingOptions.builder().reportEvery(1).build(), 0).run(new Batches(1, 1, 1), single, null, 0, List.of());
        assertEquals(List.of(1, 1, 1), single.sizes());
    }

    @Test
    void theStepLimitIsMetExactlyByCuttingTheLastMiniBatch() {
        List<TrainingProgress> reports = new ArrayList<>();
        Rounds rounds = new Rounds();
        Batches batches = new Batches(3, 3, 3, 3);
        TrainingReport report = loop(TrainingOptions.builder().epochs(3).maxSteps(7).reportEvery(100).build(), 1)
                .run(batches, rounds, null, 50, List.of(reports::add));
        assertEquals(7, rounds.windows());
        assertEquals(List.of(new Batch(0, 3), new Batch(1, 3), new Batch(2, 1)), rounds.rounds.get(0));
        assertEquals(7, report.steps());
        assertEquals(57, report.totalSteps());
        assertEquals(70, report.characters());
        assertEquals(1, report.epochs());   // the limit came in the first epoch: no second one begun
        assertEquals(1, batches.epochs);
        assertEquals(List.of(57L), reports.stream().map(TrainingProgress::step).toList());
    }

    @Test
    void theStepLimitCanEndARunInALaterEpoch() {
        Rounds rounds = new Rounds();
        Batches batches = new Batches(2, 2);
        TrainingReport report = loop(TrainingOptions.builder().epochs(5).maxSteps(6).reportEvery(1).build(), 1)
                .run(batches, rounds, null, 0, List.of());
        assertEquals(6, report.steps());
        assertEquals(2, report.epochs());
        assertEquals(2, batches.epochs);
    }

    @Test
    void validatesWhenDueAndAtTheEndOfEachEpoch() {
        List<TrainingProgress> reports = new ArrayList<>();
        Validation validation = new Validation();
        Rounds rounds = new Rounds();
        TrainingReport report = loop(TrainingOptions.builder().epochs(2).reportEvery(4).validateEvery(4).build(), 1)
                .run(new Batches(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), rounds, validation, 0, List.of(reports::add));
        // epoch 1: rounds end at 4, 8 (both validated), 10 (not due), then the epoch's end validates at 10
        // epoch 2 counts on from 10: a report point at 12 (only 2 steps after the last validation), then 16 and 20
        // (validated when due, so the end of the epoch does not validate again)
        assertEquals(List.of(4, 4, 2, 2, 4, 4), rounds.sizes());
        assertEquals(List.of(4L, 8L, 10L, 10L, 12L, 16L, 20L), reports.stream().map(TrainingProgress::step).toList());
        assertEquals(List.of(true, true, false, true, false, true, true),
                reports.stream().map(TrainingProgress::validated).toList());
        assertEquals(List.of(1, 1, 1, 1, 2, 2, 2), reports.stream().map(TrainingProgress::epoch).toList());
        assertEquals(5, validation.calls);
        assertEquals(2.0, reports.get(0).validationLoss(), 1e-12);
        assertEquals(2.1, reports.get(2).validationLoss(), 1e-12);   // the latest one, on a report without validation
        assertEquals(2.4, reports.get(reports.size() - 1).validationLoss(), 1e-12);
        assertEquals(2.4, report.validationLoss(), 1e-12);
        assertEquals(2, report.epochs());
    }

    @Test
    void withoutAnIntervalValidatesOnlyAtTheEndOfEachEpoch() {
        List<TrainingProgress> reports = new ArrayList<>();
        Validation validation = new Validation();
        loop(TrainingOptions.builder().epochs(2).reportEvery(2).build(), 1)
                .run(new Batches(1, 1, 1), new Rounds(), validation, 0, List.of(reports::add));
        assertEquals(2, validation.calls);
        // epoch 2 starts at step 3: its first round ends at the report point 4
        assertEquals(List.of(2L, 3L, 3L, 4L, 6L, 6L), reports.stream().map(TrainingProgress::step).toList());
        assertEquals(List.of(false, false, true, false, false, true),
                reports.stream().map(TrainingProgress::validated).toList());
    }

    @Test
    void aLossThatIsNotFiniteStopsTheRunAtTheRoundsFirstStep() {
        for (double loss : new double[]{Double.NaN, Double.POSITIVE_INFINITY}) {
            Rounds rounds = new Rounds(2.0, loss, 1.0);
            TrainingDivergedException diverged = assertThrows(TrainingDivergedException.class,
                    () -> loop(TrainingOptions.builder().reportEvery(2).build(), 1)
                            .run(new Batches(1, 1, 1, 1, 1, 1), rounds, null, 100, List.of()));
            assertTrue(diverged.getMessage().contains("step 102"), diverged.getMessage());
            assertEquals(2, rounds.rounds.size());
        }
    }

    @Test
    void anEpochWithoutMiniBatchesIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> loop(TrainingOptions.builder().build(), 1).run(new Batches(), new Rounds(), null, 0, List.of()));
    }

    @Test
    void everyListenerHearsEveryReport() {
        List<TrainingProgress> first = new ArrayList<>();
        List<TrainingProgress> second = new ArrayList<>();
        List<ProgressListener> listeners = List.of(first::add, second::add);
        loop(TrainingOptions.builder().reportEvery(1).build(), 1)
                .run(new Batches(2, 2), new Rounds(), null, 0, Collections.unmodifiableList(listeners));
        assertEquals(2, first.size());
        assertEquals(first, second);
        assertFalse(first.get(1).charsPerSecond() < 0);
    }

    private static RoundLoop<Batch> loop(TrainingOptions options, int minBatchesPerRound) {
        return new RoundLoop<>(options, minBatchesPerRound);
    }
}
