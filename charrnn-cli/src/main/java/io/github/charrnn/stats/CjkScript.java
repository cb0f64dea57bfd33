package io.github.charrnn.stats;

/**
 * The scripts written without spaces between words that {@code charrnn stats} recognises: Han characters (Chinese,
 * and Japanese kanji) and the Japanese kana.
 */
public final class CjkScript {

    /** A text whose letters are at least this share CJK is counted as a text without spaces between words. */
    public static final double MOSTLY = 0.5;

    private CjkScript() {
    }

    /** True for a Han, Hiragana or Katakana code point (not for CJK punctuation, which is of the common script). */
    public static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /** The share of the text's letters that are CJK, in [0, 1]; 0 for a text without letters. */
    public static double share(CharSequence text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long cjk = text.codePoints().filter(cp -> Character.isLetter(cp) && isCjk(cp)).count();
        return letters == 0 ? 0 : (double) cjk / letters;
    }
}
