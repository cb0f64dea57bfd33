package io.github.charrnn.datavec.corpus;

/**
 * Hears how far reading a text has come: the first pass finds the vocabulary, the second encodes the text as
 * ids. Called often (every 64 K characters); a listener that prints should throttle itself.
 */
@FunctionalInterface
public interface ScanProgress {

    /** A listener that ignores everything. */
    ScanProgress NONE = (pass, bytesDone, bytesTotal) -> { };

    /** The two passes over a text. */
    enum Pass {
        /** Finds every distinct character and counts the characters. */
        VOCABULARY,
        /** Turns the characters into ids. */
        ENCODING
    }

    /**
     * @param pass       the pass under way
     * @param bytesDone  bytes of the text read in this pass so far
     * @param bytesTotal bytes of the whole text (every file)
     */
    void onProgress(Pass pass, long bytesDone, long bytesTotal);
}
