package io.github.charrnn.evaluation;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.batching.CharBatch;
import io.github.charrnn.batching.OneHot;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The loss through DL4J's {@code rnnTimeStep}, on the network's own stored recurrent state: the way any DL4J
 * recurrent network (tanh RNN layers, the GPU backend) can be evaluated. The label mask only weights the loss;
 * {@code rnnTimeStep} reads no feature mask.
 */
final class RnnTimeStepLoss implements BatchLoss {

    /** Probabilities are clamped here before the log so that a 0 from float underflow gives a large, finite loss. */
    private static final double MIN_PROBABILITY = 1e-30;

    private final MultiLayerNetwork network;

    RnnTimeStepLoss(MultiLayerNetwork network) {
        this.network = network;
    }

    @Override
    public void clearState() {
        network.rnnClearPreviousState();
    }

    @Override
    public double negativeLogLikelihood(CharBatch batch) {
        return negativeLogLikelihood(batch, null);
    }

    @Override
    public double negativeLogLikelihood(CharBatch batch, double[] perCharacter) {
        INDArray probabilities = network.rnnTimeStep(batch.features());
        INDArray labelMask = batch.labelMask();
        INDArray oneHotTargets = batch.labelFormat() == BatchFormat.IDS
                ? OneHot.ofIds(batch.labels(), (int) probabilities.size(1)) : batch.labels();
        INDArray targetProbability = probabilities.mul(oneHotTargets).sum(1);  // [batch, time]
        Transforms.max(targetProbability, MIN_PROBABILITY, false);
        INDArray logLikelihood = Transforms.log(targetProbability, false);
        if (perCharacter != null) {
            double[] values = logLikelihood.castTo(DataType.DOUBLE).dup('c').data().asDouble();   // [batch, time], row-major
            for (int i = 0; i < values.length; i++) {
                perCharacter[i] = -values[i];
            }
        }
        if (labelMask != null) {
            logLikelihood.muli(labelMask.reshape(logLikelihood.shape()).castTo(logLikelihood.dataType()));
        }
        return -logLikelihood.sumNumber().doubleValue();
    }
}
