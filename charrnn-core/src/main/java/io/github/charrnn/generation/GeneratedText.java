package io.github.charrnn.generation;

/**
 * One generated text and how likely the model finds it. Immutable.
 *
 * @param text           the generated characters after the prime, cut after the stop text if one was given
 * @param logProbability the sum of ln p of those characters under the model at temperature 1, each given all before it
 * @param characters     the number of characters (code points) of {@code text}
 */
public record GeneratedText(String text, double logProbability, int characters) {

    /** The mean log-probability per character: what best-of-N ranks by; NaN for an empty text. */
    public double meanLogProbability() {
        return characters == 0 ? Double.NaN : logProbability / characters;
    }
}
