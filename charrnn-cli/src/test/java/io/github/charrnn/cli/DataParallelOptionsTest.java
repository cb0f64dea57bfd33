package io.github.charrnn.cli;

import io.github.charrnn.datavec.batching.BatchMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataParallelOptionsTest {

    private static DataParallelOptions options(int workers, String spark) {
        DataParallelOptions options = new DataParallelOptions();
        options.workers = workers;
        options.spark = spark;
        return options;
    }

    @Test
    void oneWorkerWithoutSparkIsTheSingleMachineLoopWhateverElseIsAsked() {
        DataParallelOptions single = options(1, null);
        assertFalse(single.enabled());
        single.check(true, 100, BatchMode.RANDOM, true);   // resuming and checkpoints are fine then
        assertNull(single.connect());
        assertTrue(options(2, null).enabled());
        assertTrue(options(1, "local[2]").enabled());
    }

    @Test
    void refusedCombinationsAreNamed() {
        assertMessage("--workers must be at least 1, got 0.", options(0, null), false, 0, BatchMode.CONSECUTIVE, false);
        assertMessage("Give --spark or --workers, not both: under --spark the executors are the workers.",
                options(2, "local[2]"), false, 0, BatchMode.CONSECUTIVE, false);
        assertMessage("--workers cannot resume a run: data-parallel training is not resumed exactly; leave out --resume.",
                options(2, null), true, 0, BatchMode.CONSECUTIVE, false);
        assertMessage("--spark writes no checkpoints; leave out --checkpoint-every.",
                options(1, "local[2]"), false, 10, BatchMode.CONSECUTIVE, false);
        assertMessage("--spark trains on consecutive windows only; leave out --mode random.",
                options(1, "local[2]"), false, 0, BatchMode.RANDOM, false);
        assertMessage("--spark keeps the last characters of the text for validation, not whole files; leave out --val-by-file.",
                options(1, "local[2]"), false, 0, BatchMode.CONSECUTIVE, true);
        // workers may train on random windows and validate on whole files
        options(2, null).check(false, 0, BatchMode.RANDOM, true);
    }

    @Test
    void eachWorkerGetsAMiniBatchOfItsOwnEveryEpoch() {
        // the policy itself is CharBatches.maxWindowsPerBatch (BatchingTest); the setup tells it the workers
        assertEquals(4, options(4, null).setup(null, null, 10, 0.1, System.out).workers());
        assertEquals(1, options(1, "local[2]").setup(null, null, 10, 0.1, System.out).workers());
        assertNull(options(1, null).setup(null, null, 10, 0.1, System.out));
    }

    private static void assertMessage(String message, DataParallelOptions options, boolean resuming, long checkpointEvery,
                                      BatchMode mode, boolean byFile) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> options.check(resuming, checkpointEvery, mode, byFile));
        assertEquals(message, e.getMessage());
    }
}
