package io.github.charrnn.datavec.training;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.modelfile.ModelFile;
import io.github.charrnn.training.EarlyStopping;
import io.github.charrnn.training.LearningRateSchedule;
import io.github.charrnn.training.TrainingProgress;
import io.github.charrnn.training.TrainingReport;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Learning-rate schedules, early stopping and samples of a {@link TrainingRun}, on a tiny network. */
class SteeringTest {

    private static final TextCorpus TEXT = TextCorpus.of("rhymes", "the cat sat on the mat. the dog sat on the log. ".repeat(40));

    @TempDir
    Path dir;

    private static CharRnn model() {
        return CharRnn.builder().vocabulary(TEXT.vocabulary()).hiddenSize(16).layers(1).dropout(0.1).learningRate(0.01)
                .sequenceLength(10).seed(3).build();
    }

    private TrainingRun.Builder run(CharRnn model, String file) {
        return TrainingRun.builder(TEXT, model).batchSize(8).maxSteps(24).validateEvery(8).checkpointEvery(6)
                .reportEvery(1).modelFile(dir.resolve(file));
    }

    /** The rate every step reports and the loss log records is the schedule's, and the updater blocks hold it. */
    @Test
    void everyScheduleIsAppliedStepByStep() throws IOException {
        for (LearningRateSchedule.Kind kind : LearningRateSchedule.Kind.values()) {
            List<TrainingProgress> reports = new ArrayList<>();
            CharRnn model = model();
            TrainingRun run = run(model, kind.label() + ".zip").learningRateSchedule(kind, 3, 0.8, 4L, 0.001)
                    .listener(reports::add).build();
            LearningRateSchedule schedule = run.learningRateSchedule();
            assertEquals(kind, schedule.kind());
            assertEquals(kind == LearningRateSchedule.Kind.COSINE ? 24 : 0, schedule.totalSteps());
            run.run();
            for (TrainingProgress p : reports) {
                if (!p.validated()) {
                    assertEquals(schedule.rateAt(p.step() - 1), p.learningRate(), 1e-12, kind + " step " + p.step());
                }
            }
            assertEquals(24, reports.stream().filter(p -> !p.validated()).count());
            for (UpdaterBlock block : ((BaseMultiLayerUpdater<?>) model.network().getUpdater()).getUpdaterBlocks()) {
                assertEquals(schedule.rateAt(24), block.getGradientUpdater().getConfig().getLearningRate(0, 0), 1e-12);
            }
            List<String> log = Files.readAllLines(dir.resolve(kind.label() + ".losses.csv"));
            String[] last = log.get(log.size() - 1).split(",", -1);
            assertEquals(schedule.rateAt(23), Double.parseDouble(last[4]), 1e-7);
            assertEquals(schedule, CharRnn.load(dir.resolve(kind.label() + ".zip")).learningRateSchedule());
            // still a plain DL4J zip
            assertNotNull(ModelSerializer.restoreMultiLayerNetwork(dir.resolve(kind.label() + ".zip").toFile()));
        }
    }

    /**
     * A step schedule that divides the rate by 1000 after the first step leaves the weights within a hair of one step's:
     * the rate reaches the fused update, DL4J's updater and DL4J's own fit alike.
     */
    @Test
    void theRateReachesEveryUpdatePath() {
        for (String[] path : new String[][] {{"charrnn.updater", "fused"}, {"charrnn.updater", "dl4j"}, {"charrnn.training", "dl4j"}}) {
            String before = System.getProperty(path[0]);
            System.setProperty(path[0], path[1]);
            try {
                CharRnn oneStep = model();
                TrainingRun.builder(TEXT, oneStep).batchSize(8).maxSteps(1).build().run();
                CharRnn scheduled = model();
                TrainingRun.builder(TEXT, scheduled).batchSize(8).maxSteps(6)
                        .learningRateSchedule(LearningRateSchedule.Kind.STEP, 0, 0.001, 1L, null).build().run();
                CharRnn constant = model();
                TrainingRun.builder(TEXT, constant).batchSize(8).maxSteps(6).build().run();
                double scheduledMoved = scheduled.network().params().sub(oneStep.network().params()).amaxNumber().doubleValue();
                double constantMoved = constant.network().params().sub(oneStep.network().params()).amaxNumber().doubleValue();
                assertTrue(scheduledMoved < 1e-4, path[0] + "=" + path[1] + ": " + scheduledMoved);
                assertTrue(constantMoved > 1e-2, path[0] + "=" + path[1] + ": " + constantMoved);
            } finally {
                if (before == null) {
                    System.clearProperty(path[0]);
                } else {
                    System.setProperty(path[0], before);
                }
            }
        }
    }

    @Test
    void aScheduleChangesTheTraining() {
        TrainingReport constant = run(model(), "c.zip").build().run();
        TrainingReport decayed = run(model(), "d.zip").learningRateSchedule(LearningRateSchedule.Kind.EXP, 0, 0.5, 2L, null)
                .build().run();
        assertTrue(Math.abs(constant.trainLoss() - decayed.trainLoss()) > 1e-6, constant.trainLoss() + " " + decayed.trainLoss());
    }

