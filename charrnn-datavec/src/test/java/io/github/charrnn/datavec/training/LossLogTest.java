package io.github.charrnn.datavec.training;

import io.github.charrnn.training.TrainingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link LossLog}: the loss CSV beside the model, partial while training, the model's once committed. */
class LossLogTest {

    @TempDir
    Path dir;

    @Test
    void rowsGoToThePartialFileUntilCommittedAndAResumedRunAppends() throws IOException {
        Path model = dir.resolve("novel.zip");
        assertEquals(dir.resolve("novel.losses.csv").toAbsolutePath(), LossLog.fileFor(model));
        assertEquals(dir.resolve("novel.losses.csv").toAbsolutePath(), LossLog.fileFor(dir.resolve("novel.losses.csv")));
        try (LossLog log = new LossLog(model, false)) {
            log.onProgress(progress(10, false));
            log.onProgress(progress(10, true));
            assertTrue(Files.exists(dir.resolve("novel.losses.partial.csv")));
            assertFalse(Files.exists(LossLog.fileFor(model)));
            log.commit();
        }
        assertEquals(List.of(LossLog.HEADER, "10,1,2.500000,,", "10,1,,2.250000,"), Files.readAllLines(LossLog.fileFor(model)));
        try (LossLog resumed = new LossLog(model, true)) {
            resumed.onProgress(progress(20, false));
            resumed.commit();
        }
        List<String> rows = Files.readAllLines(LossLog.fileFor(model));
        assertEquals(4, rows.size());
        assertEquals("20,1,2.500000,,", rows.get(3));
    }

    @Test
    void aResumedRunAppendingToAFileWithoutTheRateColumnAddsItToTheOldRows() throws IOException {
        Path model = dir.resolve("old.zip");
        Files.write(LossLog.fileFor(model), List.of(LossLog.HEADER_WITHOUT_RATE, "10,1,2.500000,", "10,1,,2.250000"));
        try (LossLog resumed = new LossLog(model, true)) {
            resumed.onProgress(new TrainingProgress(20, 1, 2.0, Double.NaN, 1000, false, 0.002));
            resumed.commit();
        }
        assertEquals(List.of(LossLog.HEADER, "10,1,2.500000,,", "10,1,,2.250000,", "20,1,2.000000,,0.00200000"),
                Files.readAllLines(LossLog.fileFor(model)));
    }

    private static TrainingProgress progress(long step, boolean validated) {
        return new TrainingProgress(step, 1, 2.5, validated ? 2.25 : Double.NaN, 1000, validated);
    }
}
