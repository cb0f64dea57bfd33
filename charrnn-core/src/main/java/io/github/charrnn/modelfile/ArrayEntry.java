package io.github.charrnn.modelfile;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads one array entry of a model zip, written in ND4J's binary format ({@code Nd4j.write}): a shape buffer,
 * then a data buffer, each a header (allocation mode, length, element type) and its big-endian elements.
 *
 * <p>Everything is parsed and checked here, in Java, and the array is then created from the values alone: the
 * file's shape information never reaches ND4J's native code. {@code Nd4j.read} trusts it, and a damaged shape
 * buffer (strides or an element-wise stride pointing past the data) made native code read outside the array, which
 * now and then crashed the whole JVM instead of failing the load.
 */
final class ArrayEntry {

    private static final int MAX_RANK = 32;

    private ArrayEntry() {
    }

    /**
     * The array of {@code expectedElements} float or double values as a [1, n] row, its element type kept.
     *
     * @param name the entry's name, for the message
     * @throws IOException if the bytes are not such an array
     */
    static INDArray read(byte[] bytes, long expectedElements, String name) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            checkShape(readShapeInfo(in), expectedElements);
            in.readUTF();   // allocation mode: irrelevant to the values
            long length = in.readLong();
            String type = in.readUTF();
            if (length != expectedElements) {
                throw new IOException("its data holds " + length + " values, not " + expectedElements);
            }
            int elements = Math.toIntExact(length);
            return switch (type) {
                case "FLOAT" -> {
                    ensureAvailable(in, (long) elements * Float.BYTES);
                    float[] values = new float[elements];
                    valuesAt(bytes, in).asFloatBuffer().get(values);
                    yield Nd4j.create(values, new long[]{1, elements}, 'c');
                }
                case "DOUBLE" -> {
                    ensureAvailable(in, (long) elements * Double.BYTES);
                    double[] values = new double[elements];
                    valuesAt(bytes, in).asDoubleBuffer().get(values);
                    yield Nd4j.create(values, new long[]{1, elements}, 'c');
                }
                default -> throw new IOException("its values are of type " + type + "; only FLOAT and DOUBLE are read");
            };
        } catch (IOException | RuntimeException e) {
            throw new IOException("its " + name + " entry is damaged or does not belong to this network", e);
        }
    }

    /** The shape buffer's values: [rank, shape..., strides..., flags, element-wise stride, order]. */
    private static long[] readShapeInfo(DataInputStream in) throws IOException {
        in.readUTF();
        long length = in.readLong();
        String type = in.readUTF();
        if (length < 4 || length > 2L * MAX_RANK + 4) {
            throw new IOException("its shape buffer has " + length + " values");
        }
        long[] info = new long[(int) length];
        switch (type) {
            case "LONG" -> {
                ensureAvailable(in, length * Long.BYTES);
                for (int i = 0; i < info.length; i++) {
                    info[i] = in.readLong();
                }
            }
            case "INT" -> {
                ensureAvailable(in, length * Integer.BYTES);
                for (int i = 0; i < info.length; i++) {
                    info[i] = in.readInt();
                }
            }
            default -> throw new IOException("its shape buffer is of type " + type);
        }
        return info;
    }

    private static void checkShape(long[] info, long expectedElements) throws IOException {
        long rank = info[0];
        if (rank < 0 || rank > MAX_RANK || info.length != 2 * rank + 4) {
            throw new IOException("its shape buffer is inconsistent");
        }
        long elements = 1;
        for (int d = 1; d <= rank; d++) {
            if (info[d] < 0) {
                throw new IOException("its shape has a negative size");
            }
            elements = Math.multiplyExact(elements, info[d]);
        }
        if (elements != expectedElements) {
            throw new IOException("its shape holds " + elements + " values, not " + expectedElements);
        }
    }

    /** The bytes not yet read from {@code in} (which reads {@code bytes}), big-endian as ND4J writes them. */
    private static ByteBuffer valuesAt(byte[] bytes, DataInputStream in) throws IOException {
        int offset = bytes.length - in.available();
        return ByteBuffer.wrap(bytes, offset, bytes.length - offset).slice();
    }

    private static void ensureAvailable(DataInputStream in, long bytes) throws IOException {
        if (in.available() < bytes) {
            throw new IOException("it ends before its last value");
        }
    }
}
