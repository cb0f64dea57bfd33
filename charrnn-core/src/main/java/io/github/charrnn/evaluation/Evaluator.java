package io.github.charrnn.evaluation;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.batching.CharBatch;
import io.github.charrnn.batching.CharBatchSource;
import io.github.charrnn.batching.OneHot;
import io.github.charrnn.model.OneHotToIds;
import io.github.charrnn.training.GemmLstmEvaluation;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.Arrays;

/**
 * Mean cross entropy of a network's next-character predictions.
 *
 * <p>The networks charrnn's own LSTM training computes (LSTM layers, optionally after an embedding, and a softmax
 * output, on the CPU) are evaluated with that training's forward pass ({@link GemmLstmEvaluation}): a few large
 * matrix products per chunk of time steps, about a third of a training step's work. Any other network (tanh RNN
 * layers, the GPU backend), and every network with {@code -Dcharrnn.evaluation=dl4j}, is evaluated through DL4J's
 * {@code rnnTimeStep} on the network's stored recurrent state, which is cleared before and after. Both give the
 * same loss, except that {@code rnnTimeStep}'s float probabilities are clamped at 1e-30, which caps a character's
 * loss at 69 nats, where the forward pass's log-sum-exp has no such cap.
 *
 * <p>An instance keeps its buffers from one call to the next (a trainer validating every few hundred steps makes
 * them once); the static methods make an instance per call. Not thread-safe, and nothing else may use the network
 * during a call ({@code CharRnn} makes sure of it).
 */
public final class Evaluator {

    /** System property: {@code dl4j} evaluates every network through DL4J's {@code rnnTimeStep}. */
    public static final String IMPLEMENTATION_PROPERTY = "charrnn.evaluation";

    /** Characters per call when a text is evaluated as one stream. */
    private static final int TEXT_CHUNK = 1000;

    private final MultiLayerNetwork network;
    private final boolean forwardPass;
    private final BatchLoss loss;
    private final int vocabularySize;
    private final boolean idsInput;     // embedding input: features may be ids

    /** An evaluator of {@code network}, which may be trained between calls. */
    public Evaluator(MultiLayerNetwork network) {
        this(network, !"dl4j".equalsIgnoreCase(System.getProperty(IMPLEMENTATION_PROPERTY, "")));
    }

    /** @param forwardPassAllowed whether the forward pass may evaluate the network where it supports it */
    Evaluator(MultiLayerNetwork network, boolean forwardPassAllowed) {
        this.network = network;
        this.vocabularySize = (int) network.layerInputSize(0);
        this.idsInput = network.getLayerWiseConfigurations().getInputPreProcess(0) instanceof OneHotToIds;
        this.forwardPass = forwardPassAllowed && GemmLstmEvaluation.supports(network);
        this.loss = forwardPass
                ? forwardPassLoss(new GemmLstmEvaluation(network, network.getLayerWiseConfigurations().getTbpttFwdLength()))
                : new RnnTimeStepLoss(network);
    }

    /**
     * Evaluates every mini-batch of {@code batches} (reset first if it can be): features and labels one-hot
     * [batch, vocabulary, time] or ids [batch, 1, time], as training takes them, and a label mask, if any,
     * [batch, time]. The recurrent state is carried from batch to batch if the iterator is a
     * {@link CharBatchSource#consecutive() consecutive} source, as {@link #evaluate(DataSetIterator, boolean)} says.
     */
    public EvaluationResult evaluate(DataSetIterator batches) {
        return evaluate(batches, CharBatchSource.consecutive(batches));
    }

    /**
     * Evaluates every mini-batch of {@code batches}, as {@link #evaluate(DataSetIterator)}.
     *
     * @param carryState true to carry the recurrent state from one batch to the next while the number of rows stays
     *                   the same (row r of a batch continues row r of the one before, as in the articles'
     *                   validation); false to start every batch from a zero state
     * @throws IllegalArgumentException if a batch does not fit the network
     */
    public EvaluationResult evaluate(DataSetIterator batches, boolean carryState) {
        if (batches.resetSupported()) {
            batches.reset();
        }
        loss.clearState();
        double lossSum = 0;
        long count = 0;
        long previousRows = -1;
        try {
            while (batches.hasNext()) {
                CharBatch batch = CharBatch.from(batches.next(), batches, vocabularySize);
                if (batch.featureFormat() == BatchFormat.IDS && !idsInput) {
                    throw new IllegalArgumentException("Features as ids [batch, 1, time] need a model with embedding"
                            + " input; got features " + Arrays.toString(batch.features().shape()) + ".");
                }
                long rows = batch.rows();
                if (!carryState || rows != previousRows) {
                    loss.clearState();
                }
                previousRows = rows;
                INDArray mask = batch.labelMask();
                lossSum += loss.negativeLogLikelihood(batch);
                count += mask == null ? batch.rows() * batch.length() : mask.sumNumber().longValue();
            }
        } finally {
            loss.clearState();
        }
        return new EvaluationResult(count == 0 ? Double.NaN : lossSum / count, count);
    }

