package io.github.charrnn.datavec.training;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.batching.BatchMode;
import io.github.charrnn.datavec.batching.BatchOptions;
import io.github.charrnn.datavec.batching.CharBatches;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A {@link TrainingRun} at the library level: what {@code ./charrnn train} does, without the command line. */
class TrainingRunTest {

    private static final TextCorpus TEXT = TextCorpus.of("rhymes", "the cat sat on the mat. the dog sat on the log. ".repeat(40));

    @TempDir
    Path dir;

    private static CharRnn model() {
        return CharRnn.builder().vocabulary(TEXT.vocabulary()).hiddenSize(16).layers(1).dropout(0.1).learningRate(0.01)
                .sequenceLength(10).seed(3).build();
    }

    private TrainingRun.Builder run(CharRnn model, String file) {
        return TrainingRun.builder(TEXT, model).batchSize(8).maxSteps(24).validateEvery(8).checkpointEvery(6)
                .modelFile(dir.resolve(file));
    }

    @Test
    void aRunTrainsSavesTheModelWithItsLossLogAndCheckpoints() throws IOException {
        List<String> notes = new ArrayList<>();
        List<Long> reported = new ArrayList<>();
        TrainingRun run = run(model(), "rhymes.zip").notes(notes::add).listener(p -> reported.add(p.step())).build();
        assertEquals(24, run.plannedSteps());
        assertTrue(run.epochs() > 1, "a step limit past one epoch asks for more epochs: " + run.epochs());
        TrainingReport report = run.run();
        assertEquals(24, report.steps());
        assertTrue(report.trainLoss() < Math.log(TEXT.vocabulary().size()), "it learned: " + report.trainLoss());
        assertEquals(24, CharRnn.load(dir.resolve("rhymes.zip")).trainingSummary().steps());
        List<String> log = Files.readAllLines(dir.resolve("rhymes.losses.csv"));
        assertEquals(LossLog.HEADER, log.get(0));
        assertTrue(log.get(log.size() - 1).startsWith("24,"), log.get(log.size() - 1));
        assertTrue(Files.exists(dir.resolve("rhymes.checkpoint.zip")));
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("rhymes-best-val\\d+\\.\\d{4}-run" + run.runId() + "\\.zip")));
        }
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("checkpoint: step 18 saved")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("checkpoint: best validation loss so far")), notes.toString());
        assertTrue(reported.contains(10L) && reported.contains(20L), reported.toString());
        assertThrows(IllegalStateException.class, run::run);
    }

    /** Two runs of one model name in one folder: each keeps its own best file, named with its id. */
    @Test
    void twoRunsInOneFolderKeepTheirOwnBestFiles() throws IOException {
        TrainingRun first = run(model(), "same.zip").build();
        first.run();
        TrainingRun second = run(model(), "same.zip").build();   // the same settings: the same losses
        second.run();
        assertTrue(!first.runId().equals(second.runId()));
        List<String> bests;
        try (var files = Files.list(dir)) {
            bests = files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("same-best-val")).sorted().toList();
        }
        assertEquals(2, bests.size(), bests.toString());
        assertTrue(bests.stream().anyMatch(f -> f.endsWith("-run" + first.runId() + ".zip")), bests.toString());
        assertTrue(bests.stream().anyMatch(f -> f.endsWith("-run" + second.runId() + ".zip")), bests.toString());
        // a resumed run goes on with its own id and best file
        Path checkpoint = dir.resolve("same.checkpoint.zip");
        TrainingRun resumed = run(CharRnn.load(checkpoint), "same.zip").maxSteps(30).resume(checkpoint.toString()).build();
        assertEquals(second.runId(), resumed.runId());
    }

    /** Checkpoints every step, by the clock or none: the weights at the end are the same to the last bit. */
    @Test
    void checkpointsDoNotChangeTheRun() {
        CharRnn none = model();
        TrainingRun.builder(TEXT, none).batchSize(8).maxSteps(24).validateEvery(8).modelFile(dir.resolve("none.zip"))
                .build().run();
        CharRnn everyStep = model();
        run(everyStep, "every.zip").checkpointEvery(1).build().run();
        CharRnn byClock = model();
        run(byClock, "clock.zip").checkpointEvery(0).checkpointInterval(java.time.Duration.ofNanos(1)).build().run();
        assertEquals(none.network().params(), everyStep.network().params());
        assertEquals(none.network().params(), byClock.network().params());
    }

    /** A stop request ends the run at the next step with a checkpoint that resumes to the uninterrupted weights. */
    @Test
    void aStopRequestSavesACheckpointThatResumesExactly() {
        CharRnn whole = model();
        run(whole, "all.zip").build().run();
        io.github.charrnn.training.StopRequest stop = new io.github.charrnn.training.StopRequest();
        TrainingRun stopped = run(model(), "stopped.zip").checkpointEvery(0).stopRequest(stop)
                .listener(p -> {
                    if (p.step() == 10) {
                        stop.request("a test");
                    }
                }).reportEvery(1).build();
        TrainingReport part = stopped.run();
        assertEquals("a test", stopped.stoppedBy());
        assertEquals(10, part.totalSteps(), "asked during step 10: stopped after it");
        Path checkpoint = dir.resolve("stopped.checkpoint.zip");
        assertEquals(checkpoint, stopped.resumeFile());
        CharRnn loaded = CharRnn.load(checkpoint);
        assertTrue(loaded.trainingPosition().carried() != null, "mid-pass: the state carried into the next window");
        run(loaded, "stopped.zip").resume(checkpoint.toString()).build().run();
        assertEquals(whole.network().params(), loaded.network().params());
    }

    /** Stopped after 12 steps and resumed from its checkpoint, a run ends exactly as the uninterrupted one. */
    @Test
    void aResumedRunEndsAsTheUninterruptedOne() {
        TrainingReport whole = run(model(), "whole.zip").build().run();
        run(model(), "part.zip").maxSteps(12).build().run();
        Path checkpoint = dir.resolve("part.checkpoint.zip");
        CharRnn loaded = CharRnn.load(checkpoint);
        assertEquals(12, loaded.trainingSummary().steps());
        TrainingRun resumed = run(loaded, "part.zip").resume(checkpoint.toString()).build();
        assertEquals(12, resumed.stepsBefore());
        TrainingReport rest = resumed.run();
        assertEquals(24, rest.totalSteps());
        assertEquals(whole.trainLoss(), rest.trainLoss(), 1e-9);
        assertEquals(whole.validationLoss(), rest.validationLoss(), 1e-9);
    }

    @Test
    void aRunCutOtherwiseIsNotResumedAndSaysWhatDiffers() {
        run(model(), "first.zip").maxSteps(12).build().run();
        CharRnn loaded = CharRnn.load(dir.resolve("first.checkpoint.zip"));
        IllegalArgumentException otherBatch = assertThrows(IllegalArgumentException.class,
                () -> run(loaded, "first.zip").batchSize(5).resume("first.checkpoint.zip").build());
        assertTrue(otherBatch.getMessage().contains("batch 8 there, 5 here"), otherBatch.getMessage());
        IllegalArgumentException otherOrder = assertThrows(IllegalArgumentException.class,
                () -> run(loaded, "first.zip").mode(BatchMode.RANDOM).resume("first.checkpoint.zip").build());
        assertTrue(otherOrder.getMessage().contains("consecutive batches there, random batches here"), otherOrder.getMessage());
        IllegalArgumentException done = assertThrows(IllegalArgumentException.class,
                () -> run(loaded, "first.zip").maxSteps(12).resume("first.checkpoint.zip").build());
        assertTrue(done.getMessage().contains("has done 12 steps already"), done.getMessage());
        IllegalArgumentException fresh = assertThrows(IllegalArgumentException.class,
                () -> run(model(), "new.zip").resume("new.zip").build());
        assertTrue(fresh.getMessage().contains("records no training position"), fresh.getMessage());
    }

    /** A checkpoint whose optimizer state holds a NaN (a damaged file, a diverged run) is not resumed. */
    @Test
    void aCheckpointWithANonFiniteOptimizerStateIsNotResumed() {
        run(model(), "nan.zip").maxSteps(12).build().run();
        CharRnn loaded = CharRnn.load(dir.resolve("nan.checkpoint.zip"));
        loaded.network().getUpdater().getStateViewArray().putScalar(3, Float.NaN);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> run(loaded, "nan.zip").resume("nan.checkpoint.zip").build());
        assertTrue(refused.getMessage().contains("not finite") && refused.getMessage().contains("nan.checkpoint.zip"),
                refused.getMessage());
        CharRnn again = CharRnn.load(dir.resolve("nan.checkpoint.zip"));
        again.network().params().putScalar(0, Float.POSITIVE_INFINITY);
        assertThrows(IllegalArgumentException.class, () -> run(again, "nan.zip").resume("nan.checkpoint.zip").build());
    }

    @Test
    void badSettingsAreRefusedBeforeTrainingInOneSentence() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run(model(), "x.zip").modelFile(dir).build())
                .getMessage().contains("is a folder"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.builder(TEXT, model()).checkpointEvery(5).build()).getMessage().contains("model file"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run(model(), "x.zip").batchSize(0).build())
                .getMessage().contains("batch size"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run(model(), "x.zip").validationFraction(1).build())
                .getMessage().contains("[0, 1)"));
        CharRnn otherText = CharRnn.builder().vocabulary(TextCorpus.of("other", "xyz").vocabulary()).hiddenSize(4).layers(1).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainingRun.builder(TEXT, otherText).build())
                .getMessage().contains("not the model's"));
    }

    /** Mini-batches cut with another window length than the model's truncation length are refused in one sentence. */
    @Test
    void aModelRefusesMiniBatchesCutWithAnotherSequenceLength() {
        CharRnn model = model();
        var batches = CharBatches.forTraining(TEXT, 0.1, BatchOptions.of(8, 7));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> model.fit(batches.train(),
                batches.validation(), TrainingOptions.builder().maxSteps(1).build()));
        assertEquals("The training mini-batches are cut into windows of 7 characters, but the model's sequence length is 10;"
                + " cut them with model.config().sequenceLength().", refused.getMessage());
    }

    /** The articles' advice: about as many parameters as characters; ten times apart either way gets one line. */
    @Test
    void aNetworkFarLargerOrSmallerThanItsTextIsWarnedAbout() {
        assertEquals(null, TrainingRun.sizeWarning(250_000, 1_000_000));
        assertTrue(TrainingRun.sizeWarning(3_300_000, 60_000).startsWith("warning: the network has 3,300,000 parameters for"
                + " 60,000 training characters (55 x as many)"), TrainingRun.sizeWarning(3_300_000, 60_000));
        assertTrue(TrainingRun.sizeWarning(260_000, 1_000_000_000).contains("(1/3846)"));
        List<String> notes = new ArrayList<>();
        CharRnn big = CharRnn.builder().vocabulary(TEXT.vocabulary()).hiddenSize(64).layers(2).sequenceLength(10).build();
        TrainingRun.builder(TEXT, big).batchSize(8).maxSteps(1).notes(notes::add).build().run();
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("warning: the network has"), notes.get(0));
    }

    @Test
    void withoutAModelFileNothingIsWritten() throws IOException {
        TrainingReport report = TrainingRun.builder(TEXT, model()).batchSize(8).maxSteps(5).build().run();
        assertEquals(5, report.steps());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
