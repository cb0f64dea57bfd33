package io.github.charrnn;

import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.InputEncoding;
import io.github.charrnn.training.Trainer;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingReport;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.charrnn.modelfile.ModelFile;
import io.github.charrnn.modelfile.ModelFileException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model with embedded input behaves through the API exactly as a one-hot one. */
class EmbeddingTest {

    private static final String TEXT = TestBatches.periodic("the cat sat on the mat. ", 2400);
    private static final Vocabulary VOCABULARY = Vocabulary.of(TEXT);

    private static CharRnn embedded() {
        return CharRnn.builder().vocabulary(VOCABULARY).input(InputEncoding.EMBEDDING).embeddingSize(8)
                .hiddenSize(32).layers(2).dropout(0).learningRate(0.02).sequenceLength(20).seed(7).build();
    }

    private static TrainingReport train(CharRnn model, int epochs) {
        return model.fit(TestBatches.consecutive(VOCABULARY.encode(TEXT), VOCABULARY.size(), 8, 20, 3), null,
                TrainingOptions.builder().epochs(epochs).build());
    }

    @Test
    void anEmbeddingLayerComesFirstAndLearnsThePeriodicText() {
        CharRnn model = embedded();
        assertInstanceOf(EmbeddingSequenceLayer.class, model.network().getLayer(0).conf().getLayer());
        assertEquals(8, model.network().layerSize(0));
        double before = model.evaluate(TEXT.substring(0, 480)).loss();
        TrainingReport report = train(model, 15);
        double after = model.evaluate(TEXT.substring(0, 480)).loss();
        assertTrue(after < 0.1 && after < 0.05 * before, "loss before " + before + ", after " + after
                + ", last train loss " + report.trainLoss());
        assertEquals("at on the mat. the cat s", model.generate("the cat s", SamplingOptions.builder().length(24)
                .topK(1).build()).substring(0, 24));
    }

    /** Ids batches hold a vocabulary-th of the floats; training and evaluation on them are the same computation. */
    @Test
    void idBatchesTrainAndEvaluateExactlyAsOneHotBatches() {
        for (String implementation : new String[]{"", "dl4j"}) {
            System.setProperty(Trainer.IMPLEMENTATION_PROPERTY, implementation);
            try {
                CharRnn onOneHot = embedded();
                CharRnn onIds = embedded();
                int[] ids = VOCABULARY.encode(TEXT);
                onOneHot.fit(TestBatches.consecutive(ids, VOCABULARY.size(), 8, 20, 3, false), null,
                        TrainingOptions.builder().epochs(2).build());
                TrainingReport report = onIds.fit(TestBatches.consecutive(ids, VOCABULARY.size(), 8, 20, 3, true), null,
                        TrainingOptions.builder().epochs(2).build());
                assertTrue(report.steps() > 10, "steps " + report.steps());
                assertTrue(onOneHot.network().params().equalsWithEps(onIds.network().params(), 1e-5),
                        implementation + ": weights after the same steps differ");
                double oneHotLoss = onIds.evaluate(TestBatches.consecutive(ids, VOCABULARY.size(), 4, 20, 2, false)).loss();
                double idsLoss = onIds.evaluate(TestBatches.consecutive(ids, VOCABULARY.size(), 4, 20, 2, true)).loss();
                assertEquals(oneHotLoss, idsLoss, 1e-6);
                assertTrue(idsLoss < 1.0, "loss " + idsLoss);
            } finally {
                System.clearProperty(Trainer.IMPLEMENTATION_PROPERTY);
            }
        }
    }

