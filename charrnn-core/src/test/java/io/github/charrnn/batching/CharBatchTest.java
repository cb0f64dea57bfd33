package io.github.charrnn.batching;

import io.github.charrnn.model.InputEncoding;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link BatchFormat}, {@link CharBatch} and {@link CharBatchSource}: a batch's format is decided once, at the boundary. */
class CharBatchTest {

    private static final int[][] X = {{0, 1, 2, 3}, {3, 2, 1, 0}};
    private static final int[][] Y = {{1, 2, 3, 0}, {2, 1, 0, 3}};

    @Test
    void batchFormatReadsAWidthOnceAndSaysWhatItExpected() {
        assertEquals(BatchFormat.ONE_HOT, BatchFormat.of(OneHot.sequences(X, 4), 4, "features"));
        assertEquals(BatchFormat.IDS, BatchFormat.of(OneHot.idSequences(X), 4, "features"));
        // a vocabulary of one symbol: width 1 is one-hot
        assertEquals(BatchFormat.ONE_HOT, BatchFormat.of(Nd4j.ones(DataType.FLOAT, 2, 1, 3), 1, "labels"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchFormat.of(OneHot.sequences(X, 4), 5, "labels"));
        assertEquals("The labels must be [batch, 5, time] (one-hot) or [batch, 1, time] (symbol ids); got [2, 4, 4].",
                e.getMessage());
        assertEquals(1, BatchFormat.IDS.width(4));
        assertEquals(4, BatchFormat.ONE_HOT.width(4));
        assertTrue(BatchFormat.IDS.fits(OneHot.idSequences(X), 4));
        assertFalse(BatchFormat.ONE_HOT.fits(OneHot.idSequences(X), 4));
        assertEquals(BatchFormat.IDS, BatchFormat.forInput(InputEncoding.EMBEDDING));
        assertEquals(BatchFormat.ONE_HOT, BatchFormat.forInput(InputEncoding.ONEHOT));
    }

    @Test
    void aPlainDataSetGetsTheFormatsOfItsArraysAndKeepsItsMasks() {
        INDArray mask = Nd4j.ones(DataType.FLOAT, 2, 4);
        DataSet data = new DataSet(OneHot.sequences(X, 4), OneHot.idSequences(Y), null, mask);
        CharBatch batch = CharBatch.from(data, new ListDataSetIterator<>(List.of(data), 1), 4);
        assertEquals(BatchFormat.ONE_HOT, batch.featureFormat());
        assertEquals(BatchFormat.IDS, batch.labelFormat());
        assertSame(mask, batch.labelMask());
        assertNull(batch.featureMask());
        assertTrue(batch.masked());
        assertEquals(2, batch.rows());
        assertEquals(4, batch.length());
        assertSame(data.getFeatures(), batch.toDataSet().getFeatures());
        assertSame(mask, batch.toDataSet().getLabelsMaskArray());
    }

    @Test
    void aSourceDeclaresTheFormatAndTheArraysMustHaveIt() {
        DataSet ids = new DataSet(OneHot.idSequences(X), OneHot.idSequences(Y));
        CharBatch batch = CharBatch.from(ids, new Source(List.of(ids), BatchFormat.IDS), 4);
        assertEquals(BatchFormat.IDS, batch.featureFormat());
        assertEquals(BatchFormat.IDS, batch.labelFormat());
        // a vocabulary of one: the declared ids format settles what a width of 1 means
        DataSet oneSymbol = new DataSet(Nd4j.zeros(DataType.FLOAT, 2, 1, 3), Nd4j.zeros(DataType.FLOAT, 2, 1, 3));
        assertEquals(BatchFormat.IDS, CharBatch.from(oneSymbol, new Source(List.of(oneSymbol), BatchFormat.IDS), 1).labelFormat());
        assertEquals(BatchFormat.ONE_HOT, CharBatch.of(oneSymbol, 1).labelFormat());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CharBatch.from(ids, new Source(List.of(ids), BatchFormat.ONE_HOT), 4));
        assertTrue(e.getMessage().startsWith("Mini-batches must be features and labels of shape [batch, 4, time]"), e.getMessage());
        DataSet unequal = new DataSet(OneHot.sequences(X, 4), OneHot.sequences(new int[][]{Y[0]}, 4));
        assertThrows(IllegalArgumentException.class, () -> CharBatch.of(unequal, 4));
        assertThrows(NullPointerException.class, () -> new CharBatch(OneHot.idSequences(X), null, OneHot.idSequences(Y), BatchFormat.IDS));
        assertTrue(CharBatchSource.consecutive(new Source(List.of(ids), BatchFormat.IDS)));
        assertFalse(CharBatchSource.consecutive(new ListDataSetIterator<>(List.of(ids), 1)));
    }

    @Test
    void firstColumnsCutsArraysAndMasksAlikeAndKeepsTheFormats() {
        INDArray mask = Nd4j.create(new float[][]{{1, 0, 1, 1}, {0, 1, 1, 0}});
        CharBatch batch = new CharBatch(OneHot.sequences(X, 4), BatchFormat.ONE_HOT, OneHot.idSequences(Y), BatchFormat.IDS,
                null, mask);
        CharBatch first = batch.firstColumns(2);
        assertEquals(2, first.length());
        assertEquals(BatchFormat.IDS, first.labelFormat());
        assertArrayEquals(new long[]{2, 1, 2}, first.labels().shape());
        assertEquals(OneHot.sequences(new int[][]{{0, 1}, {3, 2}}, 4), first.features());
        assertEquals(Nd4j.create(new float[][]{{1, 0}, {0, 1}}), first.labelMask());
        assertSame(batch, batch.firstColumns(4));
    }

    /** A source of batches in one declared format whose rows continue each other. */
    private static final class Source extends ListDataSetIterator<DataSet> implements CharBatchSource {
        private final BatchFormat format;

        Source(List<DataSet> batches, BatchFormat format) {
            super(batches, 1);
            this.format = format;
        }

        @Override
        public BatchFormat format() {
            return format;
        }

        @Override
        public boolean consecutive() {
            return true;
        }
    }
}
