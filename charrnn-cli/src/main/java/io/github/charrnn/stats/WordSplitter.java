package io.github.charrnn.stats;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cuts a text into words under a {@link WordDefinition}. */
final class WordSplitter {

    /** Letters, marks and digits, joined by single apostrophes or hyphens ("don't", "well-known"). */
    private static final Pattern SPACED_WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['’\\-][\\p{L}\\p{M}\\p{N}]+)*");

    private final WordDefinition definition;

    WordSplitter(WordDefinition definition) {
        this.definition = definition;
    }

    /** Hands every word of {@code text}, in order, to {@code sink}. */
    void split(String text, Consumer<String> sink) {
        if (definition == WordDefinition.SPACES) {
            splitSpaced(text, sink);
            return;
        }
        int segmentStart = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!CjkScript.isCjk(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            splitSpaced(text.substring(segmentStart, i), sink);
            int runEnd = i;
            while (runEnd < text.length() && CjkScript.isCjk(text.codePointAt(runEnd))) {
                runEnd += Character.charCount(text.codePointAt(runEnd));
            }
            splitRun(text.substring(i, runEnd), sink);
            segmentStart = runEnd;
            i = runEnd;
        }
        splitSpaced(text.substring(segmentStart), sink);
    }

    /** A run of CJK characters: each character, or each adjacent pair (a run of one is its own word). */
    private void splitRun(String run, Consumer<String> sink) {
        int[] cps = run.codePoints().toArray();
        if (definition == WordDefinition.CHARS || cps.length == 1) {
            for (int cp : cps) {
                sink.accept(Character.toString(cp));
            }
            return;
        }
        for (int k = 0; k + 1 < cps.length; k++) {
            sink.accept(new String(cps, k, 2));
        }
    }

    private static void splitSpaced(String text, Consumer<String> sink) {
        Matcher m = SPACED_WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            if (word.codePoints().anyMatch(Character::isLetter)) {
                sink.accept(word);
            }
        }
    }
}
