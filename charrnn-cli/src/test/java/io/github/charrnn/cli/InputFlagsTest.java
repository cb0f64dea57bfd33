package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.charrnn.cli.CommandLineTest.assertOneLineError;
import static io.github.charrnn.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --input} and {@code --embedding-size}: an embedded model trains, resumes, samples and evaluates from the CLI. */
class InputFlagsTest {

    @TempDir
    Path dir;

    @Test
    void anEmbeddedModelTrainsResumesSamplesAndEvaluates() throws Exception {
        Path text = Files.writeString(dir.resolve("t.txt"), "a quiet cat sat on a warm mat.\n".repeat(40));
        String model = dir.resolve("e.zip").toString();
        CommandLineTest.Run train = run("train", "--text", text.toString(), "--model", model, "--input", "embedding",
                "--embedding-size", "6", "--hidden", "16", "--layers", "1", "--batch", "4", "--seq", "20", "--steps", "4",
                "--json");
        assertEquals(0, train.exitCode(), train.err());
        JsonNode info = run("info", model, "--json").lastLineJson();
        assertEquals("embedding", info.get("input").asText());
        assertEquals(6, info.get("embedding_size").asInt());

        CommandLineTest.Run resumed = run("train", "--text", text.toString(), "--model", model, "--resume", model,
                "--batch", "4", "--steps", "8", "--json");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(8, run("info", model, "--json").lastLineJson().get("steps").asInt());
        CommandLineTest.Run sample = run("sample", "--model", model, "--prime", "a ", "--length", "20");
        assertEquals(0, sample.exitCode(), sample.err());
        CommandLineTest.Run eval = run("eval", "--model", model, "--text", text.toString(), "--json");
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(eval.lastLineJson().get("loss").asDouble() > 0);

        assertOneLineError(run("train", "--text", text.toString(), "--model", model, "--resume", model, "--batch", "4",
                "--input", "onehot", "--steps", "12"), "--input cannot be changed when resuming");
    }

    @Test
    void badInputFlagsGetOneSentence() throws Exception {
        String text = Files.writeString(dir.resolve("t.txt"), "abcabd".repeat(50)).toString();
        assertOneLineError(run("train", "--text", text, "--input", "sparse"),
                "Unknown input encoding 'sparse'; allowed: onehot, embedding.");
        assertOneLineError(run("train", "--text", text, "--input", "embedding", "--embedding-size", "0"),
                "--embedding-size must be at least 1, got 0.");
        assertOneLineError(run("train", "--text", text, "--input", "onehot", "--embedding-size", "8"),
                "--embedding-size goes with --input embedding, not onehot.");
        assertOneLineError(run("bench", "--text", text, "--input", "sparse"), "Unknown input encoding 'sparse'");
    }
}
