package io.github.charrnn.evaluation;

/**
 * A text scored by a model ({@code CharRnn.score}): what was read, and the score of each character after the
 * prime. Immutable.
 *
 * @param prime             the characters that only conditioned the model (the given prime, or else the text's
 *                          first character), as read
 * @param text              the scored characters, as read (one code point per {@link TextScore} entry)
 * @param unknownCharacters how many characters of prime and text the model did not know (skipped or replaced)
 * @param score             the loss of each scored character
 */
public record ScoredText(String prime, String text, int unknownCharacters, TextScore score) {
}
