package io.github.charrnn.modelfile;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Reads one array entry of a model zip, written in ND4J's binary format ({@code Nd4j.write}): a shape buffer,
 * then a data buffer, each a header (allocation mode, length, element type) and its big-endian elements.
 *
 * <p>Everything is parsed and checked here, in Java, and the array is then created from the values alone: the
 * file's shape information never reaches ND4J's native code. {@code Nd4j.read} trusts it, and a damaged shape
 * buffer (strides or an element-wise stride pointing past the data) made native code read outside the array, which
 * now and then crashed the whole JVM instead of failing the load.
 *
 * <p>The entry is read as a stream: the headers first, checked against the length the caller expects, and only
 * then is the array allocated and filled a block at a time. After the last value the entry must end.
 */
final class ArrayEntry {

    private static final int MAX_RANK = 32;
    private static final int BLOCK_BYTES = 1 << 16;

    private ArrayEntry() {
    }

    /** {@link #read(InputStream, long, String, long)} of an array held in memory. */
    static INDArray read(byte[] bytes, long expectedElements, String name) throws IOException {
        return read(new ByteArrayInputStream(bytes), expectedElements, name, Long.MAX_VALUE);
    }

    /**
     * The array of {@code expectedElements} float or double values as a [1, n] row, its element type kept, read
     * from {@code in} to its end.
     *
     * @param name     the entry's name, for the message
     * @param maxBytes the most bytes the array may take; checked once its header names its element type
     * @throws IOException if the bytes are not such an array, or go on after it
     */
    static INDArray read(InputStream in, long expectedElements, String name, long maxBytes) throws IOException {
        INDArray array;
        try {
            DataInputStream data = new DataInputStream(in);
            checkShape(readShapeInfo(data), expectedElements);
            data.readUTF();   // allocation mode: irrelevant to the values
            long length = data.readLong();
            String type = data.readUTF();
            if (length != expectedElements) {
                throw new IOException("its data holds " + length + " values, not " + expectedElements);
            }
            DataType dataType = switch (type) {
                case "FLOAT" -> DataType.FLOAT;
                case "DOUBLE" -> DataType.DOUBLE;
                default -> throw new IOException("its values are of type " + type + "; only FLOAT and DOUBLE are read");
            };
            if (length * dataType.width() > maxBytes) {
                throw new BoundedInput.TooLarge("its " + name + " entry holds " + length + " " + type + " values, more than the "
                        + maxBytes + " bytes one array may take here");
            }
            array = Nd4j.createUninitialized(dataType, 1, Math.toIntExact(length));
            if (length > 0) {
                fill(data, array);
            }
        } catch (EOFException e) {
            throw new IOException("its " + name + " entry is damaged or does not belong to this network: it ends before its last value", e);
        } catch (BoundedInput.TooLarge e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IOException("its " + name + " entry is damaged or does not belong to this network", e);
        }
        if (in.read() >= 0) {
            throw new IOException("its " + name + " entry goes on after its last value");
        }
        return array;
    }

    /** Copies the big-endian values from {@code in} into the array's (native) memory, a block at a time. */
    private static void fill(DataInputStream in, INDArray array) throws IOException {
        int elementBytes = array.dataType() == DataType.FLOAT ? Float.BYTES : Double.BYTES;
        long remaining = array.length() * elementBytes;
        byte[] block = new byte[(int) Math.min(BLOCK_BYTES, remaining)];
        FloatBuffer floats = elementBytes == Float.BYTES ? array.data().asNioFloat() : null;
        DoubleBuffer doubles = elementBytes == Double.BYTES ? array.data().asNioDouble() : null;
        float[] floatBlock = floats == null ? null : new float[block.length / Float.BYTES];
        double[] doubleBlock = doubles == null ? null : new double[block.length / Double.BYTES];
        while (remaining > 0) {
            int n = (int) Math.min(block.length, remaining);
            in.readFully(block, 0, n);
            ByteBuffer values = ByteBuffer.wrap(block, 0, n);   // big-endian, as ND4J writes
            if (floats != null) {
                values.asFloatBuffer().get(floatBlock, 0, n / Float.BYTES);
                floats.put(floatBlock, 0, n / Float.BYTES);
            } else {
                values.asDoubleBuffer().get(doubleBlock, 0, n / Double.BYTES);
                doubles.put(doubleBlock, 0, n / Double.BYTES);
            }
            remaining -= n;
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
                for (int i = 0; i < info.length; i++) {
                    info[i] = in.readLong();
                }
            }
            case "INT" -> {
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
}
