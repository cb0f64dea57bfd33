package io.github.charrnn.datavec.training;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.training.BatchingKey;
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

    /** A new run leaves the best checkpoints of earlier, unrelated runs alone, and writes its own. */
    @Test
    void aNewRunNeitherCountsNorRemovesAnEarlierRunsBest() throws IOException {
        Files.writeString(directory.resolve("model-best-val1.1000.zip"), "an earlier run");
        CheckpointFiles files = new CheckpointFiles(model, directory.resolve("model.zip"), out::println);
        files.onCheckpoint(new Checkpoint(POSITION, 10, 2.0, 1.2, Reason.BEST_VALIDATION));
        assertEquals(List.of("model-best-val1.1000.zip", "model-best-val1.2000.zip"), names());
        files.onCheckpoint(new Checkpoint(POSITION, 20, 2.0, 1.05, Reason.BEST_VALIDATION));
        assertEquals(List.of("model-best-val1.0500.zip", "model-best-val1.1000.zip"), names());
        assertEquals("an earlier run", Files.readString(directory.resolve("model-best-val1.1000.zip")));
    }

    /**
     * A resumed run finds the best checkpoint of the run it continues (its recorded batching is the run's) and beats
     * it only with a lower loss; a best file of another run, or one it cannot read, is left alone.
     */
    @Test
    void aResumedRunKeepsTheBestOfTheRunItContinues() throws IOException {
        TextCorpus text = TextCorpus.of("abc", "abcabcabcbca ".repeat(60));
        CharRnn trained = CharRnn.builder().vocabulary(text.vocabulary()).hiddenSize(4).layers(1).sequenceLength(5).build();
        TrainingRun run = TrainingRun.builder(text, trained).batchSize(4).maxSteps(3).validateEvery(3).build();
        run.run();
        trained.save(directory.resolve("model-best-val1.1000.zip"));
        BatchingKey key = run.batching();
        BatchingKey other = new BatchingKey(8, 5, 0.1, false, "consecutive", text.describe());
        Files.copy(directory.resolve("model-best-val1.1000.zip"), directory.resolve("model-best-val0.9000.zip"));
        Files.writeString(directory.resolve("model-best-val0.5000.zip"), "not a model");

        CheckpointFiles otherRun = new CheckpointFiles(model, directory.resolve("model.zip"), out::println, other);
        otherRun.onCheckpoint(new Checkpoint(POSITION, 10, 2.0, 1.2, Reason.BEST_VALIDATION));
        assertTrue(names().contains("model-best-val1.2000.zip"), names().toString());   // none of them counted
        Files.delete(directory.resolve("model-best-val1.2000.zip"));

        CheckpointFiles resumed = new CheckpointFiles(model, directory.resolve("model.zip"), out::println, key);
        resumed.onCheckpoint(new Checkpoint(POSITION, 10, 2.0, 1.0, Reason.BEST_VALIDATION));   // worse than 0.9
        assertEquals(List.of("model-best-val0.5000.zip", "model-best-val0.9000.zip", "model-best-val1.1000.zip"), names());
        resumed.onCheckpoint(new Checkpoint(POSITION, 20, 2.0, 0.8, Reason.BEST_VALIDATION));
        assertEquals(List.of("model-best-val0.5000.zip", "model-best-val0.8000.zip", "model-best-val1.1000.zip"), names());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
