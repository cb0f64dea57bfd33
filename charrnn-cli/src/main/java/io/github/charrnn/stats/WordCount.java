package io.github.charrnn.stats;

/** A word and how often it occurs. */
public record WordCount(String word, long count) {
}
