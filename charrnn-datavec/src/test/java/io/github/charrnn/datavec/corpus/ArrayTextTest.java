package io.github.charrnn.datavec.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArrayTextTest {

    @Test
    void holdsIdsOfEveryWidth() {
        int[][] cases = {{0, 7, 255, 128}, {0, 300, 65535, 40000}, {0, 70000, 1_114_111, 5}};
        SymbolWidth[] widths = {SymbolWidth.ONE, SymbolWidth.TWO, SymbolWidth.FOUR};
        for (int w = 0; w < widths.length; w++) {
            ArrayText.Builder builder = new ArrayText.Builder(widths[w], cases[w].length);
            for (int id : cases[w]) {
                builder.add(id);
            }
            ArrayText text = builder.build();
            assertEquals(4, text.length());
            assertArrayEquals(cases[w], text.toArray(), widths[w].toString());   // no sign extension of bytes or chars
        }
    }

    @Test
    void slicesShareTheIdsAndCheckTheirBounds() {
        EncodedText text = EncodedText.of(new int[]{1, 2, 3, 4, 5, 6}, 10);
        EncodedText slice = text.slice(1, 5);
        assertArrayEquals(new int[]{2, 3, 4, 5}, slice.toArray());
        assertArrayEquals(new int[]{4, 5}, slice.slice(2, 4).toArray());
        assertEquals(0, slice.slice(4, 4).length());
        assertThrows(IndexOutOfBoundsException.class, () -> slice.id(4));
        assertThrows(IndexOutOfBoundsException.class, () -> slice.id(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> slice.slice(3, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> text.slice(4, 2));
    }

    @Test
    void theBuilderWantsExactlyItsCapacity() {
        ArrayText.Builder builder = new ArrayText.Builder(SymbolWidth.ONE, 2);
        builder.add(1);
        assertThrows(IllegalStateException.class, builder::build);
        builder.add(2);
        assertArrayEquals(new int[]{1, 2}, builder.build().toArray());
    }
}
