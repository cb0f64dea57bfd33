package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class CommandLineTest {

    @TempDir
    static Path dir;
    static Path text;
    static Path model;

    record Run(int exitCode, String out, String err) {
        JsonNode lastLineJson() throws Exception {
            String[] lines = out.strip().split("\n");
            return new ObjectMapper().readTree(lines[lines.length - 1]);
        }
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = CharRnnCommand.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Trains the tiny model these tests (and ServeCommandTest) use: writes dir/profiles.txt, saves dir/tiny.zip. */
    static Run trainTinyModel(Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("profiles.txt"),
                "I'm looking for someone who loves dogs, travel and good movies.\n".repeat(30));
        return run("train", "--text", text.toString(), "--model", dir.resolve("tiny.zip").toString(), "--hidden", "16",
                "--layers", "1", "--batch", "4", "--seq", "20", "--steps", "6", "--print-every", "3", "--json");
    }

    @BeforeAll
    static void trainATinyModel() throws Exception {
        Run train = trainTinyModel(dir);
        text = dir.resolve("profiles.txt");
        model = dir.resolve("tiny.zip");
        assertEquals(0, train.exitCode(), train.err());
        JsonNode json = train.lastLineJson();
        assertEquals(6, json.get("steps").asInt());
        assertTrue(json.get("train_loss").asDouble() > 0);
        assertTrue(json.get("val_loss").asDouble() > 0);
        assertTrue(json.get("train_chars_per_s").asDouble() > 0);
        assertEquals(model.toString(), json.get("model").asText());
        assertTrue(Files.isRegularFile(model));
    }

    @Test
    void sampleWithASeedIsReproducibleAndStartsWithThePrime() throws Exception {
        Run first = run("sample", "--model", model.toString(), "--prime", "I'm looking for", "--length", "40", "--seed", "3", "--json");
        Run second = run("sample", "--model", model.toString(), "--prime", "I'm looking for", "--length", "40", "--seed", "3", "--json");
        assertEquals(0, first.exitCode(), first.err());
        String sample = first.lastLineJson().get("text").asText();
        assertTrue(sample.startsWith("I'm looking for"));
        assertEquals("I'm looking for".length() + 40, sample.length());
        assertEquals(sample, second.lastLineJson().get("text").asText());
    }

    @Test
    void evalPrintsLossPerplexityAndBits() throws Exception {
        Run eval = run("eval", "--model", model.toString(), "--text", text.toString(), "--json");
        assertEquals(0, eval.exitCode(), eval.err());
        JsonNode json = eval.lastLineJson();
        double loss = json.get("loss").asDouble();
        assertEquals(Math.exp(loss), json.get("perplexity").asDouble(), 1e-6);
        assertEquals(loss / Math.log(2), json.get("bits_per_char").asDouble(), 1e-9);
        assertTrue(json.get("chars").asLong() > 1000);
        assertTrue(!json.get("sampled").asBoolean());

        Run sampled = run("eval", "--model", model.toString(), "--text", text.toString(), "--val-chars", "500");
        assertEquals(0, sampled.exitCode(), sampled.err());
        assertTrue(sampled.out().contains("(a fixed sample of "), sampled.out());
        Run sampledJson = run("eval", "--model", model.toString(), "--text", text.toString(), "--val-chars", "500", "--json");
        assertTrue(sampledJson.lastLineJson().get("sampled").asBoolean());
        assertTrue(sampledJson.lastLineJson().get("chars").asLong() < json.get("chars").asLong() / 2,
                "one window of each stream, at least");
        Run bad = run("eval", "--model", model.toString(), "--text", text.toString(), "--val-chars", "some");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("--val-chars takes a number of characters of at least 1, or all; got 'some'."), bad.err());
    }

    @Test
    void benchMeasuresTrainingEvaluationAndGeneration() throws Exception {
        Run bench = run("bench", "--text", text.toString(), "--hidden", "8", "--layers", "1", "--batch", "4", "--seq", "10",
                "--steps", "2", "--warmup", "1", "--eval-chars", "400", "--sample-length", "20", "--streams", "3",
                "--stream-length", "5", "--json");
        assertEquals(0, bench.exitCode(), bench.err());
        assertTrue(bench.out().contains("evaluation (forward pass): "), bench.out());
        JsonNode json = bench.lastLineJson();
        for (String key : new String[]{"train_chars_per_s", "eval_chars_per_s", "sample_chars_per_s",
                "batched_sample_chars_per_s", "peak_heap_mb"}) {
            assertTrue(json.get(key).asDouble() > 0, key + " in " + json);
        }
    }

    @Test
    void badInputGetsOneSentenceAndExitCodeOne() {
        assertOneLineError(run("train", "--text", dir.resolve("missing.txt").toString()), "does not exist");
        assertOneLineError(run("train", "--text", text.toString(), "--cell", "gru"), "Unknown cell type 'gru'; allowed: lstm, rnn.");
        assertOneLineError(run("train", "--text", text.toString(), "--dropout", "1.5"), "dropout must be in [0, 1), got 1.5.");
        assertOneLineError(run("train", "--text", text.toString(), "--batch", "64", "--seq", "100"), "fewer than one mini-batch");
        assertOneLineError(run("sample", "--model", model.toString(), "--prime", "xyz#"), "'#'");
        assertOneLineError(run("sample", "--model", model.toString(), "--top-k", "500"), "larger than the model's vocabulary");
        assertOneLineError(run("sample", "--model", dir.resolve("none.zip").toString()), "There is no model file");
    }

    @Test
    void aFailedTrainingRunLeavesAnExistingModelAlone() throws Exception {
        byte[] before = Files.readAllBytes(model);
        Run run = run("train", "--text", text.toString(), "--model", model.toString(), "--lr", "-1");
        assertEquals(1, run.exitCode());
        assertEquals(java.util.Arrays.hashCode(before), java.util.Arrays.hashCode(Files.readAllBytes(model)));
    }

    /** Issue 4's parameter and text rows: each gets one line naming the value and what is allowed. */
    @Test
    void everyBadParameterGetsOneLine() throws Exception {
        String t = text.toString();
        assertOneLineError(run("train", "--text", t, "--hidden", "0"), "hidden size must be at least 1, got 0.");
        assertOneLineError(run("train", "--text", t, "--layers", "-2"), "layers must be at least 1, got -2.");
        assertOneLineError(run("train", "--text", t, "--batch", "0"), "--batch must be at least 1, got 0.");
        assertOneLineError(run("train", "--text", t, "--seq", "0"), "sequence length must be at least 1, got 0.");
        assertOneLineError(run("train", "--text", t, "--epochs", "0"), "epochs must be at least 1, got 0.");
        assertOneLineError(run("train", "--text", t, "--steps", "-1"), "steps must be at least 1 (or 0 for no limit)");
        assertOneLineError(run("train", "--text", t, "--lr", "0"), "learning rate must be a finite number greater than 0");
        assertOneLineError(run("train", "--text", t, "--dropout", "-0.1"), "dropout must be in [0, 1)");
        assertOneLineError(run("train", "--text", t, "--val-frac", "1"), "--val-frac must be in [0, 1), got 1.0.");
        assertOneLineError(run("train", "--text", t, "--val-frac", "0.0001", "--batch", "2", "--seq", "10"),
                "The validation text has");
        assertOneLineError(run("sample", "--model", model.toString(), "--length", "0"), "length must be at least 1, got 0.");
        assertOneLineError(run("sample", "--model", model.toString(), "--temperature", "0"),
                "temperature must be a finite number greater than 0");
        assertOneLineError(run("sample", "--model", model.toString(), "--top-k", "-1"), "top-k must be at least 1");
        assertOneLineError(run("sample", "--model", model.toString(), "--prime", ""), "at least one character");

        Path invalidUtf8 = dir.resolve("latin1.txt");
        Files.write(invalidUtf8, new byte[]{'a', 'b', (byte) 0xE9, 'c'});
        assertOneLineError(run("train", "--text", invalidUtf8.toString()), "not valid UTF-8: invalid byte at offset 2");
        Path oneSymbol = dir.resolve("one-symbol.txt");
        Files.writeString(oneSymbol, "a".repeat(500));
        assertOneLineError(run("train", "--text", oneSymbol.toString(), "--batch", "2", "--seq", "5"),
                "vocabulary must have at least 2 symbols");
        Path emptyFolder = Files.createDirectories(dir.resolve("no-texts"));
        assertOneLineError(run("train", "--text", emptyFolder.toString()), emptyFolder.getFileName().toString());
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        assertOneLineError(run("train", "--text", empty.toString()), "empty.txt");
    }

    @Test
    void divergingTrainingStopsNamingTheStepAndLeavesTheModelAlone() throws Exception {
        byte[] before = Files.readAllBytes(model);
        assertOneLineError(run("train", "--text", text.toString(), "--hidden", "16", "--batch", "4", "--seq", "10",
                "--lr", "1e38", "--steps", "30", "--model", model.toString()), "Training diverged at step");
        Run run = run("train", "--text", text.toString(), "--hidden", "16", "--batch", "4", "--seq", "10", "--lr", "1e38",
                "--steps", "30", "--model", model.toString());
        assertTrue(run.err().contains("try a lower learning rate"), run.err());
        assertEquals(java.util.Arrays.hashCode(before), java.util.Arrays.hashCode(Files.readAllBytes(model)));
    }

    @Test
    void damagedModelFilesGetOneLine() throws Exception {
        byte[] bytes = Files.readAllBytes(model);
        Path truncated = Files.write(dir.resolve("truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertOneLineError(run("sample", "--model", truncated.toString()), "not a readable model zip");
        Path notAZip = Files.writeString(dir.resolve("notes.zip"), "just some text");
        assertOneLineError(run("eval", "--model", notAZip.toString(), "--text", text.toString()), "not a readable model zip");
        Path plainDl4j = dir.resolve("plain.zip");
        org.deeplearning4j.util.ModelSerializer.writeModel(io.github.charrnn.CharRnn.load(model).network(), plainDl4j.toFile(), false);
        assertOneLineError(run("sample", "--model", plainDl4j.toString()), "is not a charrnn model");
    }

    @Test
    void sampleGeneratesSeveralTextsStopsAtADelimiterAndStreams() throws Exception {
        Run three = run("sample", "--model", model.toString(), "--count", "3", "--seed", "5", "--length", "60", "--prime", "a",
                "--json");
        assertEquals(0, three.exitCode(), three.err());
        var texts = three.lastLineJson().get("texts");
        assertEquals(3, texts.size());
        for (var text : texts) {
            assertTrue(text.asText().startsWith("a") && text.asText().codePointCount(0, text.asText().length()) == 61, text.asText());
        }
        Run single = run("sample", "--model", model.toString(), "--seed", "5", "--length", "60", "--prime", "a", "--json");
        assertEquals(texts.get(0).asText(), single.lastLineJson().get("text").asText(), "text 1 of a batch is the single text of its seed");

        Run cut = run("sample", "--model", model.toString(), "--count", "3", "--seed", "5", "--length", "60", "--prime", "a",
                "--stop-at", " ", "--json");
        for (int i = 0; i < 3; i++) {
            String full = texts.get(i).asText();
            String generated = full.substring(1);
            int space = generated.indexOf(' ');
            String expected = space < 0 ? full : "a" + generated.substring(0, space + 1);
            assertEquals(expected, cut.lastLineJson().get("texts").get(i).asText());
        }

        Run streamed = run("sample", "--model", model.toString(), "--seed", "5", "--length", "60", "--prime", "a", "--stream");
        assertEquals(0, streamed.exitCode(), streamed.err());
        String printed = streamed.out();
        assertEquals(texts.get(0).asText(), printed.substring(0, printed.length() - System.lineSeparator().length()));
        assertOneLineError(run("sample", "--model", model.toString(), "--stream", "--count", "2"), "--stream prints one text");
        assertOneLineError(run("sample", "--model", model.toString(), "--count", "0"), "--count must be at least 1, got 0.");
    }

    /** --steps alone trains that many steps, over as many passes as a small text needs; --epochs still caps them. */
    @Test
    void stepsWithoutEpochsTakeAsManyPassesAsTheyNeed() throws Exception {
        String[] args = {"train", "--text", text.toString(), "--model", dir.resolve("passes.zip").toString(), "--hidden", "8",
                "--layers", "1", "--batch", "4", "--seq", "20", "--steps", "50", "--print-every", "50", "--val-frac", "0", "--json"};
        Run alone = run(args);
        assertEquals(0, alone.exitCode(), alone.err());
        assertEquals(50, alone.lastLineJson().get("steps").asInt(), alone.out());
        assertTrue(alone.out().contains("epoch 3/3"), alone.out());   // 1,920 characters: 24 windows of 4 x 20 a pass

        String[] onePass = java.util.Arrays.copyOf(args, args.length + 2);
        onePass[args.length] = "--epochs";
        onePass[args.length + 1] = "1";
        Run capped = run(onePass);
        assertEquals(0, capped.exitCode(), capped.err());
        assertEquals(24, capped.lastLineJson().get("steps").asInt(), capped.out());
    }

    /** Outside a terminal (as here) progress is plain lines; --quiet leaves only the results. */
    @Test
    void progressIsPlainLinesOrNothingWithQuiet() {
        String[] args = {"train", "--text", text.toString(), "--model", dir.resolve("quiet.zip").toString(), "--hidden", "8",
                "--layers", "1", "--batch", "4", "--seq", "20", "--steps", "4", "--print-every", "2"};
        Run plain = run(args);
        assertEquals(0, plain.exitCode(), plain.err());
        assertTrue(plain.out().contains("step 2/4  train loss"), plain.out());
        String[] quietArgs = java.util.Arrays.copyOf(args, args.length + 1);
        quietArgs[args.length] = "--quiet";
        Run quiet = run(quietArgs);
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertFalse(quiet.out().contains("step 2/4"), quiet.out());
        assertTrue(quiet.out().contains("done: 4 steps"), quiet.out());
    }

    @Test
    void infoShowsTheModelsMetadataAsTextAndJson() throws Exception {
        Run text = run("info", model.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("vocabulary") && text.out().contains("written by:    charrnn"), text.out());
        Run json = run("info", model.toString(), "--json");
        assertEquals(0, json.exitCode(), json.err());
        var fields = json.lastLineJson();
        assertEquals(io.github.charrnn.CharRnn.load(model).vocabulary().size(), fields.get("vocabulary_size").asInt());
        assertTrue(fields.get("steps").asLong() > 0 && fields.get("dl4j_version").asText().startsWith("1.0.0"), fields.toString());
        assertOneLineError(run("info", dir.resolve("none.zip").toString()), "There is no model file");
    }

    @Test
    void trainDrawsItsLossChartAndPlotComparesRuns() throws Exception {
        Path chart = dir.resolve("tiny.losses.png");
        assertTrue(javax.imageio.ImageIO.read(chart.toFile()).getWidth() > 0, "train drew " + chart);
        Path csv = dir.resolve("tiny.losses.csv");
        Path copy = Files.copy(csv, dir.resolve("again.losses.csv"));
        Path both = dir.resolve("both.png");
        Run plot = run("plot", csv.toString(), copy.toString(), "-o", both.toString(), "--width", "500", "--height", "300");
        assertEquals(0, plot.exitCode(), plot.err());
        var image = javax.imageio.ImageIO.read(both.toFile());
        assertEquals(500, image.getWidth());
        assertEquals(300, image.getHeight());
        assertOneLineError(run("plot", text.toString()), "is not a charrnn loss file");
        assertOneLineError(run("plot", csv.toString(), "-o", dir.resolve("chart.jpg").toString()), "should end in .png");
    }

    @Test
    void sampleWithoutAModelUsesTheBundledPretrainedModel() {
        assumeFalse(Files.exists(Path.of("model.zip")), "a model.zip in the working directory would be sampled instead");
        Run sample = run("sample", "--length", "200", "--seed", "3", "--prime", "The ");
        assertEquals(0, sample.exitCode(), sample.err());
        assertTrue(sample.err().contains("bundled pretrained model"), sample.err());
        String text = sample.out().strip();
        assertTrue(text.startsWith("The ") && text.length() > 150, text);
        // trained, not random: mostly letters and spaces, with common English words
        long lettersAndSpaces = text.chars().filter(c -> Character.isLetter(c) || c == ' ').count();
        assertTrue(lettersAndSpaces > 0.8 * text.length(), text);
        assertTrue(text.contains(" the ") || text.contains(" and ") || text.contains(" of "), text);
    }

    @Test
    void aMalformedCommandLineGetsOneLineAndExitCodeTwo() {
        Run notANumber = run("train", "--batch", "abc");
        assertEquals(2, notANumber.exitCode());
        assertEquals("charrnn: Invalid value for option '--batch': 'abc' is not an int (usage: charrnn train --help)",
                notANumber.err().strip());
        Run misspelt = run("sample", "--lenght", "5");
        assertEquals(2, misspelt.exitCode());
        assertFalse(misspelt.err().strip().contains("\n"), misspelt.err());
        assertTrue(misspelt.err().contains("did you mean --length?"), misspelt.err());
    }

    static void assertOneLineError(Run run, String expectedPart) {
        assertEquals(1, run.exitCode(), run.out());
        String err = run.err().strip();
        assertFalse(err.contains("\n"), "one line only: " + err);
        assertTrue(err.startsWith("charrnn: ") && err.contains(expectedPart), err);
        assertFalse(err.contains("at org.") || err.contains("Exception"), err);
    }
}
