package io.github.charrnn.cli;

import io.github.charrnn.stats.CharacterCount;
import io.github.charrnn.stats.CjkScript;
import io.github.charrnn.stats.CorpusStats;
import io.github.charrnn.stats.WordCloudPainter;
import io.github.charrnn.stats.WordCount;
import io.github.charrnn.stats.WordFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The output of {@code charrnn stats}: aligned lines for people, or one JSON object. */
final class StatsReport {

    private final CorpusStats stats;
    private final WordFilter filter;
    private final List<WordCount> topWords;
    private final List<CharacterCount> rarest;
    private final WordCloudPainter.Result cloud;

    /** A report with the {@code top} most common words that pass {@code filter} and the {@code rare} rarest characters. */
    StatsReport(CorpusStats stats, WordFilter filter, int top, int rare, WordCloudPainter.Result cloud) {
        this.stats = stats;
        this.filter = filter;
        this.topWords = stats.words().top(top, filter);
        this.rarest = stats.characters().rarest(rare);
        this.cloud = cloud;
    }

    /** The report as lines of text. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(field("corpus", stats.name()));
        lines.add(field("characters", String.format("%,d (Unicode code points, line breaks included)", stats.characters().total())));
        lines.add(field("distinct characters", String.format("%,d (the vocabulary of a network trained on it)", stats.characters().distinct())));
        lines.add(field("lines", String.format("%,d", stats.lines())));
        lines.add(field("paragraphs", String.format("%,d (separated by blank lines)", stats.paragraphs())));
        lines.add(field("words", String.format("%,d", stats.words().total())));
        lines.add(field("a word is", stats.wordDefinition().id() + ": " + stats.wordDefinition().meaning()));
        lines.add(field("", stats.wordDefinitionReason()));
        lines.add(field("distinct words", String.format("%,d", stats.words().distinct())));
        lines.add(String.format("top %d words (%s):", topWords.size(), filter.describe()));
        if (topWords.isEmpty()) {
            lines.add("  (none: every word is shorter than --min-length or a stop word)");
        }
        int width = topWords.stream().mapToInt(w -> columns(w.word())).max().orElse(0);
        for (int i = 0; i < topWords.size(); i++) {
            WordCount w = topWords.get(i);
            lines.add(String.format("  %3d  %s  %,9d", i + 1, padded(w.word(), width), w.count()));
        }
        if (!rarest.isEmpty()) {
            lines.add(String.format("rarest %d characters:", rarest.size()));
            rarest.forEach(c -> lines.add(String.format("  %s %,9d", padded(c.describe(), 20), c.count())));
        }
        stats.rareCharacterWarning().ifPresentOrElse(warning -> lines.add("warning: " + warning),
                () -> lines.add(String.format("no character occurs fewer than %d times.", CorpusStats.RARE_BELOW)));
        if (cloud != null) {
            lines.add(field("word cloud", String.format("%s (%d words, font %s)", cloud.file(), cloud.drawn(), cloud.font())));
            if (!cloud.noGlyphs().isEmpty()) {
                lines.add(field("", "left out, the font lacks their glyphs: " + quoted(cloud.noGlyphs())));
            }
            if (!cloud.noRoom().isEmpty()) {
                lines.add(field("", "left out, no room (try a larger --width/--height): " + quoted(cloud.noRoom())));
            }
        }
        return lines;
    }

    /** The report as one line of JSON. */
    String json() {
        return Json.object("corpus", stats.name(),
                "characters", stats.characters().total(), "distinct_characters", stats.characters().distinct(),
                "lines", stats.lines(), "paragraphs", stats.paragraphs(),
                "words", stats.words().total(), "distinct_words", stats.words().distinct(),
                "word_definition", stats.wordDefinition().id(), "word_definition_meaning", stats.wordDefinition().meaning(),
                "cjk_share", stats.cjkShare(), "min_length", filter.minLength(), "stop_words", filter.stopWords().size(),
                "top_words", topWords.stream().map(w -> Json.fields("word", w.word(), "count", w.count())).toList(),
                "rarest_characters", rarest.stream()
                        .map(c -> Json.fields("character", c.character(), "code_point", c.unicode(), "count", c.count())).toList(),
                "rare_below", CorpusStats.RARE_BELOW, "rare_characters", stats.rareCharacters().size(),
                "rare_warning", stats.rareCharacterWarning().orElse(null),
                "wordcloud", cloud == null ? null : Json.fields("file", cloud.file().toString(), "words", cloud.drawn(),
                        "font", cloud.font(), "left_out_no_glyphs", cloud.noGlyphs(), "left_out_no_room", cloud.noRoom()));
    }

    private static String field(String name, String value) {
        return String.format("%-21s%s", name.isEmpty() ? "" : name + ":", value);
    }

    /** {@code text} and spaces to fill {@code columns} terminal columns. */
    private static String padded(String text, int columns) {
        return text + " ".repeat(Math.max(0, columns - columns(text)));
    }

    /** Terminal columns of {@code text}: two for each East Asian wide character (Han, kana, Hangul, full-width forms). */
    static int columns(String text) {
        return text.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
    }

    private static boolean isWide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return CjkScript.isCjk(cp) || script == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }

    private static String quoted(List<String> words) {
        return words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", "));
    }

    /** {@code json} (a report's object) with the longest copy of a corpus added as {@code longest_copy}. */
    static String withLongestCopy(String json, io.github.charrnn.novelty.CopySpan copy) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
            node.putPOJO("longest_copy", Json.fields("length", copy.length(), "start", copy.start(), "text", copy.text()));
            return mapper.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
