package io.github.charrnn.generation;

/**
 * A text being generated: its characters, their summed log-probability at temperature 1, and whether it has
 * reached its stop text (after which nothing more is added). Not thread-safe.
 */
final class TextInProgress {

    private final String stopAt;
    private final StringBuilder text;
    private double logProbability;
    private int characters;
    private boolean done;

    /** @param stopAt the text that ends this one (kept), or null */
    TextInProgress(String stopAt, int capacity) {
        this.stopAt = stopAt;
        this.text = new StringBuilder(Math.min(capacity, 1 << 16));
    }

    TextInProgress(TextInProgress other) {
        this.stopAt = other.stopAt;
        this.text = new StringBuilder(other.text);
        this.logProbability = other.logProbability;
        this.characters = other.characters;
        this.done = other.done;
    }

    /** Adds a character chosen with probability {@code probability} (at temperature 1). */
    void add(int codePoint, float probability) {
        text.appendCodePoint(codePoint);
        logProbability += Math.log(probability);
        characters++;
        if (stopAt != null && text.length() >= stopAt.length()
                && text.indexOf(stopAt, text.length() - stopAt.length()) >= 0) {
            done = true;
        }
    }

    /** True once the stop text has been generated. */
    boolean done() {
        return done;
    }

    double logProbability() {
        return logProbability;
    }

    int characters() {
        return characters;
    }

    GeneratedText toGeneratedText() {
        return new GeneratedText(text.toString(), logProbability, characters);
    }
}
