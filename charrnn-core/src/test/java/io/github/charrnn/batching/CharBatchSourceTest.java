package io.github.charrnn.batching;

import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CharBatchSource}: {@code consecutive(iterator)} is true only for a consecutive source; sequence length 0 by default. */
class CharBatchSourceTest {

    /** An empty source of the given layout that does not override {@code sequenceLength()}. */
    private static CharBatchSource source(boolean consecutive) {
        return new CharBatchSource() {
            @Override
            public BatchFormat format() {
                return BatchFormat.IDS;
            }

            @Override
            public boolean consecutive() {
                return consecutive;
            }

            @Override
            public DataSet next(int num) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int inputColumns() {
                return 1;
            }

            @Override
            public int totalOutcomes() {
                return 1;
            }

            @Override
            public boolean resetSupported() {
                return true;
            }

            @Override
            public boolean asyncSupported() {
                return false;
            }

            @Override
            public void reset() {
            }

            @Override
            public int batch() {
                return 1;
            }

            @Override
            public void setPreProcessor(DataSetPreProcessor preProcessor) {
            }

            @Override
            public DataSetPreProcessor getPreProcessor() {
                return null;
            }

            @Override
            public List<String> getLabels() {
                return null;
            }

            @Override
            public boolean hasNext() {
                return false;
            }

            @Override
            public DataSet next() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void onlyAConsecutiveSourceIsConsecutive() {
        assertTrue(CharBatchSource.consecutive(source(true)));
        assertFalse(CharBatchSource.consecutive(source(false)));
        DataSetIterator plain = new ListDataSetIterator<>(List.of(), 1);
        assertFalse(CharBatchSource.consecutive(plain));
        assertFalse(CharBatchSource.consecutive(null));
    }

    @Test
    void aSourceThatDoesNotSayHasSequenceLengthZero() {
        assertEquals(0, source(true).sequenceLength());
        assertEquals(BatchFormat.IDS, source(false).format());
    }
}
