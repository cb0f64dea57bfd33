package io.github.charrnn.runtime;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Frees ND4J arrays as soon as a loop is done with them. ND4J's native memory is otherwise freed only when the
 * garbage collector finds the Java object, which, with a heap that has room, can be long after: a validation over
 * a few million characters then held a gigabyte of finished mini-batches.
 */
public final class OffHeap {

    private OffHeap() {
    }

    /** Closes each array that owns its memory (views, and arrays already closed or null, are left alone). */
    public static void release(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (array != null && !array.wasClosed() && array.closeable()) {
                array.close();
            }
        }
    }
}