    /**
     * A cosine schedule with warm-up, cut at step 12 (its checkpoint then) and resumed, goes on along the same curve
     * to the uninterrupted run's weights; another schedule for the resumed run is refused.
     */
    @Test
    void aResumedRunContinuesTheScheduleExactly() throws IOException {
        Path at12 = dir.resolve("at12.zip");
        CharRnn whole = model();
        List<Double> wholeRates = new ArrayList<>();
        run(whole, "whole.zip").learningRateSchedule(LearningRateSchedule.Kind.COSINE, 4, null, null, 0.001)
                .listener(p -> { if (!p.validated()) wholeRates.add(p.learningRate()); })
                .notes(note -> copyWhen(note.startsWith("checkpoint: step 12 saved"), dir.resolve("whole.checkpoint.zip"), at12))
                .build().run();
        CharRnn loaded = CharRnn.load(at12);
        assertEquals(12, loaded.trainingSummary().steps());
        assertEquals(24, loaded.learningRateSchedule().totalSteps());
        List<Double> resumedRates = new ArrayList<>();
        TrainingRun resumed = run(loaded, "resumed.zip").resume(at12.toString()).listener(p -> { if (!p.validated()) resumedRates.add(p.learningRate()); })
                .build();
        resumed.run();
        assertEquals(12, resumedRates.size());
        assertEquals(wholeRates.subList(12, 24), resumedRates);
        assertArrayEquals(whole.network().params().toFloatVector(), loaded.network().params().toFloatVector(), 0f);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> run(CharRnn.load(at12), "x.zip")
                .resume(at12.toString()).learningRateSchedule(LearningRateSchedule.Kind.STEP, 0, null, null, null).build());
        assertTrue(other.getMessage().contains("continues it"), other.getMessage());
    }

    private static void copyWhen(boolean now, Path from, Path to) {
        if (now) {
            try {
                Files.copy(from, to);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * With a patience of 2 and a learning rate far too high, validation stops improving: the run stops early, saves the
     * best validation's weights, says so, and records it for {@code info}; the state resumes from a checkpoint.
     */
    @Test
    void earlyStoppingStopsAndKeepsTheBestModel() {
        CharRnn model = CharRnn.builder().vocabulary(TEXT.vocabulary()).hiddenSize(16).layers(1).dropout(0)
                .learningRate(0.3).sequenceLength(10).seed(3).build();
        List<String> notes = new ArrayList<>();
        List<TrainingProgress> validations = new ArrayList<>();
        TrainingReport report = TrainingRun.builder(TEXT, model).batchSize(8).maxSteps(400).validateEvery(4)
                .modelFile(dir.resolve("early.zip")).patience(2).notes(notes::add)
                .listener(p -> { if (p.validated()) validations.add(p); }).build().run();
        assertTrue(report.steps() < 400, "stopped early: " + report.steps());
        EarlyStopping state = model.earlyStopping();
        assertTrue(state.stopped());
        double best = validations.stream().mapToDouble(TrainingProgress::validationLoss).min().orElseThrow();
        assertEquals(best, state.bestLoss());
        assertEquals(2, validations.size() - 1 - indexOfBest(validations));
        // the result is the best validation's model
        CharRnn saved = CharRnn.load(dir.resolve("early.zip"));
        assertEquals(state, saved.earlyStopping());
        assertNull(saved.trainingPosition());
        assertEquals(best, saved.trainingSummary().validationLoss());
        TextCorpus.Split split = TEXT.split(TrainingRun.DEFAULT_VALIDATION_FRACTION);
        double again = saved.evaluate(io.github.charrnn.datavec.batching.CharBatches.forTraining(split, true,
                TEXT.vocabulary().size(), io.github.charrnn.datavec.batching.BatchOptions.of(8, 10)
                        .withSeed(3)).validation()).loss();
        assertEquals(best, again, 1e-6);
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("early stopping: stopped early after 2 validations")), notes.toString());
    }

    private static int indexOfBest(List<TrainingProgress> validations) {
        int best = 0;
        for (int i = 1; i < validations.size(); i++) {
            if (validations.get(i).validationLoss() < validations.get(best).validationLoss()) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void earlyStoppingStateIsPartOfTheCheckpoint() {
        CharRnn model = model();
        run(model, "p.zip").patience(50).build().run();
        CharRnn checkpoint = CharRnn.load(dir.resolve("p.checkpoint.zip"));
        EarlyStopping saved = checkpoint.earlyStopping();
        assertNotNull(saved);
        assertEquals(50, saved.patience());
        assertFalse(saved.stopped());
        assertTrue(saved.bestStep() > 0 && saved.bestStep() <= 24, saved.toString());
        TrainingRun resumed = TrainingRun.builder(TEXT, checkpoint).batchSize(8).maxSteps(30).validateEvery(8)
                .resume("p.checkpoint.zip").build();
        assertEquals(saved, resumed.earlyStopping());
        assertThrows(IllegalArgumentException.class, () -> run(model(), "q.zip").validationFraction(0).patience(2).build());
    }

    @Test
    void samplesWhileTrainingGoToTheNotesAndTheLogWithoutChangingTheTraining() throws IOException {
        CharRnn plain = model();
        run(plain, "plain.zip").build().run();
        CharRnn sampled = model();
        List<String> notes = new ArrayList<>();
        run(sampled, "sampled.zip").notes(notes::add)
                .sampleEvery(10, "the ", SamplingOptions.builder().length(30).topK(3).seed(1).build()).build().run();
        List<String> samples = notes.stream().filter(n -> n.startsWith("--- sample at step")).toList();
        assertEquals(2, samples.size(), notes.toString());
        assertTrue(samples.get(0).startsWith("--- sample at step 10 (top-k 3)\nthe "), samples.get(0));
        String text = samples.get(1).substring(samples.get(1).indexOf('\n') + 1);
        assertEquals(4 + 30, text.codePointCount(0, text.length()), text);
        String log = Files.readString(dir.resolve("sampled.samples.txt"));
        assertTrue(log.contains("--- sample at step 20"), log);
        assertArrayEquals(plain.network().params().toFloatVector(), sampled.network().params().toFloatVector(), 0f);
        assertThrows(IllegalArgumentException.class, () -> run(model(), "z.zip")
                .sampleEvery(10, "\u4e2d", SamplingOptions.builder().build()).build());
    }
}
