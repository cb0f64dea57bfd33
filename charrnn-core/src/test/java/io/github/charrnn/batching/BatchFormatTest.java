package io.github.charrnn.batching;

import io.github.charrnn.model.InputEncoding;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link BatchFormat}: which format a model reads, how wide each is, and the one place a width is read as a format. */
class BatchFormatTest {

    @Test
    void aModelWithAnEmbeddingReadsIdsAndAOneHotModelOneHotRows() {
        assertEquals(BatchFormat.IDS, BatchFormat.forInput(InputEncoding.EMBEDDING));
        assertEquals(BatchFormat.ONE_HOT, BatchFormat.forInput(InputEncoding.ONEHOT));
        assertEquals(1, BatchFormat.IDS.width(96));
        assertEquals(96, BatchFormat.ONE_HOT.width(96));
    }

    @Test
    void anArrayIsReadAsOneHotOrIdsByItsWidthAndAnythingElseIsRefused() {
        assertEquals(BatchFormat.ONE_HOT, BatchFormat.of(Nd4j.zeros(DataType.FLOAT, 2, 5, 3), 5, "features"));
        assertEquals(BatchFormat.IDS, BatchFormat.of(Nd4j.zeros(DataType.FLOAT, 2, 1, 3), 5, "features"));
        IllegalArgumentException wrongWidth = assertThrows(IllegalArgumentException.class,
                () -> BatchFormat.of(Nd4j.zeros(DataType.FLOAT, 2, 4, 3), 5, "features"));
        assertTrue(wrongWidth.getMessage().contains("features"), wrongWidth.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BatchFormat.of(Nd4j.zeros(DataType.FLOAT, 2, 5), 5, "labels"));
        assertThrows(IllegalArgumentException.class, () -> BatchFormat.of(null, 5, "labels"));
    }
}
