package io.github.charrnn.training;

import io.github.charrnn.batching.OneHot;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkFactory;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GlobalNormClippingTest {

    private static final int VOCABULARY = 5;
    private static final int BATCH = 3;
    private static final int TIME = 4;

    /** After the listener and DL4J's division by the batch size, Adam gets the gradient of the mean loss per char. */
    @Test
    void withoutClippingTheGradientIsThatOfTheMeanLossPerCharacter() {
        MultiLayerNetwork network = network();
        INDArray x = OneHot.sequences(new int[][]{{0, 1, 2, 3}, {4, 3, 2, 1}, {1, 1, 0, 0}}, VOCABULARY);
        INDArray y = OneHot.sequences(new int[][]{{1, 2, 3, 4}, {3, 2, 1, 0}, {1, 0, 0, 2}}, VOCABULARY);
        INDArray outputBiasGradient = gradientAfterListener(network, x, y, 0).getGradientFor("1_b").div(BATCH);

        // d(mean CE)/d(output bias) = mean over rows and time of (softmax - one-hot)
        INDArray probabilities = network.output(x, false);
        INDArray expected = probabilities.sub(y).sum(0, 2).div(BATCH * TIME);
        assertArrayEquals(expected.toFloatVector(), outputBiasGradient.reshape(VOCABULARY).toFloatVector(), 1e-5f);
    }

    @Test
    void clippingBoundsTheGlobalNorm() {
        MultiLayerNetwork network = network();
        INDArray x = OneHot.sequences(new int[][]{{0, 1, 2, 3}, {4, 3, 2, 1}, {1, 1, 0, 0}}, VOCABULARY);
        INDArray y = OneHot.sequences(new int[][]{{1, 2, 3, 4}, {3, 2, 1, 0}, {1, 0, 0, 2}}, VOCABULARY);
        double clip = 1e-3;
        double norm = gradientAfterListener(network, x, y, clip).gradient().div(BATCH).norm2Number().doubleValue();
        assertEquals(clip, norm, clip * 1e-3);
    }

    private static org.deeplearning4j.nn.gradient.Gradient gradientAfterListener(MultiLayerNetwork network, INDArray x,
                                                                                INDArray y, double clip) {
        network.setInput(x);
        network.setLabels(y);
        network.computeGradientAndScore(LayerWorkspaceMgr.noWorkspaces());
        new GlobalNormClipping(clip).onGradientCalculation(network);
        return network.gradient();
    }

    private static MultiLayerNetwork network() {
        return NetworkFactory.create(VOCABULARY, new CharRnnConfig(6, 1, 0, 0.01, 5, TIME, 1, CellType.LSTM));
    }
}
