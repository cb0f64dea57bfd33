package io.github.charrnn.batching;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One-hot arrays in DL4J's recurrent layout [batch, vocabulary, time], built from symbol ids. */
public final class OneHot {

    private OneHot() {
    }

    /**
     * One-hot encodes rows of ids of equal length into a [rows, vocabularySize, length] float array
     * (Fortran order, so each time step's [rows, vocabulary] slice is contiguous, as DL4J's recurrent layers
     * read it).
     */
    public static INDArray sequences(int[][] ids, int vocabularySize) {
        int rows = ids.length;
        int length = rows == 0 ? 0 : ids[0].length;
        float[] data = new float[Math.multiplyExact(Math.multiplyExact(rows, vocabularySize), length)];
        for (int r = 0; r < rows; r++) {
            if (ids[r].length != length) {
                throw new IllegalArgumentException("All rows must have the same length: row 0 has " + length
                        + ", row " + r + " has " + ids[r].length + ".");
            }
            for (int t = 0; t < length; t++) {
                // Fortran order: index = r + rows * (id + vocabularySize * t)
                data[r + rows * (checkedId(ids[r][t], vocabularySize) + vocabularySize * t)] = 1f;
            }
        }
        return Nd4j.create(data, new long[]{rows, vocabularySize, length}, 'f');
    }

    /** A [1, vocabularySize, ids.length] one-hot array of one sequence. */
    public static INDArray sequence(int[] ids, int vocabularySize) {
        return sequences(new int[][]{ids}, vocabularySize);
    }

    private static int checkedId(int id, int vocabularySize) {
        if (id < 0 || id >= vocabularySize) {
            throw new IllegalArgumentException("Symbol id " + id + " is outside 0.." + (vocabularySize - 1) + ".");
        }
        return id;
    }
}
