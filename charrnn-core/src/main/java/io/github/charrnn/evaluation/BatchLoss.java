package io.github.charrnn.evaluation;

import io.github.charrnn.batching.CharBatch;

/**
 * The summed negative log-likelihood of mini-batches under a network, with the recurrent state carried from one
 * call to the next until cleared. Not thread-safe.
 */
interface BatchLoss {

    /** Makes the next call start from a zero state. */
    void clearState();

    /**
     * -log p(target) summed over rows and time, each character's loss weighted by the batch's label mask, if any.
     */
    double negativeLogLikelihood(CharBatch batch);

    /**
     * As {@link #negativeLogLikelihood(CharBatch)}, also writing each character's -log p(target) (unweighted) into
     * {@code perCharacter}: row r's time step t at {@code r * length + t}.
     */
    double negativeLogLikelihood(CharBatch batch, double[] perCharacter);
}
