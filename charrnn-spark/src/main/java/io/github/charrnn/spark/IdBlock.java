package io.github.charrnn.spark;

import java.io.Serializable;

/**
 * One mini-batch as symbol ids, small enough to ship to an executor, which one-hot encodes it there: every row's
 * features and labels (the next characters) over several consecutive sequence-length windows. Treated as immutable.
 *
 * @param features  [rows][time] symbol ids
 * @param labels    [rows][time] the id following each feature
 */
record IdBlock(int[][] features, int[][] labels) implements Serializable {

    /** Time steps per row. */
    int length() {
        return features[0].length;
    }

    /** Characters of all rows. */
    long characters() {
        return (long) features.length * length();
    }

    /** The first {@code columns} time steps of every row (this block itself when it has no more). */
    IdBlock firstColumns(int columns) {
        if (columns >= length()) {
            return this;
        }
        return new IdBlock(cut(features, columns), cut(labels, columns));
    }

    private static int[][] cut(int[][] rows, int columns) {
        int[][] cut = new int[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            cut[r] = java.util.Arrays.copyOf(rows[r], columns);
        }
        return cut;
    }
}