    @Test
    void idFeaturesForAOneHotModelAreRefusedInOneSentence() {
        CharRnn oneHot = CharRnn.builder().vocabulary(VOCABULARY).input(InputEncoding.ONEHOT).hiddenSize(8).layers(1)
                .sequenceLength(20).build();
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> oneHot.fit(
                TestBatches.consecutive(VOCABULARY.encode(TEXT), VOCABULARY.size(), 8, 20, 3, true), null,
                TrainingOptions.builder().epochs(1).build()));
        assertTrue(thrown.getMessage().contains("[batch, 1, time] (symbol ids; for features only with embedding input)"),
                thrown.getMessage());
    }

    @Test
    void savesLoadsAndResumesLikeAOneHotModel(@TempDir Path dir) {
        CharRnn model = embedded();
        train(model, 3);
        Path file = dir.resolve("embedded.zip");
        model.save(file);
        CharRnn loaded = CharRnn.load(file);
        assertEquals(model.config(), loaded.config());
        assertArrayEquals(model.nextCharacterProbabilities("the ca"), loaded.nextCharacterProbabilities("the ca"), 1e-6f);
        SamplingOptions sampling = SamplingOptions.builder().length(60).seed(3).build();
        assertEquals(model.generate("the ", sampling), loaded.generate("the ", sampling));
        List<String> batched = loaded.generate("the ", 3, sampling);
        assertEquals(3, batched.size());
        assertEquals(model.evaluate(TEXT.substring(0, 200)).loss(), loaded.evaluate(TEXT.substring(0, 200)).loss(), 1e-6);
        double lossBefore = loaded.evaluate(TEXT.substring(0, 480)).loss();
        train(loaded, 3);
        assertTrue(loaded.evaluate(TEXT.substring(0, 480)).loss() < lossBefore, "training a loaded model goes on");
    }

    @Test
    void theFastPathsSampleWhatDl4jSamples() {
        CharRnn model = embedded();
        train(model, 2);
        SamplingOptions sampling = SamplingOptions.builder().length(80).topK(4).seed(11).build();
        String single = model.generate("the ", sampling);
        assertEquals(single, model.generate("the ", 1, sampling).get(0), "single stream vs batched");
    }

    @Test
    void largeVocabulariesAreEmbeddedByDefault() {
        StringBuilder many = new StringBuilder();
        for (int cp = 0x4E00; cp < 0x4E00 + InputEncoding.EMBEDDING_ABOVE + 1; cp++) {
            many.appendCodePoint(cp);
        }
        CharRnn big = CharRnn.builder().vocabulary(Vocabulary.of(many.toString())).hiddenSize(4).layers(1).build();
        assertEquals(InputEncoding.EMBEDDING, big.config().input());
        assertEquals(CharRnnConfig.DEFAULT_EMBEDDING_SIZE, big.config().embeddingSize());
        CharRnn small = CharRnn.builder().vocabulary(VOCABULARY).hiddenSize(4).layers(1).build();
        assertEquals(InputEncoding.ONEHOT, small.config().input());
        assertEquals(0, small.config().embeddingSize());
    }

    @Test
    void aNonPositiveEmbeddingSizeIsRefusedInOneSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CharRnn.builder()
                .vocabulary(VOCABULARY).input(InputEncoding.EMBEDDING).embeddingSize(0).build());
        assertEquals("embedding size must be at least 1, got 0.", e.getMessage());
    }

    /** A file written before embeddings existed has no input or embeddingSize in its config: it is one-hot. */
    @Test
    void aConfigWithoutTheEncodingFieldsLoadsAsOneHot(@TempDir Path dir) throws Exception {
        CharRnn oneHot = CharRnn.builder().vocabulary(VOCABULARY).hiddenSize(8).layers(1).build();
        Path file = dir.resolve("onehot.zip");
        oneHot.save(file);
        Path old = dir.resolve("old.zip");
        rewriteMetadata(file, old, json -> json.replaceAll(",\\s*\"input\"\\s*:\\s*\"ONEHOT\"", "")
                .replaceAll(",\\s*\"embeddingSize\"\\s*:\\s*0", ""));
        CharRnn loaded = CharRnn.load(old);
        assertEquals(InputEncoding.ONEHOT, loaded.config().input());
        assertEquals(oneHot.config(), loaded.config());
        assertArrayEquals(oneHot.nextCharacterProbabilities("the"), loaded.nextCharacterProbabilities("the"), 1e-6f);
    }

    /** Metadata that says embedding over a one-hot network is refused, naming both. */
    @Test
    void metadataThatDisagreesWithTheNetworkIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("onehot.zip");
        CharRnn.builder().vocabulary(VOCABULARY).hiddenSize(8).layers(1).build().save(file);
        Path lying = dir.resolve("lying.zip");
        rewriteMetadata(file, lying, json -> json.replace("\"ONEHOT\"", "\"EMBEDDING\"")
                .replaceAll("\"embeddingSize\"\\s*:\\s*0", "\"embeddingSize\" : 8"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> CharRnn.load(lying));
        assertTrue(e.getMessage().contains("an embedding of 8 but its network's first layer is a LSTM"), e.getMessage());
    }

    private static void rewriteMetadata(Path from, Path to, UnaryOperator<String> edit) throws Exception {
        try (ZipFile in = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(ModelFile.METADATA_ENTRY)) {
                    String json = new String(bytes, StandardCharsets.UTF_8);
                    String edited = edit.apply(json);
                    assertTrue(!edited.equals(json), "the edit changed the metadata");
                    bytes = edited.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
