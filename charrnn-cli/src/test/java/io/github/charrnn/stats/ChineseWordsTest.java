package io.github.charrnn.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChineseWordsTest {

    private static final String POEM = "春风春风，明月。\n春眠不觉晓";

    @Test
    void detectsTextsThatAreMostlyHan() {
        assertEquals(1.0, CjkScript.share(POEM));
        assertEquals(0.25, CjkScript.share("abc春，。"), "punctuation is not a letter");
        assertEquals(0.0, CjkScript.share("123 ..."));
        assertEquals(WordDefinition.BIGRAMS, CorpusStats.of("p", POEM, "auto", true).wordDefinition());
        assertEquals(WordDefinition.SPACES, CorpusStats.of("e", "the spring wind 春", "auto", true).wordDefinition());
        assertTrue(CorpusStats.of("p", POEM, "auto", true).wordDefinitionReason().contains("--words auto chose bigrams: 100.0%"));
    }

    @Test
    void countsSingleCharacters() {
        WordCounts chars = WordCounts.of(POEM, WordDefinition.CHARS, true);
        assertEquals(11, chars.total());
        assertEquals(8, chars.distinct());
        assertEquals(List.of(new WordCount("春", 3), new WordCount("风", 2)), chars.top(2, WordFilter.NONE));
    }

    @Test
    void countsBigramsOfAdjacentCharactersNotAcrossPunctuation() {
        WordCounts bigrams = WordCounts.of(POEM, WordDefinition.BIGRAMS, true);
        assertEquals(8, bigrams.total(), "春风 风春 春风 | 明月 | 春眠 眠不 不觉 觉晓");
        assertEquals(7, bigrams.distinct());
        assertEquals(new WordCount("春风", 2), bigrams.top(1, WordFilter.NONE).get(0));
        assertEquals(0, bigrams.count("风明"));
        assertEquals(1, bigrams.count("觉晓"));
    }

    @Test
    void otherScriptsInsideAChineseTextAreCutAtSpaces() {
        WordCounts mixed = WordCounts.of("我爱 Java，和 Python3!", WordDefinition.BIGRAMS, true);
        assertEquals(List.of("java", "python3", "和", "我爱"), mixed.top(10, WordFilter.NONE).stream().map(WordCount::word).sorted().toList());
        assertEquals(1, WordCounts.of("山，水", WordDefinition.BIGRAMS, true).count("山"), "a lone character is its own word");
    }

    @Test
    void spacesModeTakesAChinesePhraseAsOneWord() {
        assertEquals(1, WordCounts.of(POEM, WordDefinition.SPACES, true).count("春眠不觉晓"));
    }

    @Test
    void anUnknownDefinitionIsNamedWithTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordDefinition.choose("words", 0));
        assertEquals("Unknown word definition 'words'; allowed: auto, spaces, chars, bigrams.", e.getMessage());
        assertEquals(WordDefinition.CHARS, WordDefinition.choose("chars", 0));
    }
}
