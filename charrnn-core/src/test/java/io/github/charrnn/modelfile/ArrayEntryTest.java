package io.github.charrnn.modelfile;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArrayEntryTest {

    @Test
    void readsWhatNd4jWrites() throws IOException {
        INDArray floats = Nd4j.rand(DataType.FLOAT, 1, 7);
        INDArray read = ArrayEntry.read(written(floats), 7, "x");
        assertEquals(DataType.FLOAT, read.dataType());
        assertArrayEquals(new long[]{1, 7}, read.shape());
        assertArrayEquals(floats.toFloatVector(), read.toFloatVector());

        INDArray doubles = Nd4j.rand(DataType.DOUBLE, 1, 5);
        assertArrayEquals(doubles.toDoubleVector(), ArrayEntry.read(written(doubles), 5, "x").toDoubleVector());
    }

    /** Strides and the element-wise stride never reach ND4J: damaging them cannot make native code read astray. */
    @Test
    void damagedStridesAreNeverUsed() throws IOException {
        INDArray array = Nd4j.rand(DataType.FLOAT, 1, 6);
        byte[] bytes = written(array);
        int shapeValues = shapeValuesOffset(bytes);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.putLong(shapeValues + 3 * Long.BYTES, 1L << 40);   // stride of the first dimension
        buffer.putLong(shapeValues + 6 * Long.BYTES, 1L << 40);   // element-wise stride
        assertArrayEquals(array.toFloatVector(), ArrayEntry.read(bytes, 6, "x").toFloatVector());
    }

    @Test
    void aShapeOrLengthThatDisagreesIsRejected() throws IOException {
        byte[] bytes = written(Nd4j.rand(DataType.FLOAT, 1, 6));
        assertThrows(IOException.class, () -> ArrayEntry.read(bytes, 7, "x"));
        ByteBuffer.wrap(bytes).putLong(shapeValuesOffset(bytes) + 2 * Long.BYTES, 1L << 50);   // second dimension
        IOException thrown = assertThrows(IOException.class, () -> ArrayEntry.read(bytes, 6, "coefficients.bin"));
        assertEquals("its coefficients.bin entry is damaged or does not belong to this network", thrown.getMessage());
    }

    @Test
    void aTruncatedArrayIsRejected() throws IOException {
        byte[] bytes = written(Nd4j.rand(DataType.FLOAT, 1, 6));
        assertThrows(IOException.class, () -> ArrayEntry.read(Arrays.copyOf(bytes, bytes.length - 1), 6, "x"));
    }

    private static byte[] written(INDArray array) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Nd4j.write(array, out);
        }
        return bytes.toByteArray();
    }

    /** Where the shape buffer's values start: after its header (allocation mode, length, type). */
    private static int shapeValuesOffset(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int modeLength = buffer.getShort(0);
        int typeAt = 2 + modeLength + Long.BYTES;
        int typeLength = buffer.getShort(typeAt);
        return typeAt + 2 + typeLength;
    }
}
