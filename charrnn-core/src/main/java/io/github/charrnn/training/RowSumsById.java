package io.github.charrnn.training;

import io.github.charrnn.kernel.OffHeapRows;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * The gradient of a table whose rows were gathered by symbol id (an embedding table, or the input weights of a
 * layer fed one-hot symbols): row r of the gathered rows' gradient is added into the table's row {@code ids[r]}
 * (a scatter-add). Keeps its buffers between calls. Not thread-safe.
 */
final class RowSumsById {

    private final int tableRows;
    private final int width;
    private final float[] sums;          // [tableRows * width]
    private final float[] row;           // [width]
    private final OffHeapRows staged;    // [tableRows, width]: the sums in ND4J's memory, to assign from

    RowSumsById(long tableRows, int width) {
        this.tableRows = Math.toIntExact(tableRows);
        this.width = width;
        this.sums = new float[Math.toIntExact(tableRows * width)];
        this.row = new float[width];
        this.staged = new OffHeapRows(tableRows, width);
    }

    /** Sets {@code tableGradient} ([tableRows, width]) to the sum, by id, of the first {@code ids.length} rows of {@code rowGradients}. */
    void sum(OffHeapRows rowGradients, int[] ids, INDArray tableGradient) {
        Arrays.fill(sums, 0f);
        for (int r = 0; r < ids.length; r++) {
            rowGradients.read(r, 1, row);
            int target = ids[r] * width;
            for (int k = 0; k < width; k++) {
                sums[target + k] += row[k];
            }
        }
        staged.write(0, tableRows, sums);
        tableGradient.assign(staged.matrix());
    }
}
