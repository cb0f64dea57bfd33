package io.github.charrnn;

import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.modelfile.ModelFile;
import io.github.charrnn.modelfile.ModelFileException;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFileTest {

    private static final String TEXT = TestBatches.periodic("Happy families are all alike; 幸福的家庭都是相似的 😀\n", 1200);
    private static CharRnn trained;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainBriefly() {
        Vocabulary vocabulary = Vocabulary.of(TEXT);
        trained = CharRnn.builder().vocabulary(vocabulary).hiddenSize(12).layers(2).sequenceLength(10).build();
        trained.fit(TestBatches.consecutive(vocabulary.encode(TEXT), vocabulary.size(), 4, 10, 3), null,
                TrainingOptions.builder().maxSteps(6).build());
        trained.describeCorpus("test text");
    }

    @Test
    void saveThenLoadGivesIdenticalProbabilitiesAndSamples() {
        Path file = dir.resolve("model.zip");
        trained.save(file);
        CharRnn loaded = CharRnn.load(file);
        assertArrayEquals(trained.nextCharacterProbabilities("Happy 幸福"), loaded.nextCharacterProbabilities("Happy 幸福"));
        SamplingOptions options = SamplingOptions.builder().length(50).seed(3).build();
        assertEquals(trained.generate("H", options), loaded.generate("H", options));
        assertEquals(trained.vocabulary(), loaded.vocabulary());
        assertEquals(trained.config(), loaded.config());
        assertEquals(6, loaded.trainingSummary().steps());
        assertEquals("test text", loaded.trainingSummary().corpus());
    }

    @Test
    void theZipOpensWithDl4jsOwnLoaderAndHasOurJsonEntry() throws Exception {
        Path file = dir.resolve("model.zip");
        trained.save(file);
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        assertEquals(trained.network().params(), network.params());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(ModelFile.METADATA_ENTRY);
            assertNotNull(entry);
            String json = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"formatVersion\" : 1"), json);
            assertTrue(json.contains("\"hiddenSize\" : 12"), json);
            assertTrue(json.contains("\"幸\""), json);
        }
    }

    @Test
    void loadedModelContinuesTrainingWithItsUpdaterState() {
        Path file = dir.resolve("model.zip");
        trained.save(file);
        CharRnn loaded = CharRnn.load(file);
        assertEquals(trained.network().getUpdater().getStateViewArray(), loaded.network().getUpdater().getStateViewArray());
        Vocabulary v = loaded.vocabulary();
        var report = loaded.fit(TestBatches.consecutive(v.encode(TEXT), v.size(), 4, 10, 3), null,
                TrainingOptions.builder().maxSteps(2).build());
        assertEquals(8, report.totalSteps());
    }

    @Test
    void loadingForGenerationSkipsTheUpdaterButGeneratesTheSame() {
        Path file = dir.resolve("model.zip");
        trained.save(file);
        CharRnn light = CharRnn.loadForGeneration(file);
        assertArrayEquals(trained.nextCharacterProbabilities("Happy"), light.nextCharacterProbabilities("Happy"));
        SamplingOptions options = SamplingOptions.builder().length(40).seed(9).build();
        assertEquals(trained.generate("H", options), light.generate("H", options));
    }

    @Test
    void loadsFromAStream() throws Exception {
        Path file = dir.resolve("model.zip");
        trained.save(file);
        try (InputStream in = Files.newInputStream(file)) {
            CharRnn loaded = CharRnn.load(in);
            assertArrayEquals(trained.nextCharacterProbabilities("a"), loaded.nextCharacterProbabilities("a"));
        }
    }

    @Test
    void aPlainDl4jZipIsRejectedClearly() throws Exception {
        Path file = dir.resolve("plain.zip");
        ModelSerializer.writeModel(trained.network(), file.toFile(), false);
        ModelFileException e = assertThrows(ModelFileException.class, () -> CharRnn.load(file));
        assertTrue(e.getMessage().contains("is not a charrnn model"), e.getMessage());
    }

    @Test
    void aNewerFormatVersionIsRejectedClearly() throws Exception {
        Path file = dir.resolve("future.zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(ModelFile.METADATA_ENTRY));
            zip.write("{\"formatVersion\": 99}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        ModelFileException e = assertThrows(ModelFileException.class, () -> CharRnn.load(file));
        assertTrue(e.getMessage().contains("format version 99"), e.getMessage());
    }

    @Test
    void aMissingOrNonZipFileIsRejectedClearly() throws Exception {
        assertTrue(assertThrows(ModelFileException.class, () -> CharRnn.load(dir.resolve("nope.zip")))
                .getMessage().contains("does not exist"));
        Path text = Files.writeString(dir.resolve("text.zip"), "not a zip");
        assertTrue(assertThrows(ModelFileException.class, () -> CharRnn.load(text))
                .getMessage().contains("is not a readable model zip"));
    }

    @Test
    void savingOverAnExistingModelReplacesItWhole() {
        Path file = dir.resolve("model.zip");
        trained.save(file);
        trained.save(file);
        assertArrayEquals(trained.nextCharacterProbabilities("a"), CharRnn.load(file).nextCharacterProbabilities("a"));
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary files are left behind");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
