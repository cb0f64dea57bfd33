package io.github.charrnn.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusStatsTest {

    /** 52 code points, 5 lines, 2 paragraphs, 12 words (8 distinct), 21 distinct characters. */
    private static final String TEXT = "The cat sat.\nThe cat ran!\n\nA dog ran, the end.\nCafé\n";

    @Test
    void countsASmallTextExactly() {
        CorpusStats stats = CorpusStats.of("t", TEXT, "auto", true);
        assertEquals(52, stats.characters().total());
        assertEquals(21, stats.characters().distinct());
        assertEquals(5, stats.lines());
        assertEquals(2, stats.paragraphs());
        assertEquals(WordDefinition.SPACES, stats.wordDefinition());
        assertEquals(12, stats.words().total());
        assertEquals(8, stats.words().distinct());
        assertEquals(List.of(new WordCount("the", 3), new WordCount("cat", 2), new WordCount("ran", 2)),
                stats.words().top(3, WordFilter.NONE));
    }

    @Test
    void minimumLengthAndStopWordsFilterTheTopWords() {
        WordCounts words = CorpusStats.of("t", TEXT, "spaces", true).words();
        assertEquals(List.of(new WordCount("café", 1)), words.top(5, new WordFilter(4, Set.of())));
        assertEquals(List.of("cat", "ran", "café", "dog", "end", "sat"),
                words.top(10, new WordFilter(3, StopWords.english())).stream().map(WordCount::word).toList());
        assertEquals(List.of("cat", "ran", "a"),
                words.top(3, new WordFilter(1, Set.of("the"))).stream().map(WordCount::word).toList());
    }

    @Test
    void caseFoldingCanBeSwitchedOff() {
        WordCounts kept = CorpusStats.of("t", TEXT, "spaces", false).words();
        assertEquals(2, kept.count("The"));
        assertEquals(1, kept.count("the"));
        assertEquals(9, kept.distinct());
        assertEquals(List.of("cat", "ran"), kept.top(2, new WordFilter(1, Set.of("the"))).stream().map(WordCount::word).toList(),
                "stop words are matched in lower case");
    }

    @Test
    void rarestCharactersComeFirstWithTheirCounts() {
        CorpusStats stats = CorpusStats.of("t", TEXT, "auto", true);
        assertEquals(List.of(new CharacterCount('!', 1), new CharacterCount(',', 1), new CharacterCount('A', 1)),
                stats.characters().rarest(3));
        assertEquals(8, stats.characters().count(' '));
        assertEquals(18, stats.rareCharacters().size(), "all but ' ' (8), 'a' (6) and newline (5) occur fewer than 5 times");
        String warning = stats.rareCharacterWarning().orElseThrow();
        assertTrue(warning.startsWith("18 of the 21 distinct characters (86%) occur fewer than 5 times"), warning);
        assertTrue(CorpusStats.of("t", "ab".repeat(5), "auto", true).rareCharacterWarning().isEmpty());
    }

    @Test
    void wordsKeepInnerApostrophesAndHyphensAndNeedALetter() {
        WordCounts words = WordCounts.of("Don't re-read 1999's 42 -- 'quoted' x-", WordDefinition.SPACES, true);
        assertEquals(List.of("1999's", "don't", "quoted", "re-read", "x"),
                words.top(10, WordFilter.NONE).stream().map(WordCount::word).sorted().toList());
    }

    @Test
    void linesEndAtAnyLineBreakAndParagraphsAtBlankLines() {
        assertEquals(3, TextLayout.lines("a\r\nb\rc"));
        assertEquals(1, TextLayout.lines("a\n"));
        assertEquals(3, TextLayout.paragraphs("\n\na\nb\n \t\nc\n\n\n\nd"));
    }

    @Test
    void stopWordListsAreWhiteSpaceSeparatedWithComments() {
        assertEquals(Set.of("the", "a", "an"), StopWords.parse("# comment\nThe a\n  an # another\n"));
        Set<String> english = StopWords.english();
        assertTrue(english.containsAll(Set.of("the", "and", "of", "don't", "you")), english.toString());
        assertFalse(english.contains("people"));
    }

    @Test
    void filterDescribesWhatItLeavesOut() {
        assertEquals("all words", WordFilter.NONE.describe());
        assertEquals("at least 4 characters", new WordFilter(4, Set.of()).describe());
        assertEquals("at least 3 characters, 2 stop words left out", new WordFilter(3, Set.of("a", "b")).describe());
        assertThrows(IllegalArgumentException.class, () -> new WordFilter(0, Set.of()));
    }
}
