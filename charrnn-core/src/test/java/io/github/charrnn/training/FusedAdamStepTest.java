package io.github.charrnn.training;

import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.InputEncoding;
import io.github.charrnn.model.NetworkFactory;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.Map;

import static io.github.charrnn.training.ArraysClose.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FusedAdamStep} steps the parameters and Adam's state as clipping, DL4J's updater and {@code params -= update} do. */
class FusedAdamStepTest {

    private static final int ROWS = 12;
    private static final int TIME = 5;

    @Test
    void itsStepsEqualDl4jsUpdaterWithAndWithoutClipping() {
        for (double clip : new double[]{0, 5, 1e-3}) {   // 1e-3: every step is clipped
            MultiLayerNetwork fused = network(InputEncoding.ONEHOT);
            MultiLayerNetwork dl4j = network(InputEncoding.ONEHOT);
            FusedAdamStep step = FusedAdamStep.forNetwork(fused);
            assertNotNull(step);
            INDArray extra = Nd4j.create(DataType.FLOAT, 1, fused.numParams());
            for (int iteration = 0; iteration < 4; iteration++) {
                INDArray first = Nd4j.rand(DataType.FLOAT, 1, fused.numParams()).subi(0.5).muli(40);
                INDArray second = Nd4j.rand(DataType.FLOAT, 1, fused.numParams()).subi(0.5).muli(40);
                // DL4J: the whole gradient, clipped, its updater, params -= update
                dl4j.getFlattenedGradients().assign(first.add(second));
                GlobalNormClipping.clip(dl4j.getFlattenedGradients(), ROWS, TIME, clip);
                dl4j.getUpdater().update(dl4j, named(dl4j), dl4j.getIterationCount(), 0, ROWS, LayerWorkspaceMgr.noWorkspaces());
                dl4j.params().subi(dl4j.getFlattenedGradients().reshape(dl4j.numParams()));
                dl4j.setIterationCount(dl4j.getIterationCount() + 1);
                // fused: two shards' gradients
                fused.getFlattenedGradients().assign(first);
                extra.assign(second);
                boolean applied = FusedAdamStep.forNetwork(fused).apply(new INDArray[]{null, extra}, ROWS, TIME, clip,
                        new ShardThreads(2, true), 2);
                if (!applied) {   // DL4J sets its updater up on its first update: that one is DL4J's
                    assertEquals(0, iteration);
                    GlobalNormClipping.clip(fused.getFlattenedGradients(), ROWS, TIME, clip);
                    fused.getUpdater().update(fused, named(fused), 0, 0, ROWS, LayerWorkspaceMgr.noWorkspaces());
                    fused.params().subi(fused.getFlattenedGradients().reshape(fused.numParams()));
                }
                fused.setIterationCount(fused.getIterationCount() + 1);
                assertClose(dl4j.params().toFloatVector(), fused.params().toFloatVector(), 1e-5, "clip " + clip + ", parameters after step " + (iteration + 1));
                assertClose(dl4j.getUpdater().getStateViewArray().toFloatVector(), fused.getUpdater().getStateViewArray().toFloatVector(),
                        1e-5, "clip " + clip + ", Adam's state after step " + (iteration + 1));
            }
        }
    }

    @Test
    void otherUpdatersAreLeftToDl4j() {
        MultiLayerNetwork network = network(InputEncoding.EMBEDDING);
        assertNotNull(FusedAdamStep.forNetwork(network));
        MultiLayerNetwork sgd = network(InputEncoding.ONEHOT);
        sgd.getLayerWiseConfigurations().getConf(0).getLayer();
        ((org.deeplearning4j.nn.conf.layers.BaseLayer) sgd.getLayer(1).conf().getLayer()).setIUpdater(new Sgd(0.1));
        assertNull(FusedAdamStep.forNetwork(sgd));
    }

    /** Trained through GemmLstmTraining, the fused step and DL4J's updater give the same losses and weights. */
    @Test
    void trainingWithTheFusedStepEqualsTrainingWithDl4jsUpdater() {
        float[] fusedParams = train(null);
        float[] dl4jParams = train("dl4j");
        assertClose(dl4jParams, fusedParams, 1e-4, "parameters after 6 steps");
        assertFalse(java.util.Arrays.equals(network(InputEncoding.ONEHOT).params().toFloatVector(), fusedParams));
    }

    private static float[] train(String updater) {
        if (updater == null) {
            System.clearProperty(GemmLstmTraining.UPDATER_PROPERTY);
        } else {
            System.setProperty(GemmLstmTraining.UPDATER_PROPERTY, updater);
        }
        try {
            MultiLayerNetwork network = network(InputEncoding.ONEHOT);
            GemmLstmTraining training = new GemmLstmTraining(network, TIME, 5, 2);
            java.util.SplittableRandom random = new java.util.SplittableRandom(3);
            for (int i = 0; i < 3; i++) {
                int[][] x = new int[ROWS][2 * TIME];
                int[][] y = new int[ROWS][2 * TIME];
                for (int r = 0; r < ROWS; r++) {
                    for (int t = 0; t < 2 * TIME; t++) {
                        x[r][t] = random.nextInt(7);
                        y[r][t] = (x[r][t] + 1) % 7;
                    }
                }
                training.fit(io.github.charrnn.batching.CharBatch.of(new org.nd4j.linalg.dataset.DataSet(
                        io.github.charrnn.batching.OneHot.sequences(x, 7), io.github.charrnn.batching.OneHot.sequences(y, 7)), 7),
                        (rows, time, loss) -> assertTrue(Double.isFinite(loss)));
            }
            return network.params().toFloatVector();
        } finally {
            System.clearProperty(GemmLstmTraining.UPDATER_PROPERTY);
        }
    }

    private static Gradient named(MultiLayerNetwork network) {
        Gradient gradient = new DefaultGradient(network.getFlattenedGradients());
        for (int i = 0; i < network.getnLayers(); i++) {
            for (Map.Entry<String, INDArray> view : GradientViews.of(network.getLayer(i)).entrySet()) {
                gradient.setGradientFor(i + "_" + view.getKey(), view.getValue());
            }
        }
        return gradient;
    }

    private static MultiLayerNetwork network(InputEncoding encoding) {
        MultiLayerNetwork network = NetworkFactory.create(7, new CharRnnConfig(6, 2, 0, 0.01, 5, TIME, 1, CellType.LSTM, encoding, 4));
        network.initGradientsView();
        return network;
    }
}
