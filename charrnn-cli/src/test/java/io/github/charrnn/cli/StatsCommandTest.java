package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.charrnn.stats.WordCloudPainterTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.charrnn.cli.CommandLineTest.assertOneLineError;
import static io.github.charrnn.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code charrnn stats}: its output as text and JSON, the word cloud, and bad input. */
class StatsCommandTest {

    @TempDir
    Path dir;

    private Path text() throws Exception {
        return Files.writeString(dir.resolve("small.txt"), "The cat sat.\nThe cat ran!\n\nA dog ran, the end.\nCafé\n");
    }

    @Test
    void jsonHasEveryCountAndParses() throws Exception {
        CommandLineTest.Run run = run("stats", "--text", text().toString(), "--top", "2", "--rare", "2", "--min-length", "3",
                "--stop-words", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = run.lastLineJson();
        assertEquals(52, json.get("characters").asLong());
        assertEquals(21, json.get("distinct_characters").asInt());
        assertEquals(5, json.get("lines").asLong());
        assertEquals(2, json.get("paragraphs").asLong());
        assertEquals(12, json.get("words").asLong());
        assertEquals(8, json.get("distinct_words").asInt());
        assertEquals("spaces", json.get("word_definition").asText());
        assertEquals("cat", json.get("top_words").get(0).get("word").asText());
        assertEquals(2, json.get("top_words").get(0).get("count").asLong());
        assertEquals("ran", json.get("top_words").get(1).get("word").asText());
        assertEquals("!", json.get("rarest_characters").get(0).get("character").asText());
        assertEquals("U+002C", json.get("rarest_characters").get(1).get("code_point").asText());
        assertEquals(18, json.get("rare_characters").asInt());
        assertTrue(json.get("rare_warning").asText().contains("almost never learns"));
        assertTrue(json.get("wordcloud").isNull());
    }

    @Test
    void textOutputSaysWhatAWordIsAndWarnsOfRareCharacters() throws Exception {
        CommandLineTest.Run run = run("stats", "--text", text().toString(), "--top", "3");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("characters:          52 (Unicode code points"), out);
        assertTrue(out.contains("a word is:           spaces: runs of letters"), out);
        assertTrue(out.contains("top 3 words (all words):"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches(" +1 {2}the +3")), out);
        assertTrue(out.contains("warning: 18 of the 21 distinct characters"), out);
    }

    @Test
    void theChineseBundledTextIsCountedInBigrams() throws Exception {
        CommandLineTest.Run run = run("stats", "--bundled", "tang300-zh", "--top", "1", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = run.lastLineJson();
        assertEquals("bigrams", json.get("word_definition").asText());
        assertTrue(json.get("cjk_share").asDouble() > 0.99);
        assertEquals(2579, json.get("distinct_characters").asInt());
        assertEquals("作者", json.get("top_words").get(0).get("word").asText(), "every poem has an author line 作者：");
        CommandLineTest.Run chars = run("stats", "--bundled", "tang300-zh", "--words", "chars", "--top", "1");
        assertTrue(chars.out().contains("a word is:           chars: single Han"), chars.out());
    }

    @Test
    void drawsTheWordCloudOfTheRequestedSize() throws Exception {
        Path png = dir.resolve("cloud.png");
        CommandLineTest.Run run = run("stats", "--text", text().toString(), "--wordcloud", png.toString(), "--width", "240",
                "--height", "160", "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(png.toString(), run.lastLineJson().get("wordcloud").get("file").asText());
        WordCloudPainterTest.assertPngWithInk(png, 240, 160);
    }

    @Test
    void badInputGetsOneSentence() throws Exception {
        String t = text().toString();
        assertOneLineError(run("stats", "--text", dir.resolve("missing.txt").toString()), "does not exist");
        assertOneLineError(run("stats", "--text", t, "--top", "0"), "--top must be at least 1, got 0.");
        assertOneLineError(run("stats", "--text", t, "--rare", "-1"), "--rare must be at least 0, got -1.");
        assertOneLineError(run("stats", "--text", t, "--min-length", "0"), "--min-length must be at least 1, got 0.");
        assertOneLineError(run("stats", "--text", t, "--words", "tokens"),
                "Unknown word definition 'tokens'; allowed: auto, spaces, chars, bigrams.");
        assertOneLineError(run("stats", "--text", t, "--stop-words-file", dir.resolve("none.txt").toString()),
                "The stop-word file");
        assertOneLineError(run("stats", "--text", t, "--wordcloud", dir.resolve("c.png").toString(), "--width", "50"),
                "--width must be between 100 and 8000 pixels, got 50.");
        assertOneLineError(run("stats", "--text", t, "--wordcloud", dir.resolve("c.png").toString(), "--min-length", "9"),
                "There are no words to draw a word cloud of");
    }
}
