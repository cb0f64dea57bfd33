package io.github.charrnn.datavec.batching;

import io.github.charrnn.batching.BatchFormat;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link BatchOptions}: the defaults of {@code of}, one setting changed per {@code with…}, sizes below 1 refused. */
class BatchOptionsTest {

    private static final BatchOptions OPTIONS = BatchOptions.of(4, 10);

    @Test
    void ofGivesConsecutiveOneHotBatchesWithSeedZeroAndTheAutomaticWindowLimit() {
        assertEquals(4, OPTIONS.batchSize());
        assertEquals(10, OPTIONS.sequenceLength());
        assertEquals(BatchMode.CONSECUTIVE, OPTIONS.mode());
        assertEquals(0, OPTIONS.seed());
        assertEquals(CharBatches.AUTO_MAX_WINDOWS, OPTIONS.maxWindows());
        assertEquals(BatchFormat.ONE_HOT, OPTIONS.format());
    }

    @Test
    void eachWithChangesItsSettingOnlyAndLeavesTheOriginalAsItWas() {
        assertEquals(new BatchOptions(4, 10, BatchMode.RANDOM, 0, 64, BatchFormat.ONE_HOT), OPTIONS.withMode(BatchMode.RANDOM));
        assertEquals(new BatchOptions(4, 10, BatchMode.CONSECUTIVE, -9, 64, BatchFormat.ONE_HOT), OPTIONS.withSeed(-9));
        assertEquals(new BatchOptions(4, 10, BatchMode.CONSECUTIVE, 0, 3, BatchFormat.ONE_HOT), OPTIONS.withMaxWindows(3));
        assertEquals(new BatchOptions(4, 10, BatchMode.CONSECUTIVE, 0, 64, BatchFormat.IDS), OPTIONS.withFormat(BatchFormat.IDS));
        assertEquals(BatchOptions.of(4, 10), OPTIONS);
    }

    @Test
    void sizesBelowOneAreRefusedInOneSentenceNamingTheValue() {
        assertEquals("batch size must be at least 1, got 0.",
                assertThrows(IllegalArgumentException.class, () -> BatchOptions.of(0, 10)).getMessage());
        assertEquals("sequence length must be at least 1, got -1.",
                assertThrows(IllegalArgumentException.class, () -> BatchOptions.of(4, -1)).getMessage());
        assertEquals("at least 1 window per mini-batch is needed, got 0.",
                assertThrows(IllegalArgumentException.class, () -> OPTIONS.withMaxWindows(0)).getMessage());
        assertEquals("mode", assertThrows(NullPointerException.class, () -> OPTIONS.withMode(null)).getMessage());
        assertEquals("format", assertThrows(NullPointerException.class, () -> OPTIONS.withFormat(null)).getMessage());
    }
}
