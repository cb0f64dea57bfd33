package io.github.charrnn.training;

import io.github.charrnn.batching.OneHot;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkFactory;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StepLossTest {

    /** DL4J's score is the loss summed over time and averaged over rows; per character it is divided by the time. */
    @Test
    void perCharacterIsTheMeanCrossEntropyOfTheStepsCharacters() {
        int vocabulary = 4;
        MultiLayerNetwork network = NetworkFactory.create(vocabulary, new CharRnnConfig(5, 1, 0, 0.01, 5, 6, 2, CellType.LSTM));
        int[][] x = {{0, 1, 2, 3, 0, 1}, {3, 2, 1, 0, 3, 2}};
        int[][] y = {{1, 2, 3, 0, 1, 2}, {2, 1, 0, 3, 2, 1}};
        INDArray features = OneHot.sequences(x, vocabulary);
        network.setInput(features);
        network.setLabels(OneHot.sequences(y, vocabulary));
        network.computeGradientAndScore(LayerWorkspaceMgr.noWorkspaces());

        INDArray probabilities = network.output(features, false);
        double sum = 0;
        for (int r = 0; r < 2; r++) {
            for (int t = 0; t < 6; t++) {
                sum -= Math.log(probabilities.getDouble(r, y[r][t], t));
            }
        }
        assertEquals(6, StepLoss.timeSteps(network));
        assertEquals(sum / 12, StepLoss.perCharacter(network), 1e-5);
    }
}
