package io.github.charrnn.evaluation;

import io.github.charrnn.batching.ConsecutiveBatches;
import io.github.charrnn.batching.OneHot;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;

/**
 * Mean cross entropy of a network's next-character predictions. Uses the network's stored recurrent state
 * (rnnTimeStep), so callers must not use the same network concurrently; the state is cleared before and after.
 *
 * <p>It runs on the network's own recurrent state, so nothing else may use that network meanwhile ({@code CharRnn} makes sure of it).
 */
public final class Evaluator {

    /** Probabilities are clamped here before the log so that a 0 from float underflow gives a large, finite loss. */
    private static final double MIN_PROBABILITY = 1e-30;
    private static final int CHUNK = 1000;

    private Evaluator() {
    }

    /**
     * Evaluates every mini-batch of {@code batches} (reset first if it can be): features and labels one-hot
     * [batch, vocabulary, time] or ids [batch, 1, time], as training takes them. If the iterator is
     * {@link ConsecutiveBatches}, the recurrent state is carried from batch to batch, as the articles' validation
     * does; otherwise each batch starts from a zero state.
     */
    public static EvaluationResult evaluate(MultiLayerNetwork network, DataSetIterator batches) {
        boolean carryState = batches instanceof ConsecutiveBatches;
        if (batches.resetSupported()) {
            batches.reset();
        }
        network.rnnClearPreviousState();
        double lossSum = 0;
        long count = 0;
        long previousRows = -1;
        try {
            while (batches.hasNext()) {
                DataSet batch = batches.next();
                long rows = batch.getFeatures().size(0);
                if (!carryState || rows != previousRows) {
                    network.rnnClearPreviousState();
                }
                previousRows = rows;
                INDArray probabilities = network.rnnTimeStep(batch.getFeatures());
                INDArray mask = batch.getLabelsMaskArray();
                lossSum += negativeLogLikelihood(probabilities, batch.getLabels(), mask);
                count += mask == null ? batch.getLabels().size(0) * batch.getLabels().size(2)
                        : mask.sumNumber().longValue();
            }
        } finally {
            network.rnnClearPreviousState();
        }
        return new EvaluationResult(count == 0 ? Double.NaN : lossSum / count, count);
    }

    /**
     * Evaluates one text given as symbol ids: each character from the second on is predicted from all before
     * it (one stream, state carried throughout).
     */
    public static EvaluationResult evaluate(MultiLayerNetwork network, int[] ids, int vocabularySize) {
        if (ids.length < 2) {
            throw new IllegalArgumentException("A text to evaluate needs at least 2 characters, got " + ids.length + ".");
        }
        network.rnnClearPreviousState();
        double lossSum = 0;
        try {
            for (int start = 0; start < ids.length - 1; start += CHUNK) {
                int end = Math.min(start + CHUNK, ids.length - 1);
                INDArray input = OneHot.sequence(Arrays.copyOfRange(ids, start, end), vocabularySize);
                INDArray target = OneHot.sequence(Arrays.copyOfRange(ids, start + 1, end + 1), vocabularySize);
                lossSum += negativeLogLikelihood(network.rnnTimeStep(input), target, null);
            }
        } finally {
            network.rnnClearPreviousState();
        }
        return new EvaluationResult(lossSum / (ids.length - 1), ids.length - 1);
    }

    /**
     * Sum over rows and time of -log p(target); probabilities are [batch, vocab, time], targets one-hot of that
     * shape or ids [batch, 1, time].
     */
    private static double negativeLogLikelihood(INDArray probabilities, INDArray targets, INDArray mask) {
        INDArray oneHotTargets = targets.size(1) == 1 && probabilities.size(1) > 1
                ? OneHot.ofIds(targets, (int) probabilities.size(1)) : targets;
        INDArray targetProbability = probabilities.mul(oneHotTargets).sum(1);  // [batch, time]
        Transforms.max(targetProbability, MIN_PROBABILITY, false);
        INDArray logLikelihood = Transforms.log(targetProbability, false);
        if (mask != null) {
            logLikelihood.muli(mask.reshape(logLikelihood.shape()).castTo(logLikelihood.dataType()));
        }
        return -logLikelihood.sumNumber().doubleValue();
    }
}
