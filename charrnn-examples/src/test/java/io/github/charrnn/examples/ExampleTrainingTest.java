package io.github.charrnn.examples;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.corpus.TextCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ExampleTraining on a small text and a tiny network. */
class ExampleTrainingTest {

    private static final String TEXT = "the cat sat on the mat. the dog sat on the log.\n".repeat(40);

    @TempDir
    Path directory;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private ExampleSettings settings(String... primes) {
        return ExampleSettings.builder("pets").hiddenSize(16).layers(1).dropout(0).learningRate(0.02).batchSize(4)
                .sequenceLength(10).steps(12).primes(primes).count(2).length(15).seed(9)
                .modelFile(directory.resolve("out").resolve("pets.zip")).build();
    }

    @Test
    void trainsForTheStepsSavesTheModelAndPrintsItsProgress() throws Exception {
        TextCorpus corpus = TextCorpus.of("pets", TEXT);
        TrainedModel trained = ExampleTraining.train(corpus, settings("the "), out);
        assertEquals(12, trained.report().steps());
        assertTrue(Double.isFinite(trained.firstTrainLoss()));
        assertTrue(trained.report().trainLoss() < trained.firstTrainLoss(), "the loss falls");
        assertTrue(Double.isFinite(trained.report().validationLoss()));
        assertTrue(Files.isRegularFile(trained.file()), "saved into a folder it made");
        CharRnn loaded = CharRnn.load(trained.file());
        assertEquals(corpus.describe(), loaded.trainingSummary().corpus());
        assertEquals(12, loaded.trainingSummary().steps());
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).startsWith("model: ") && lines.get(0).contains("12 steps of 4 x 10 characters"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("step +\\d+  epoch \\d  train loss .*")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("step +\\d+  epoch \\d  validation loss .*")), lines.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("trained 12 steps in "), lines.get(lines.size() - 1));

    }

    @Test
    void aPrimeTheTextLacksIsRefusedBeforeTraining() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExampleTraining.train(TextCorpus.of("pets", TEXT), settings("the ", "Zebra"), out));
        assertTrue(e.getMessage().startsWith("The prime \"Zebra\" has characters that pets lacks: "), e.getMessage());
        assertFalse(printed.toString(StandardCharsets.UTF_8).contains("model:"));
    }
}
