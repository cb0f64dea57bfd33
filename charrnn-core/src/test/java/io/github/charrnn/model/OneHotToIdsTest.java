package io.github.charrnn.model;

import io.github.charrnn.batching.OneHot;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OneHotToIdsTest {

    private static final int[][] IDS = {{0, 2, 1, 4}, {3, 3, 0, 2}};
    private final OneHotToIds preprocessor = new OneHotToIds();

    @Test
    void turnsOneHotInputIntoIds() {
        INDArray ids = preprocessor.preProcess(OneHot.sequences(IDS, 5), 2, LayerWorkspaceMgr.noWorkspaces());
        assertArrayEquals(new long[]{2, 1, 4}, ids.shape());
        for (int r = 0; r < 2; r++) {
            for (int t = 0; t < 4; t++) {
                assertEquals(IDS[r][t], ids.getFloat(r, 0, t), 0f);
            }
        }
        assertEquals(DataType.FLOAT, ids.dataType());
    }

    @Test
    void passesIdsThrough() {
        INDArray ids = OneHot.idSequences(IDS);
        INDArray out = preprocessor.preProcess(ids, 2, LayerWorkspaceMgr.noWorkspaces());
        assertEquals(ids, out);
    }

    @Test
    void rejectsInputThatIsNotASequence() {
        assertThrows(IllegalArgumentException.class,
                () -> preprocessor.preProcess(Nd4j.zeros(DataType.FLOAT, 2, 5), 2, LayerWorkspaceMgr.noWorkspaces()));
    }

    @Test
    void outputsOneFeatureOfTheSameLengthAndPassesGradientsAndMasksOn() {
        InputType out = preprocessor.getOutputType(InputType.recurrent(5, 7));
        assertEquals(InputType.recurrent(1, 7), out);
        assertEquals(InputType.recurrent(1, -1), preprocessor.getOutputType(InputType.feedForward(5)));
        INDArray epsilon = Nd4j.ones(2, 1, 4);
        assertSame(epsilon, preprocessor.backprop(epsilon, 2, LayerWorkspaceMgr.noWorkspaces()));
        INDArray mask = Nd4j.ones(2, 4);
        assertSame(mask, preprocessor.feedForwardMaskArray(mask, null, 2).getFirst());
    }

    @Test
    void allInstancesAreEqualAndCloneMakesANewOne() {
        OneHotToIds clone = preprocessor.clone();
        assertNotSame(preprocessor, clone);
        assertEquals(preprocessor, clone);
        assertEquals(preprocessor.hashCode(), clone.hashCode());
    }
}
