package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.charrnn.cli.CommandLineTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.charrnn.cli.CommandLineTest.assertOneLineError;
import static io.github.charrnn.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** score, --unknown on sample, eval and score, and sample's --top-p, --best-of and --beam, on a tiny model. */
class GenerationFlagsTest {

    @TempDir
    static Path dir;
    static String model;

    @BeforeAll
    static void trainATinyModel() throws Exception {
        Run train = CommandLineTest.trainTinyModel(dir);
        assertEquals(0, train.exitCode(), train.err());
        model = dir.resolve("tiny.zip").toString();
    }

    @Test
    void scoreAgreesWithEvalOnOneStream() throws Exception {
        // 1 + 20 * 48 characters: eval --batch 1 --seq 20 predicts every character after the first, as score does
        String text = "I'm looking for someone who loves dogs, travel and good movies.\n".repeat(16).substring(0, 961);
        Path file = Files.writeString(dir.resolve("one-stream.txt"), text);
        JsonNode eval = run("eval", "--model", model, "--text", file.toString(), "--batch", "1", "--seq", "20", "--json").lastLineJson();
        Run score = run("score", "--model", model, "--text", file.toString(), "--json", "--per-char");
        assertEquals(0, score.exitCode(), score.err());
        JsonNode json = score.lastLineJson();
        assertEquals(960, eval.get("chars").asInt());
        assertEquals(960, json.get("chars").asInt());
        assertEquals(eval.get("loss").asDouble(), json.get("mean_loss").asDouble(), 1e-6);
        assertEquals(eval.get("bits_per_char").asDouble(), json.get("bits_per_char").asDouble(), 1e-6);
        assertEquals(json.get("mean_loss").asDouble() * 960, json.get("total_loss").asDouble(), 1e-6);
        JsonNode perChar = json.get("per_char");
        assertEquals(960, perChar.size());
        double sum = 0;
        for (JsonNode c : perChar) {
            sum += c.get("loss").asDouble();
            assertEquals(Math.exp(-c.get("loss").asDouble()), c.get("probability").asDouble(), 1e-9);
        }
        assertEquals(json.get("total_loss").asDouble(), sum, 1e-6);
        assertEquals("'", perChar.get(0).get("char").asText());   // the first character, I, is the prime

        Run plain = run("score", "--model", model, "--string", "I'm looking", "--prime", "dogs. ", "--per-char");
        assertEquals(0, plain.exitCode(), plain.err());
        assertTrue(plain.out().contains("over 11 characters"), plain.out());
        assertTrue(plain.out().startsWith("position  char      probability  surprisal (bits)"), plain.out());
    }

    @Test
    void scoreWithACorpusReportsTheLongestCopiedSpan() throws Exception {
        Path corpus = Files.writeString(dir.resolve("copy-corpus.txt"), "Nothing here. who loves dogs, travel\nThe end.\n");
        JsonNode json = run("score", "--model", model, "--string", "I'm looking for someone who loves dogs, and more",
                "--corpus", corpus.toString(), "--json").lastLineJson();
        assertEquals(" who loves dogs, ", json.get("longest_copy_text").asText());
        assertEquals(17, json.get("longest_copy").asInt());
        Run plain = run("score", "--model", model, "--string", "I'm looking for someone who loves dogs, and more",
                "--corpus", corpus.toString());
        assertEquals(0, plain.exitCode(), plain.err());
        assertTrue(plain.out().contains("longest copy of the corpus: 17 characters, \" who loves dogs, \""), plain.out());
    }

