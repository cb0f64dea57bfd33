package io.github.charrnn.datavec.training;

import io.github.charrnn.CharRnn;
import io.github.charrnn.training.CheckpointListener.Checkpoint;
import io.github.charrnn.training.CheckpointListener.Reason;
import io.github.charrnn.training.TrainingPosition;
import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointFilesTest {

    private static final TrainingPosition POSITION = new TrainingPosition(1, 3, 0, 0, (String) null);

    @TempDir
    Path directory;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final CharRnn model = CharRnn.builder().vocabulary(Vocabulary.of("abc")).hiddenSize(3).layers(1).build();

    @Test
    void periodicCheckpointsReplaceTheLatestBesideTheModel() throws IOException {
        CheckpointFiles files = new CheckpointFiles(model, directory.resolve("novel.ZIP"), out::println);
        assertEquals(directory.resolve("novel.checkpoint.zip"), files.latest());
        files.onCheckpoint(new Checkpoint(POSITION, 10, 2.0, Double.NaN, Reason.PERIODIC));
        files.onCheckpoint(new Checkpoint(POSITION, 20, 1.9, Double.NaN, Reason.PERIODIC));
        assertEquals(List.of("novel.checkpoint.zip"), names());
        assertEquals(model.vocabulary(), CharRnn.load(files.latest()).vocabulary());   // a loadable model
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("checkpoint: step 20 saved to " + files.latest()));
    }

    @Test
    void onlyABetterValidationLossReplacesTheBestCheckpoint() throws IOException {
        CheckpointFiles files = new CheckpointFiles(model, directory.resolve("model.zip"), out::println);
        files.onCheckpoint(new Checkpoint(POSITION, 10, 2.0, 1.5, Reason.BEST_VALIDATION));
        assertEquals(List.of("model-best-val1.5000.zip"), names());
        files.onCheckpoint(new Checkpoint(POSITION, 20, 2.0, 1.6, Reason.BEST_VALIDATION));   // worse: kept as it was
        assertEquals(List.of("model-best-val1.5000.zip"), names());
        files.onCheckpoint(new Checkpoint(POSITION, 30, 2.0, 1.23456, Reason.BEST_VALIDATION));
        assertEquals(List.of("model-best-val1.2346.zip"), names());
        files.onCheckpoint(new Checkpoint(POSITION, 40, 2.0, Double.NaN, Reason.BEST_VALIDATION));
        assertEquals(List.of("model-best-val1.2346.zip"), names());
    }

    /** A resumed run finds the best of the run it continues and beats it only with a lower loss. */
    @Test
    void aBestCheckpointAlreadyThereCounts() throws IOException {
        Files.writeString(directory.resolve("model-best-val1.1000.zip"), "earlier run");
        Files.writeString(directory.resolve("model-best-valbroken.zip"), "not ours");
        CheckpointFiles files = new CheckpointFiles(model, directory.resolve("model.zip"), out::println);
        files.onCheckpoint(new Checkpoint(POSITION, 10, 2.0, 1.2, Reason.BEST_VALIDATION));
        assertEquals(List.of("model-best-val1.1000.zip", "model-best-valbroken.zip"), names());
        files.onCheckpoint(new Checkpoint(POSITION, 20, 2.0, 1.05, Reason.BEST_VALIDATION));
        assertEquals(List.of("model-best-val1.0500.zip", "model-best-valbroken.zip"), names());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
