package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.charrnn.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train --workers and --spark on the command line (this module's tests run without the Spark module). */
class DataParallelFlagsTest {

    private static final String TEXT = "I'm looking for someone who loves dogs, travel and good movies.\n".repeat(30);

    @Test
    void twoWorkersTrainAModelThatLoadsButCannotBeResumed(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("profiles.txt"), TEXT);
        Path zip = dir.resolve("workers.zip");
        CommandLineTest.Run train = run("train", "--text", text.toString(), "--model", zip.toString(), "--hidden", "16",
                "--layers", "1", "--batch", "4", "--seq", "20", "--steps", "12", "--workers", "2", "--json");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("ParallelWrapper, 2 workers"), train.out());
        assertEquals(12, train.lastLineJson().get("steps").asInt());
        CharRnn model = CharRnn.load(zip);
        assertEquals(12, model.trainingSummary().steps());
        assertNull(model.trainingPosition());

        CommandLineTest.Run resume = run("train", "--text", text.toString(), "--model", zip.toString(), "--batch", "4",
                "--steps", "20", "--resume", zip.toString());
        assertEquals(1, resume.exitCode());
        assertTrue(resume.err().startsWith("charrnn: ") && resume.err().contains("--workers or --spark")
                && resume.err().strip().lines().count() == 1, resume.err());
    }

    @Test
    void sparkWithoutTheModuleSaysHowToBuildIt() {
        CommandLineTest.Run run = run("train", "--spark", "local[2]", "--steps", "1");
        assertEquals(1, run.exitCode());
        assertEquals("charrnn: Spark training is not on the class path; build with mvn -Pspark (./charrnn does when --spark is"
                + " given).", run.err().strip());
    }

    @Test
    void badCombinationsEndInOneLine(@TempDir Path dir) {
        String zip = dir.resolve("m.zip").toString();
        assertOneLineError(run("train", "--workers", "0", "--model", zip), "--workers must be at least 1");
        assertOneLineError(run("train", "--workers", "2", "--spark", "local[2]", "--model", zip), "not both");
        assertOneLineError(run("train", "--workers", "2", "--checkpoint-every", "10", "--model", zip), "writes no checkpoints");
        assertOneLineError(run("train", "--workers", "2", "--resume", zip, "--model", zip), "cannot resume");
        assertOneLineError(run("train", "--spark", "local[2]", "--mode", "random", "--model", zip), "consecutive windows only");
        assertOneLineError(run("train", "--spark", "local[2]", "--val-by-file", "--model", zip), "leave out --val-by-file");
    }

    private static void assertOneLineError(CommandLineTest.Run run, String part) {
        assertEquals(1, run.exitCode(), run.out());
        String err = run.err().strip();
        assertTrue(err.startsWith("charrnn: ") && err.contains(part) && !err.contains("\n"), err);
    }
}
