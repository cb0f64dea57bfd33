package io.github.charrnn.training;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What a training position needs besides its mini-batch count to continue exactly: how many windows (steps) of
 * the epoch are already trained, whatever mini-batches they were cut into, and the recurrent state (hidden and cell, every layer, every row) that the next
 * window starts from. Written into checkpoints ({@link TrainingPosition#carried()}), so that a checkpoint taken
 * between any two steps resumes to the weights an uninterrupted run reaches.
 *
 * <p>Immutable (the arrays are copied in and out).
 *
 * @param windowsIntoEpoch windows of the epoch already trained: a resumed run skips that many, however its
 *                         mini-batches are cut (the number of windows in one may differ, with the checkpoint interval
 *                         for example)
 * @param rows             the batch rows the state is for
 * @param state            the state as little-endian floats (in JSON as base64); empty when it starts from zero
 */
public record CarriedState(long windowsIntoEpoch, int rows, byte[] state) {

    /** Checks the counts and copies the state. */
    public CarriedState {
        if (windowsIntoEpoch < 0 || rows < 0) {
            throw new IllegalArgumentException("A carried state needs non-negative counts, got " + windowsIntoEpoch
                    + " windows and " + rows + " rows.");
        }
        state = state == null ? new byte[0] : state.clone();
    }

    /** A position {@code windowsIntoEpoch} windows into an epoch with {@code floats} as the state to continue from. */
    public static CarriedState of(long windowsIntoEpoch, int rows, float[] floats) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * floats.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(floats);
        return new CarriedState(windowsIntoEpoch, rows, bytes.array());
    }

    /** The state as floats (empty for a zero state). */
    public float[] floats() {
        float[] floats = new float[state.length / 4];
        ByteBuffer.wrap(state).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(floats);
        return floats;
    }

    @Override
    public byte[] state() {
        return state.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CarriedState that && windowsIntoEpoch == that.windowsIntoEpoch && rows == that.rows
                && Arrays.equals(state, that.state);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(windowsIntoEpoch) + rows) + Arrays.hashCode(state);
    }

    @Override
    public String toString() {
        return "CarriedState[" + windowsIntoEpoch + " windows into the epoch, " + rows + " rows, " + state.length / 4 + " floats]";
    }
}