    /**
     * Evaluates one text given as symbol ids: each character from the second on is predicted from all before
     * it (one stream, state carried throughout), {@value #TEXT_CHUNK} characters at a time.
     *
     * @throws IllegalArgumentException if there are fewer than 2 ids or one is outside {@code 0..vocabularySize-1}
     */
    public EvaluationResult evaluate(int[] ids, int vocabularySize) {
        if (ids.length < 2) {
            throw new IllegalArgumentException("A text to evaluate needs at least 2 characters, got " + ids.length + ".");
        }
        for (int id : ids) {
            if (id < 0 || id >= vocabularySize) {
                throw new IllegalArgumentException("Symbol id " + id + " is outside 0.." + (vocabularySize - 1) + ".");
            }
        }
        loss.clearState();
        double lossSum = 0;
        try {
            for (int start = 0; start < ids.length - 1; start += TEXT_CHUNK) {
                int end = Math.min(start + TEXT_CHUNK, ids.length - 1);
                int[][] input = {Arrays.copyOfRange(ids, start, end)};
                int[][] target = {Arrays.copyOfRange(ids, start + 1, end + 1)};
                INDArray features = idsInput ? OneHot.idSequences(input) : OneHot.sequences(input, vocabularySize);
                lossSum += loss.negativeLogLikelihood(new CharBatch(features, idsInput ? BatchFormat.IDS : BatchFormat.ONE_HOT,
                        OneHot.idSequences(target), BatchFormat.IDS));
            }
        } finally {
            loss.clearState();
        }
        return new EvaluationResult(lossSum / (ids.length - 1), ids.length - 1);
    }

    /**
     * Scores one text given as symbol ids, read as one stream from a zero state: character i is predicted from
     * characters 0 to i − 1, and the losses of characters {@code from} to the end are returned, one each. The
     * characters before {@code from} only condition (at least the first must: it has nothing to be predicted from).
     * Runs on the same path as {@link #evaluate(int[], int)}, {@value #TEXT_CHUNK} characters at a time.
     *
     * @param from the first character scored, at least 1
     * @throws IllegalArgumentException if from is below 1 or not below the number of ids, or an id is outside
     *                                  {@code 0..vocabularySize-1}
     */
    public TextScore score(int[] ids, int from, int vocabularySize) {
        if (from < 1 || from >= ids.length) {
            throw new IllegalArgumentException("Scoring needs at least one character before the scored ones and one to"
                    + " score; got " + ids.length + " characters, scored from " + from + ".");
        }
        for (int id : ids) {
            if (id < 0 || id >= vocabularySize) {
                throw new IllegalArgumentException("Symbol id " + id + " is outside 0.." + (vocabularySize - 1) + ".");
            }
        }
        double[] losses = new double[ids.length - 1];   // losses[i]: of character i + 1
        loss.clearState();
        try {
            for (int start = 0; start < ids.length - 1; start += TEXT_CHUNK) {
                int end = Math.min(start + TEXT_CHUNK, ids.length - 1);
                int[][] input = {Arrays.copyOfRange(ids, start, end)};
                int[][] target = {Arrays.copyOfRange(ids, start + 1, end + 1)};
                INDArray features = idsInput ? OneHot.idSequences(input) : OneHot.sequences(input, vocabularySize);
                double[] chunk = new double[end - start];
                loss.negativeLogLikelihood(new CharBatch(features, idsInput ? BatchFormat.IDS : BatchFormat.ONE_HOT,
                        OneHot.idSequences(target), BatchFormat.IDS), chunk);
                System.arraycopy(chunk, 0, losses, start, chunk.length);
            }
        } finally {
            loss.clearState();
        }
        return new TextScore(Arrays.copyOfRange(losses, from - 1, losses.length));
    }

    /** Whether this evaluator runs the forward pass rather than {@code rnnTimeStep}. */
    public boolean usesForwardPass() {
        return forwardPass;
    }

    /** {@link #evaluate(DataSetIterator)} with a new evaluator of {@code network}. */
    public static EvaluationResult evaluate(MultiLayerNetwork network, DataSetIterator batches) {
        return new Evaluator(network).evaluate(batches);
    }

    /** {@link #evaluate(int[], int)} with a new evaluator of {@code network}. */
    public static EvaluationResult evaluate(MultiLayerNetwork network, int[] ids, int vocabularySize) {
        return new Evaluator(network).evaluate(ids, vocabularySize);
    }

    private static BatchLoss forwardPassLoss(GemmLstmEvaluation evaluation) {
        return new BatchLoss() {
            @Override
            public void clearState() {
                evaluation.resetState();
            }

            @Override
            public double negativeLogLikelihood(CharBatch batch) {
                return evaluation.negativeLogLikelihood(batch);
            }

            @Override
            public double negativeLogLikelihood(CharBatch batch, double[] perCharacter) {
                return evaluation.negativeLogLikelihood(batch, perCharacter);
            }
        };
    }
}
