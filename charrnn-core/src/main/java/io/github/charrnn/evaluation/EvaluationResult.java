package io.github.charrnn.evaluation;

/**
 * How well a model predicts a text.
 *
 * <p>Immutable.
 *
 * @param loss        mean cross entropy per predicted character, in nats
 * @param characters  number of predicted characters
 */
public record EvaluationResult(double loss, long characters) {

    /** exp(loss): the effective number of equally likely next characters. */
    public double perplexity() {
        return Math.exp(loss);
    }

    /** loss in bits: log2(perplexity). */
    public double bitsPerCharacter() {
        return loss / Math.log(2);
    }
}