    @Test
    void unknownCharactersAreRefusedInOneSentenceOrSkippedOrReplaced() throws Exception {
        Run refused = run("score", "--model", model, "--string", "I'm 🦄 looking for Zorro");
        assertOneLineError(refused, "The text has 2 characters that the model's vocabulary does not contain: '🦄' (U+1F984), 'Z' (U+005A)");
        assertTrue(refused.err().contains("--unknown skip"), refused.err());
        JsonNode skipped = run("score", "--model", model, "--string", "I'm 🦄 looking for Zorro", "--unknown", "skip", "--json")
                .lastLineJson();
        assertEquals(2, skipped.get("unknown_chars").asInt());
        assertEquals("I'm  looking for orro".length() - 1, skipped.get("chars").asInt());
        JsonNode replaced = run("score", "--model", model, "--string", "I'm 🦄 looking", "--unknown", "replace:\\s", "--json")
                .lastLineJson();
        assertEquals(1, replaced.get("unknown_chars").asInt());
        assertEquals("I'm   looking".length() - 1, replaced.get("chars").asInt());
        assertOneLineError(run("score", "--model", model, "--string", "abc", "--unknown", "drop"),
                "--unknown must be error, skip or replace:C with one character C, got \"drop\".");
        assertOneLineError(run("score", "--model", model, "--string", "abc", "--unknown", "replace:Q"),
                "is not in the model's vocabulary either");

        Path foreign = Files.writeString(dir.resolve("foreign.txt"),
                "I'm looking for Zorro, who loves dogs, travel and good movies.\n".repeat(20));
        assertOneLineError(run("eval", "--model", model, "--text", foreign.toString()), "'Z' (U+005A)");
        Run eval = run("eval", "--model", model, "--text", foreign.toString(), "--unknown", "skip");
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(eval.out().contains("(20 unknown characters skipped)"), eval.out());
        JsonNode evalJson = run("eval", "--model", model, "--text", foreign.toString(), "--unknown", "skip", "--json").lastLineJson();
        assertEquals(20, evalJson.get("unknown_chars").asInt());

        Run sample = run("sample", "--model", model, "--prime", "Zorro loves", "--unknown", "skip", "--length", "10",
                "--seed", "1", "--json");
        assertEquals(0, sample.exitCode(), sample.err());
        assertTrue(sample.lastLineJson().get("text").asText().startsWith("orro loves"), sample.out());
        assertTrue(sample.err().contains("left out 1 unknown character of the prime (--unknown skip)."), sample.err());
        assertOneLineError(run("sample", "--model", model, "--prime", "Zorro"), "--unknown skip");
    }

    @Test
    void topPBestOfAndBeam() throws Exception {
        String[] base = {"sample", "--model", model, "--prime", "I'm", "--length", "30", "--json"};
        JsonNode nucleus = run(concat(base, "--top-k", "0", "--top-p", "0.5", "--seed", "4")).lastLineJson();
        assertEquals(nucleus, run(concat(base, "--top-k", "0", "--top-p", "0.5", "--seed", "4")).lastLineJson());
        assertOneLineError(run(concat(base, "--top-p", "0")), "top-p must be above 0 and at most 1");

        // best-of 4 is one of the four texts --count 4 gives with the same seed
        JsonNode four = run(concat(base, "--count", "4", "--seed", "9", "--temperature", "1.5")).lastLineJson().get("texts");
        String best = run(concat(base, "--best-of", "4", "--seed", "9", "--temperature", "1.5")).lastLineJson().get("text").asText();
        boolean found = false;
        for (JsonNode text : four) {
            found |= text.asText().equals(best);
        }
        assertTrue(found, best + " among " + four);

        JsonNode beams = run(concat(base, "--beam", "3", "--count", "2")).lastLineJson().get("texts");
        assertEquals(2, beams.size());
        assertEquals(beams, run(concat(base, "--beam", "3", "--count", "2", "--seed", "77")).lastLineJson().get("texts"));
        assertNotEquals(beams.get(0), beams.get(1));
        assertOneLineError(run("sample", "--model", model, "--beam", "2", "--stream"), "--stream prints one text");
        assertOneLineError(run("sample", "--model", model, "--beam", "2", "--count", "3"),
                "A beam search of width 2 gives at most 2 texts; asked for 3.");
        assertOneLineError(run("sample", "--model", model, "--beam", "2", "--best-of", "2"), "best-of and beam cannot be combined");
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
