package io.github.charrnn.model;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Feeds the embedding layer of an {@link InputEncoding#EMBEDDING} network: one-hot [batch, vocabulary, time]
 * input becomes the ids [batch, 1, time] that DL4J's {@code EmbeddingSequenceLayer} reads, so every path that
 * hands a network one-hot batches (training, evaluation, {@code rnnTimeStep}, data-parallel trainers) works
 * unchanged; input that already is ids ([batch, 1, time]) passes through. The embedding layer's input has no
 * gradient, so nothing flows back through here.
 */
public final class OneHotToIds implements InputPreProcessor {

    private static final long serialVersionUID = 1L;

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        if (input.rank() != 3) {
            throw new IllegalArgumentException("An embedding network takes [batch, vocabulary, time] one-hot input or"
                    + " [batch, 1, time] ids; got rank " + input.rank() + ".");
        }
        INDArray ids = input.size(1) == 1 ? input
                : input.argMax(1).reshape(input.size(0), 1, input.size(2));
        return workspaceMgr.castTo(ArrayType.ACTIVATIONS, input.dataType(), ids, ids == input);
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        return output;
    }

    @Override
    public OneHotToIds clone() {
        return new OneHotToIds();
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        long length = inputType instanceof InputType.InputTypeRecurrent recurrent ? recurrent.getTimeSeriesLength() : -1;
        return InputType.recurrent(1, length);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
                                                          int minibatchSize) {
        return new Pair<>(maskArray, currentMaskState);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OneHotToIds;
    }

    @Override
    public int hashCode() {
        return OneHotToIds.class.hashCode();
    }
}
