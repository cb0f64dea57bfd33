package io.github.charrnn.training;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What a training position needs besides its mini-batch count to continue exactly: how many windows of the next
 * mini-batch are already trained, and the recurrent state (hidden and cell, every layer, every row) that the next
 * window starts from. Written into checkpoints ({@link TrainingPosition#carried()}), so that a checkpoint taken
 * between any two steps resumes to the weights an uninterrupted run reaches.
 *
 * <p>Immutable (the arrays are copied in and out).
 *
 * @param windowsIntoBatch windows of the next mini-batch already trained (0 at a mini-batch boundary)
 * @param rows             the batch rows the state is for
 * @param state            the state as little-endian floats (in JSON as base64); empty when it starts from zero
 */
public record CarriedState(long windowsIntoBatch, int rows, byte[] state) {

    /** Checks the counts and copies the state. */
    public CarriedState {
        if (windowsIntoBatch < 0 || rows < 0) {
            throw new IllegalArgumentException("A carried state needs non-negative counts, got " + windowsIntoBatch
                    + " windows and " + rows + " rows.");
        }
        state = state == null ? new byte[0] : state.clone();
    }

    /** A position {@code windowsIntoBatch} windows into a mini-batch with {@code floats} as the state to continue from. */
    public static CarriedState of(long windowsIntoBatch, int rows, float[] floats) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * floats.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(floats);
        return new CarriedState(windowsIntoBatch, rows, bytes.array());
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
        return other instanceof CarriedState that && windowsIntoBatch == that.windowsIntoBatch && rows == that.rows
                && Arrays.equals(state, that.state);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(windowsIntoBatch) + rows) + Arrays.hashCode(state);
    }

    @Override
    public String toString() {
        return "CarriedState[" + windowsIntoBatch + " windows into the batch, " + rows + " rows, " + state.length / 4 + " floats]";
    }
}
