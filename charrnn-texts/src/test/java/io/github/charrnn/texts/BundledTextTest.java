package io.github.charrnn.texts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundledTextTest {

    @Test
    void everyTextIsOnTheClassPathAndHoldsEveryCharacterOfItsPrime() {
        for (BundledText text : BundledText.values()) {
            String content = text.text();
            assertTrue(content.length() > 10_000, text.id() + ": " + content.length() + " characters");
            // a model trained on the text can encode the prime (which need not occur as it is: poems-en's "christmas")
            text.prime().codePoints().forEach(cp -> assertTrue(content.indexOf(Character.toString(cp)) >= 0,
                    text.id() + " has the prime's " + Character.toString(cp)));
            assertEquals(text, BundledText.parse(text.id()));
        }
        assertTrue(BundledText.TANG300_ZH.text().codePoints().distinct().count() > 2000, "the Tang poems' 2,579 characters");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BundledText.parse("fortunes"));
        assertEquals("Unknown bundled text 'fortunes'; allowed: fortunes-en, tang300-zh, poems-en, austen-pride-en, profiles-en.",
                e.getMessage());
    }
}
