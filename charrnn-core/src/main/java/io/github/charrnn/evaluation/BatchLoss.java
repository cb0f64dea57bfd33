package io.github.charrnn.evaluation;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The summed negative log-likelihood of mini-batches under a network, with the recurrent state carried from one
 * call to the next until cleared. Not thread-safe.
 */
interface BatchLoss {

    /** Makes the next call start from a zero state. */
    void clearState();

    /**
     * -log p(target) summed over rows and time: features and labels one-hot [batch, vocabulary, time] or ids
     * [batch, 1, time]; {@code labelMask} null or [batch, time] weights of each character's loss.
     */
    double negativeLogLikelihood(INDArray features, INDArray labels, INDArray labelMask);
}
