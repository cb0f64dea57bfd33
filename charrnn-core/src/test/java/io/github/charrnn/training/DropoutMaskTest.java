package io.github.charrnn.training;

import io.github.charrnn.kernel.OffHeapRows;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link DropoutMask} draws DL4J's inverted-dropout mask; {@link InputDropout} applies it forward and back. */
class DropoutMaskTest {

    @Test
    void theMaskIsZeroOrOneOverKeepAndKeepsAboutThatShareFromTheSeededGenerator() {
        DropoutMask mask = new DropoutMask(0.75, 400, 50);
        Nd4j.getRandom().setSeed(7);
        float[] first = new float[300 * 50];
        mask.draw(300).read(0, 300, first);
        int kept = 0;
        for (float value : first) {
            assertTrue(value == 0f || Math.abs(value - 1 / 0.75f) < 1e-6, "value " + value);
            kept += value == 0f ? 0 : 1;
        }
        assertEquals(0.75, kept / (double) first.length, 0.02);
        Nd4j.getRandom().setSeed(7);
        float[] again = new float[300 * 50];
        mask.draw(300).read(0, 300, again);
        assertArrayEquals(first, again);
    }

    @Test
    void inputDropoutMultipliesTheInputAndTheGradientByTheSameMask() {
        OffHeapRows mask = new OffHeapRows(2, 3);
        mask.write(0, 2, new float[]{2, 0, 2, 0, 2, 2});
        InputDropout dropout = new InputDropout(4, 3);
        INDArray input = Nd4j.createFromArray(new float[][]{{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new float[]{2, 0, 6, 0, 10, 12}, dropout.apply(input, mask, 2).dup().reshape(6).toFloatVector());
        OffHeapRows gradient = new OffHeapRows(4, 3);
        gradient.write(0, 2, new float[]{1, 1, 1, 1, 1, 1});
        dropout.backprop(gradient, 2);
        float[] back = new float[6];
        gradient.read(0, 2, back);
        assertArrayEquals(new float[]{2, 0, 2, 0, 2, 2}, back);
        assertEquals(DataType.FLOAT, input.dataType());
    }
}
