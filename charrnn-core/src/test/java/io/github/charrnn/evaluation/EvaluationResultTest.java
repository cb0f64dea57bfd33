package io.github.charrnn.evaluation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link EvaluationResult}: perplexity and bits per character follow from the loss in nats. */
class EvaluationResultTest {

    @Test
    void perplexityAndBitsFollowFromTheLoss() {
        EvaluationResult uniformOver4 = new EvaluationResult(Math.log(4), 1000);
        assertEquals(4.0, uniformOver4.perplexity(), 1e-12);
        assertEquals(2.0, uniformOver4.bitsPerCharacter(), 1e-12);
        assertEquals(1000, uniformOver4.characters());

        EvaluationResult perfect = new EvaluationResult(0, 5);
        assertEquals(1.0, perfect.perplexity());
        assertEquals(0.0, perfect.bitsPerCharacter());

        EvaluationResult some = new EvaluationResult(1.3, 7);
        assertEquals(Math.exp(1.3), some.perplexity(), 1e-12);
        assertEquals(Math.log(some.perplexity()) / Math.log(2), some.bitsPerCharacter(), 1e-12);
    }

    @Test
    void aNaNLossGivesNaNs() {
        EvaluationResult none = new EvaluationResult(Double.NaN, 0);
        assertEquals(Double.NaN, none.perplexity());
        assertEquals(Double.NaN, none.bitsPerCharacter());
    }
}
