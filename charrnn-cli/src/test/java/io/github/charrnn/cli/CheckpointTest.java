package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.charts.LossCurve;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checkpoints through the CLI: resuming matches an uninterrupted run, and a SIGKILL never leaves a broken file. */
class CheckpointTest {

    @TempDir
    static Path dir;
    static Path text;

    @BeforeAll
    static void writeText() throws IOException {
        StringBuilder sb = new StringBuilder();
        SplittableRandom random = new SplittableRandom(4);
        String[] words = {"the ", "cat ", "sat ", "on ", "a ", "mat ", "and ", "dog ", "ran. ", "\n"};
        while (sb.length() < 12_000) {
            sb.append(words[random.nextInt(words.length)]);
        }
        text = Files.writeString(dir.resolve("words.txt"), sb);
    }

    /** A small training command line; {@code changes} are option-value pairs that replace or add to it. */
    private static String[] train(String model, String... changes) {
        List<String> args = new ArrayList<>(List.of("train", "--text", text.toString(), "--hidden", "16", "--batch", "4",
                "--seq", "10", "--epochs", "2", "--dropout", "0.2", "--val-every", "15", "--checkpoint-every", "6",
                "--model", dir.resolve(model).toString(), "--json"));
        for (int i = 0; i + 1 < changes.length; i += 2) {
            int at = args.indexOf(changes[i]);
            if (at >= 0) {
                args.set(at + 1, changes[i + 1]);
            } else {
                args.addAll(List.of(changes[i], changes[i + 1]));
            }
        }
        return args.toArray(String[]::new);
    }

    @Test
    void aRunStoppedAndResumedFromItsCheckpointEndsAsTheUninterruptedRun() throws Exception {
        CommandLineTest.Run whole = CommandLineTest.run(train("whole.zip"));
        assertEquals(0, whole.exitCode(), whole.err());

        CommandLineTest.Run stopped = CommandLineTest.run(train("part.zip", "--steps", "20"));
        assertEquals(0, stopped.exitCode(), stopped.err());
        Path checkpoint = dir.resolve("part.checkpoint.zip");
        assertTrue(Files.exists(checkpoint));
        assertEquals(18, CharRnn.load(checkpoint).trainingSummary().steps(), "the checkpoint of step 18");
        try (var best = Files.list(dir)) {
            assertTrue(best.anyMatch(p -> p.getFileName().toString().matches("part-best-val\\d+\\.\\d{4}\\.zip")));
        }

        CommandLineTest.Run resumed = CommandLineTest.run(train("part.zip", "--resume", checkpoint.toString()));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(whole.lastLineJson().get("train_loss").asDouble(), resumed.lastLineJson().get("train_loss").asDouble(), 1e-5);
        assertEquals(whole.lastLineJson().get("val_loss").asDouble(), resumed.lastLineJson().get("val_loss").asDouble(), 1e-5);

        // the loss log: one header, the stopped run's rows, then the resumed run's appended
        List<String> rows = Files.readAllLines(dir.resolve("part.losses.csv"));
        assertEquals(LossCurve.HEADER, rows.get(0));
        assertEquals(1, rows.stream().filter(LossCurve.HEADER::equals).count());
        assertTrue(rows.get(1).startsWith("10,1,"), rows.get(1));   // a row per report: every 10 steps by default
        assertTrue(rows.get(rows.size() - 1).startsWith("540,2,"), rows.get(rows.size() - 1));
        assertTrue(rows.stream().anyMatch(row -> row.matches("\\d+,\\d,,\\d+\\.\\d{6},[0-9.e-]+")), "a validation row with the rate");
        LossCurve curve = LossCurve.read(dir.resolve("part.losses.csv"));
        assertEquals(540, curve.trainSteps()[curve.trainSteps().length - 1]);
        assertTrue(javax.imageio.ImageIO.read(dir.resolve("part.losses.png").toFile()).getWidth() > 0, "the chart beside the model");
    }

    @Test
    void resumingWithOtherDataOrHyperparametersIsRefused() throws Exception {
        CommandLineTest.Run first = CommandLineTest.run(train("refuse.zip", "--steps", "12"));
        assertEquals(0, first.exitCode(), first.err());
        String checkpoint = dir.resolve("refuse.checkpoint.zip").toString();
        CommandLineTest.Run otherBatch = CommandLineTest.run(train("refuse.zip", "--resume", checkpoint, "--batch", "5"));
        assertEquals(1, otherBatch.exitCode());
        assertTrue(otherBatch.err().contains("cannot resume with other batching: batch 4 there, 5 here"), otherBatch.err());
        CommandLineTest.Run otherHidden = CommandLineTest.run(train("refuse.zip", "--resume", checkpoint, "--hidden", "32"));
        assertEquals(1, otherHidden.exitCode());
        assertTrue(otherHidden.err().contains("--hidden cannot be changed when resuming"), otherHidden.err());
    }

    /** The issue's own words: a run killed (SIGKILL, a real child JVM) and resumed reaches the same losses. */
    @Test
    void aRunKilledWithSigkillAndResumedEndsAsTheUninterruptedRun() throws Exception {
        CommandLineTest.Run whole = CommandLineTest.run(train("uninterrupted.zip"));
        assertEquals(0, whole.exitCode(), whole.err());
        Path checkpoint = dir.resolve("sigkilled.checkpoint.zip");
        Process child = startChild(train("sigkilled.zip"), "sigkilled.log");
        try {
            waitFor(checkpoint, child);
            Thread.sleep(300);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        CommandLineTest.Run resumed = CommandLineTest.run(train("sigkilled.zip", "--resume", checkpoint.toString()));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(whole.lastLineJson().get("train_loss").asDouble(), resumed.lastLineJson().get("train_loss").asDouble(), 1e-5);
        assertEquals(whole.lastLineJson().get("val_loss").asDouble(), resumed.lastLineJson().get("val_loss").asDouble(), 1e-5);
    }

    private static Process startChild(String[] trainArgs, String log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                CharRnnCommand.class.getName()));
        command.addAll(List.of(trainArgs));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
    }

    private static void waitFor(Path file, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file) && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(20);
        }
    }

    /** A real child JVM killed with SIGKILL at random moments: the checkpoint it leaves always loads. */
    @Test
    void aKilledTrainingProcessAlwaysLeavesALoadableCheckpoint() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        int killedWithCheckpoint = 0;
        for (int attempt = 0; attempt < 4; attempt++) {
            Path model = dir.resolve("killed" + attempt + ".zip");
            Path checkpoint = dir.resolve("killed" + attempt + ".checkpoint.zip");
            Process child = startChild(train(model.getFileName().toString(), "--epochs", "50", "--checkpoint-every", "2"),
                    "child" + attempt + ".log");
            try {
                waitFor(checkpoint, child);
                Thread.sleep(random.nextInt(1500));   // somewhere among the next checkpoint writes
                child.destroyForcibly();                // SIGKILL on Linux
                child.waitFor(30, TimeUnit.SECONDS);
            } finally {
                child.destroyForcibly();
            }
            if (Files.exists(checkpoint)) {
                killedWithCheckpoint++;
                CharRnn loaded = CharRnn.load(checkpoint);
                assertTrue(loaded.trainingSummary().steps() > 0);
                assertTrue(loaded.trainingPosition() != null);
            }
        }
        assertTrue(killedWithCheckpoint >= 3, "only " + killedWithCheckpoint + " of 4 children wrote a checkpoint before the kill");
    }
}
