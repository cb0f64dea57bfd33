package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.charrnn.stats.CorpusStats;
import io.github.charrnn.stats.WordFilter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsReportTest {

    private static final String TEXT = "the cat sat on the mat\nthe cat ran\n\nzebra!\n";
    private static final CorpusStats STATS = CorpusStats.of("pets.txt", TEXT, "spaces", true);

    @Test
    void linesListTheFiguresTheTopWordsAndTheRarestCharacters() {
        List<String> lines = new StatsReport(STATS, new WordFilter(1, Set.of("on")), 2, 3, null).lines();
        assertEquals("corpus:              pets.txt", lines.get(0));
        assertEquals(String.format("characters:          %,d (Unicode code points, line breaks included)", TEXT.length()), lines.get(1));
        assertTrue(lines.contains("top 2 words (" + new WordFilter(1, Set.of("on")).describe() + "):"), lines.toString());
        int top = lines.indexOf("top 2 words (" + new WordFilter(1, Set.of("on")).describe() + "):");
        assertTrue(lines.get(top + 1).matches("\\s+1  the\\s+3"), lines.get(top + 1));
        assertTrue(lines.get(top + 2).matches("\\s+2  cat\\s+2"), lines.get(top + 2));
        assertTrue(lines.contains("rarest 3 characters:"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("warning: ")), "every character here is rare: " + lines);
    }

    @Test
    void aFilterThatLeavesNoWordSaysSo() {
        List<String> lines = new StatsReport(STATS, new WordFilter(10, Set.of()), 5, 0, null).lines();
        assertTrue(lines.contains("top 0 words (" + new WordFilter(10, Set.of()).describe() + "):"), lines.toString());
        assertTrue(lines.contains("  (none: every word is shorter than --min-length or a stop word)"), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("rarest")), lines.toString());
    }

    @Test
    void jsonCarriesTheSameFigures() throws IOException {
        JsonNode json = new ObjectMapper().readTree(new StatsReport(STATS, WordFilter.NONE, 2, 1, null).json());
        assertEquals("pets.txt", json.get("corpus").textValue());
        assertEquals(TEXT.length(), json.get("characters").longValue());
        assertEquals(STATS.characters().distinct(), json.get("distinct_characters").intValue());
        assertEquals(STATS.words().total(), json.get("words").longValue());
        assertEquals("the", json.get("top_words").get(0).get("word").textValue());
        assertEquals(3, json.get("top_words").get(0).get("count").longValue());
        assertEquals(1, json.get("rarest_characters").size());
        assertEquals(CorpusStats.RARE_BELOW, json.get("rare_below").intValue());
        assertTrue(json.get("wordcloud").isNull());
    }
}
