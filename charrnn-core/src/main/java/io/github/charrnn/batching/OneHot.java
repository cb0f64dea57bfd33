package io.github.charrnn.batching;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;

/**
 * One-hot arrays in DL4J's recurrent layout [batch, vocabulary, time], built from symbol ids, and the ids
 * format [batch, 1, time] that embedding networks and charrnn's own training read instead.
 */
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
        int length = commonLength(ids);
        Math.multiplyExact(Math.multiplyExact(rows, vocabularySize), length);   // the int index below must not overflow
        // a zeroed array with only its ones written: ND4J copies a Java array in one element at a time (3 times slower)
        INDArray sequences = Nd4j.create(DataType.FLOAT, new long[]{rows, vocabularySize, length}, 'f');
        if (sequences.isEmpty()) {
            return sequences;   // no memory to write into
        }
        FloatBuffer data = sequences.data().asNioFloat();
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < length; t++) {
                // Fortran order: index = r + rows * (id + vocabularySize * t)
                data.put(r + rows * (checkedId(ids[r][t], vocabularySize) + vocabularySize * t), 1f);
            }
        }
        return sequences;
    }

    /** A [1, vocabularySize, ids.length] one-hot array of one sequence. */
    public static INDArray sequence(int[] ids, int vocabularySize) {
        return sequences(new int[][]{ids}, vocabularySize);
    }

    /**
     * The one-hot [batch, vocabularySize, time] array of ids given as a [batch, 1, time] array (the ids format of
     * charrnn's batches), for code that needs one-hot input or labels, such as DL4J's own training.
     */
    public static INDArray ofIds(INDArray ids, int vocabularySize) {
        if (ids.rank() != 3 || ids.size(1) != 1) {
            throw new IllegalArgumentException("Ids must be a [batch, 1, time] array; got " + java.util.Arrays.toString(ids.shape()) + ".");
        }
        int rows = (int) ids.size(0);
        int length = (int) ids.size(2);
        float[] values = ids.reshape(rows, length).dup('c').data().asFloat();
        int[][] byRow = new int[rows][length];
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < length; t++) {
                byRow[r][t] = (int) values[r * length + t];
            }
        }
        return sequences(byRow, vocabularySize);
    }

    /** A [rows, 1, time] float array of the ids (the ids format of charrnn's batches). */
    public static INDArray idSequences(int[][] ids) {
        int rows = ids.length;
        int length = commonLength(ids);
        float[] data = new float[Math.multiplyExact(rows, length)];
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < length; t++) {
                data[r + rows * t] = ids[r][t];   // Fortran order, as the one-hot arrays
            }
        }
        return Nd4j.create(data, new long[]{rows, 1, length}, 'f');
    }

    /** The length all rows share (0 for no rows). */
    private static int commonLength(int[][] ids) {
        int length = ids.length == 0 ? 0 : ids[0].length;
        for (int r = 1; r < ids.length; r++) {
            if (ids[r].length != length) {
                throw new IllegalArgumentException("All rows must have the same length: row 0 has " + length
                        + ", row " + r + " has " + ids[r].length + ".");
            }
        }
        return length;
    }

    private static int checkedId(int id, int vocabularySize) {
        if (id < 0 || id >= vocabularySize) {
            throw new IllegalArgumentException("Symbol id " + id + " is outside 0.." + (vocabularySize - 1) + ".");
        }
        return id;
    }
}
