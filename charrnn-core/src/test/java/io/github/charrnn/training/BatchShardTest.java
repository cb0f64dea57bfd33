package io.github.charrnn.training;

import io.github.charrnn.batching.CharBatch;
import io.github.charrnn.batching.OneHot;
import io.github.charrnn.kernel.OffHeapRows;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.InputEncoding;
import io.github.charrnn.model.NetworkFactory;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.github.charrnn.training.ArraysClose.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A mini-batch split into shards of rows ({@link BatchShard}, {@link ShardRows}) trains as the whole batch does. */
@ExtendWith(SinglePrecisionProducts.class)
class BatchShardTest {

    private static final int VOCABULARY = 7;
    private static final int SEQ = 5;
    private static final int ROWS = 11;   // two shards of 6 and 5 rows

    @Test
    void rowsAreSharedOutInConsecutiveNearlyEqualParts() {
        ShardRows[] parts = ShardRows.split(11, 2);
        assertEquals(new ShardRows(11, 0, 6), parts[0]);
        assertEquals(new ShardRows(11, 6, 5), parts[1]);
        assertEquals(1, GemmLstmTraining.shardsFor(7, 2));
        assertEquals(2, GemmLstmTraining.shardsFor(8, 2));
        assertEquals(2, GemmLstmTraining.shardsFor(128, 2));
        assertThrows(IllegalArgumentException.class, () -> new ShardRows(4, 3, 2));
    }

    @Test
    void aShardReadsItsOwnRowsOfEveryTimeStep() {
        ShardRows second = new ShardRows(3, 1, 2);
        int[] ids = {10, 11, 12, 20, 21, 22};   // two time steps of three rows
        assertArrayEquals(new int[]{11, 12, 21, 22}, second.ids(ids, 2));
        OffHeapRows all = new OffHeapRows(6, 2);
        float[] values = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
        all.write(0, 6, values);
        OffHeapRows mine = second.rows(all, new OffHeapRows(4, 2), 2);
        float[] read = new float[8];
        mine.read(0, 4, read);
        assertArrayEquals(new float[]{1, 1, 2, 2, 4, 4, 5, 5}, read);
        ShardRows whole = new ShardRows(3, 0, 3);
        assertEquals(all, whole.rows(all, null, 2));
    }

    /** Split in two, with state carried over from a first window: the gradient of the whole batch, to float rounding. */
    @Test
    void theShardsGradientsAddUpToTheWholeBatchsGradient() {
        for (MultiLayerNetwork network : List.of(network(0.0, 3, InputEncoding.ONEHOT), network(0.0, 4, InputEncoding.EMBEDDING))) {
            DataSet twoWindows = batch(new SplittableRandom(7), 2 * SEQ);
            double wholeLoss = new GemmLstmTraining(network, SEQ, 0, 1).gradientOfLastSegment(CharBatch.of(twoWindows, VOCABULARY));
            float[] whole = network.getFlattenedGradients().toFloatVector();
            network.getFlattenedGradients().assign(Float.NaN);
            double splitLoss = new GemmLstmTraining(network, SEQ, 0, 2).gradientOfLastSegment(CharBatch.of(twoWindows, VOCABULARY));
            float[] split = network.getFlattenedGradients().toFloatVector();
            assertEquals(wholeLoss, splitLoss, 1e-5 * wholeLoss);
            assertClose(whole, split, 1e-5, "gradient");
        }
    }

    /** And that gradient is DL4J's own backpropagation's. */
    @Test
    void aSplitBatchsGradientIsDl4jsGradient() {
        MultiLayerNetwork network = network(0.0, 5, InputEncoding.ONEHOT);
        DataSet window = batch(new SplittableRandom(8), SEQ);
        network.setInput(window.getFeatures());
        network.setLabels(window.getLabels());
        network.computeGradientAndScore(LayerWorkspaceMgr.noWorkspaces());
        float[] expected = network.gradient().gradient().dup().toFloatVector();
        network.rnnClearPreviousState();
        network.getFlattenedGradients().assign(Float.NaN);
        new GemmLstmTraining(network, SEQ, 0, 2).gradientOfLastSegment(CharBatch.of(window, VOCABULARY));
        assertClose(expected, network.getFlattenedGradients().toFloatVector(), 1e-4, "gradient");
    }

    /**
     * With dropout, the masks are drawn for the whole batch before it is split: a seeded run takes the same steps
     * split or not, one-hot input (dropout on the one-hot rows) and embedded alike.
     */
    @Test
    void withDropoutASeededRunTakesTheSameStepsSplitOrNot() {
        for (InputEncoding encoding : List.of(InputEncoding.ONEHOT, InputEncoding.EMBEDDING)) {
            List<DataSet> batches = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(9);
            for (int i = 0; i < 4; i++) {
                batches.add(batch(random, 2 * SEQ));
            }
            MultiLayerNetwork whole = network(0.4, 6, encoding);
            MultiLayerNetwork split = network(0.4, 6, encoding);
            double[] wholeLosses = steps(whole, batches, 1);
            double[] splitLosses = steps(split, batches, 2);
            assertEquals(8, splitLosses.length);
            for (int i = 0; i < wholeLosses.length; i++) {
                assertEquals(wholeLosses[i], splitLosses[i], 1e-5, encoding + ": loss of step " + (i + 1));
            }
            assertClose(whole.params().toFloatVector(), split.params().toFloatVector(), 1e-4, encoding + ": parameters");
        }
    }

    private static double[] steps(MultiLayerNetwork network, List<DataSet> batches, int shards) {
        Nd4j.getRandom().setSeed(42);
        GemmLstmTraining training = new GemmLstmTraining(network, SEQ, 5, shards);
        List<Double> losses = new ArrayList<>();
        for (DataSet batch : batches) {
            training.fit(CharBatch.of(batch, VOCABULARY), (rows, time, meanLoss) -> losses.add(meanLoss));
        }
        return losses.stream().mapToDouble(Double::doubleValue).toArray();
    }


    private static MultiLayerNetwork network(double dropout, long seed, InputEncoding encoding) {
        return NetworkFactory.create(VOCABULARY, new CharRnnConfig(6, 2, dropout, 0.01, 5, SEQ, seed, CellType.LSTM,
                encoding, 4));
    }

    private static DataSet batch(SplittableRandom random, int length) {
        int[][] x = new int[ROWS][length];
        int[][] y = new int[ROWS][length];
        for (int r = 0; r < ROWS; r++) {
            for (int t = 0; t < length; t++) {
                x[r][t] = random.nextInt(VOCABULARY);
                y[r][t] = random.nextInt(VOCABULARY);
            }
        }
        return new DataSet(OneHot.sequences(x, VOCABULARY), OneHot.sequences(y, VOCABULARY));
    }
}
