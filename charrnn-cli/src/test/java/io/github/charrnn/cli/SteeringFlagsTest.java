package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.charts.LossCurve;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --init-from}, {@code --lr-schedule}, {@code --patience} and {@code --sample-every} on the command line. */
class SteeringFlagsTest {

    @TempDir
    static Path dir;

    static Path tiny;

    @BeforeAll
    static void trainATinyModel() throws Exception {
        CommandLineTest.Run train = CommandLineTest.trainTinyModel(dir);
        assertEquals(0, train.exitCode(), train.err());
        tiny = dir.resolve("tiny.zip");
    }

    @Test
    void initFromGrowsTheVocabularyAndStartsANewRun() throws Exception {
        Path text = Files.writeString(dir.resolve("new.txt"), "Zany quizzes? Jazz, 42 kazoos!\n".repeat(40));
        Path model = dir.resolve("tuned.zip");
        CommandLineTest.Run run = CommandLineTest.run("train", "--text", text.toString(), "--init-from", tiny.toString(),
                "--model", model.toString(), "--batch", "4", "--steps", "5", "--lr", "0.01", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        CharRnn before = CharRnn.load(tiny);
        CharRnn tuned = CharRnn.load(model);
        int added = tuned.vocabulary().size() - before.vocabulary().size();
        assertTrue(added > 0);
        assertTrue(run.out().contains("fine-tuning " + tiny + ": " + added + " characters added"), run.out());
        assertEquals(5, tuned.trainingSummary().steps());
        assertEquals(0.01, tuned.config().learningRate());
        assertEquals(before.config().hiddenSize(), tuned.config().hiddenSize());
        CommandLineTest.Run refused = CommandLineTest.run("train", "--text", text.toString(), "--init-from", tiny.toString(),
                "--model", dir.resolve("no.zip").toString(), "--hidden", "32", "--steps", "5");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("--hidden cannot be changed when fine-tuning"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        CommandLineTest.Run both = CommandLineTest.run("train", "--text", text.toString(), "--init-from", tiny.toString(),
                "--resume", tiny.toString());
        assertNotEquals(0, both.exitCode());
        assertFalse(Files.exists(dir.resolve("no.zip")));
    }

    @Test
    void aScheduleShowsItsRateInTheProgressAndTheLossFileAndPlotReadsIt() throws Exception {
        Path model = dir.resolve("scheduled.zip");
        CommandLineTest.Run run = CommandLineTest.run("train", "--text", dir.resolve("profiles.txt").toString(),
                "--model", model.toString(), "--hidden", "16", "--layers", "1", "--batch", "4", "--seq", "20",
                "--steps", "12", "--print-every", "3", "--lr-schedule", "step", "--lr-decay", "0.5", "--lr-decay-every", "3",
                "--lr", "0.01", "--sample-every", "6", "--sample-length", "20");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("step 3/12  train loss") && run.out().contains("lr 0.0100"), run.out());
        assertTrue(run.out().contains("lr 0.00125"), run.out());
        assertTrue(run.out().contains("--- sample at step 6"), run.out());
        assertTrue(run.out().contains("learning rate: step: 0.01 x 0.5 every 3 steps"), run.out());
        List<String> rows = Files.readAllLines(dir.resolve("scheduled.losses.csv"));
        assertEquals("step,epoch,train_loss,validation_loss,learning_rate", rows.get(0));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("12,1,") && r.endsWith(",0.00125000")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("3,1,") && r.endsWith(",0.0100000")), rows.toString());
        assertFalse(LossCurve.read(dir.resolve("scheduled.losses.csv")).isEmpty());
        assertTrue(Files.readString(dir.resolve("scheduled.samples.txt")).contains("--- sample at step 12"));
        CommandLineTest.Run info = CommandLineTest.run("info", model.toString());
        assertTrue(info.out().contains("lr schedule:   step: 0.01 x 0.5 every 3 steps"), info.out());
        CommandLineTest.Run bad = CommandLineTest.run("train", "--text", dir.resolve("profiles.txt").toString(),
                "--lr-schedule", "linear");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("must be constant, step, exp or cosine"), bad.err());
    }

    @Test
    void patienceStopsTheRunAndInfoSaysSo() throws Exception {
        Path model = dir.resolve("early.zip");
        CommandLineTest.Run run = CommandLineTest.run("train", "--text", dir.resolve("profiles.txt").toString(),
                "--model", model.toString(), "--hidden", "16", "--layers", "1", "--batch", "4", "--seq", "20",
                "--steps", "400", "--val-every", "4", "--lr", "0.5", "--patience", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("early stopping: stopped early after 1 validations without improvement"), run.out());
        CommandLineTest.Run info = CommandLineTest.run("info", model.toString());
        assertTrue(info.out().contains("early stop:    stopped early"), info.out());
        assertTrue(info.out().contains("resumable:     no (stopped early"), info.out());
    }
}
