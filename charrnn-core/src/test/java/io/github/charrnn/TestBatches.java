package io.github.charrnn;

import io.github.charrnn.batching.OneHot;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.ArrayList;
import java.util.List;

/** Mini-batches for core tests, which cannot use charrnn-datavec: rows of a text cut into windows. */
final class TestBatches {

    private TestBatches() {
    }

    /** batch rows of contiguous text; each DataSet spans {@code windows} windows of {@code seq} characters. */
    static DataSetIterator consecutive(int[] ids, int vocabularySize, int batch, int seq, int windows) {
        return consecutive(ids, vocabularySize, batch, seq, windows, false);
    }

    /** As {@link #consecutive(int[], int, int, int, int)}, features and labels as [batch, 1, time] ids if {@code asIds}. */
    static DataSetIterator consecutive(int[] ids, int vocabularySize, int batch, int seq, int windows, boolean asIds) {
        int rowLength = ids.length / (batch * seq) * seq;
        List<DataSet> sets = new ArrayList<>();
        for (int from = 0; from < rowLength; from += windows * seq) {
            int length = Math.min(windows * seq, rowLength - from);
            int[][] x = new int[batch][length];
            int[][] y = new int[batch][length];
            for (int r = 0; r < batch; r++) {
                for (int t = 0; t < length; t++) {
                    int column = from + t;
                    x[r][t] = ids[r * rowLength + column];
                    y[r][t] = ids[r * rowLength + (column + 1) % rowLength];
                }
            }
            sets.add(asIds ? new DataSet(OneHot.idSequences(x), OneHot.idSequences(y))
                    : new DataSet(OneHot.sequences(x, vocabularySize), OneHot.sequences(y, vocabularySize)));
        }
        return new ListDataSetIterator<>(sets, 1);
    }

    /** A text of {@code length} characters repeating {@code period}. */
    static String periodic(String period, int length) {
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            sb.append(period);
        }
        return sb.substring(0, length);
    }
}
