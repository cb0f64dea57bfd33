package io.github.charrnn.datavec.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SymbolWidthTest {

    @Test
    void theNarrowestWidthThatHoldsEveryId() {
        assertEquals(SymbolWidth.ONE, SymbolWidth.forVocabulary(1));
        assertEquals(SymbolWidth.ONE, SymbolWidth.forVocabulary(256));
        assertEquals(SymbolWidth.TWO, SymbolWidth.forVocabulary(257));
        assertEquals(SymbolWidth.TWO, SymbolWidth.forVocabulary(65_536));
        assertEquals(SymbolWidth.FOUR, SymbolWidth.forVocabulary(65_537));
        assertEquals(SymbolWidth.FOUR, SymbolWidth.forVocabulary(Character.MAX_CODE_POINT + 1));
        assertEquals(1, SymbolWidth.ONE.bytes());
        assertEquals(2, SymbolWidth.TWO.bytes());
        assertEquals(4, SymbolWidth.FOUR.bytes());
    }
}
