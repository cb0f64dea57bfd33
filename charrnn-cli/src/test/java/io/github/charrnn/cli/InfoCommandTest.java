package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.charrnn.CharRnn;
import io.github.charrnn.batching.OneHot;
import io.github.charrnn.model.InputEncoding;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfoCommandTest {

    @TempDir
    Path directory;

    @Test
    void describesAnUntrainedModel() throws Exception {
        CharRnn model = CharRnn.builder().vocabulary(Vocabulary.of("abcd")).hiddenSize(5).layers(2).dropout(0.25)
                .input(InputEncoding.EMBEDDING).embeddingSize(3).seed(42).build();
        Path file = directory.resolve("untrained.zip");
        model.save(file);
        CommandLineTest.Run info = CommandLineTest.run("info", file.toString());
        assertEquals(0, info.exitCode(), info.err());
        List<String> lines = info.out().lines().toList();
        assertEquals(String.format("file:          %s (%,d bytes, format version 1)", file, Files.size(file)), lines.get(0));
        assertEquals("network:       2 x 5 LSTM, dropout 0.25, vocabulary 4 symbols, embedded (3 values) input", lines.get(1));
        assertTrue(lines.get(2).endsWith("sequence length 100, seed 42"), lines.get(2));
        assertEquals("corpus:        (not recorded)", lines.get(4));
        assertEquals("resumable:     no (never trained)", lines.get(5));
        assertTrue(lines.get(6).startsWith("written by:    charrnn "), lines.get(6));
    }

    @Test
    void aTrainedModelIsResumableUnlessSavedForGeneration() throws Exception {
        Vocabulary vocabulary = Vocabulary.of("abcd");
        CharRnn model = CharRnn.builder().vocabulary(vocabulary).hiddenSize(4).layers(1).sequenceLength(4).build();
        model.describeCorpus("abcd.txt");
        DataSet batch = new DataSet(OneHot.sequences(new int[][]{{0, 1, 2, 3}}, 4), OneHot.sequences(new int[][]{{1, 2, 3, 0}}, 4));
        model.fit(new ListDataSetIterator<>(List.of(batch, batch, batch), 1), null, TrainingOptions.builder().build());
        Path file = directory.resolve("trained.zip");
        model.save(file);
        CommandLineTest.Run info = CommandLineTest.run("info", file.toString());
        assertTrue(info.out().contains("progress:      3 steps, epochs begun: 1, 12 characters; train loss "), info.out());
        assertTrue(info.out().contains("corpus:        abcd.txt"), info.out());
        assertTrue(info.out().contains("resumable:     yes, at epoch 1 after 3 mini-batches (train --resume)"), info.out());

        JsonNode json = new ObjectMapper().readTree(CommandLineTest.run("info", file.toString(), "--json").out().strip());
        assertEquals(3, json.get("steps").asLong());
        assertEquals("onehot", json.get("input").asText());
        assertEquals(1, json.get("resumable_at_epoch").asInt());
        assertEquals(Files.size(file), json.get("bytes").asLong());
        assertEquals("abcd.txt", json.get("corpus").asText());

        Path forGeneration = directory.resolve("small.zip");
        model.saveForGeneration(forGeneration);
        assertTrue(CommandLineTest.run("info", forGeneration.toString()).out()
                .contains("resumable:     no (saved --for-generation, or trained with --workers or --spark, whose DL4J trainers keep"));
        assertTrue(new ObjectMapper().readTree(CommandLineTest.run("info", forGeneration.toString(), "--json").out().strip())
                .get("resumable_at_epoch").isNull());
    }
}
