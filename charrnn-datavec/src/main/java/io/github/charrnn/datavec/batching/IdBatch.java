package io.github.charrnn.datavec.batching;

/**
 * One mini-batch as symbol ids, before it is written into arrays: for callers that encode it elsewhere (for
 * example on a Spark executor).
 *
 * @param features the input characters, [rows][time]
 * @param labels   the next character of each input character, [rows][time]
 */
public record IdBatch(int[][] features, int[][] labels) {

    /** Rows (sequences) in the mini-batch. */
    public int rows() {
        return features.length;
    }

    /** Characters per row. */
    public int length() {
        return features.length == 0 ? 0 : features[0].length;
    }
}
