/**
 * Counting a corpus before training on it: characters, lines, paragraphs, words (with a definition of "word" that
 * suits texts written without spaces), the most common words, the rarest characters, and word-cloud images.
 */
package io.github.charrnn.stats;
