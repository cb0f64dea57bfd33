package io.github.charrnn.datavec.batching;

import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.datavec.corpus.EncodedText;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link IdBatch}: rows and characters per row; an iterator's ids are the rows of its next DataSet. */
class IdBatchTest {

    @Test
    void rowsAndLengthComeFromTheFeatures() {
        IdBatch batch = new IdBatch(new int[][]{{1, 2, 3}, {4, 5, 6}}, new int[][]{{2, 3, 4}, {5, 6, 7}});
        assertEquals(2, batch.rows());
        assertEquals(3, batch.length());
        IdBatch empty = new IdBatch(new int[0][], new int[0][]);
        assertEquals(0, empty.rows());
        assertEquals(0, empty.length());
    }

    @Test
    void anIteratorsIdsAreTheCharactersOfItsMiniBatchAndTheirSuccessors() {
        EncodedText text = EncodedText.of(IntStream.range(0, 41).toArray(), 41);
        IdBatch ids = new RandomWindowIterator(text, 41, 2, 4, 3, "training", BatchFormat.IDS).nextIds();
        assertEquals(2, ids.rows());
        assertEquals(4, ids.length());
        for (int row = 0; row < ids.rows(); row++) {
            int start = ids.features()[row][0];
            assertArrayEquals(new int[]{start, start + 1, start + 2, start + 3}, ids.features()[row]);
            assertArrayEquals(new int[]{start + 1, start + 2, start + 3, start + 4}, ids.labels()[row]);
        }
    }
}
