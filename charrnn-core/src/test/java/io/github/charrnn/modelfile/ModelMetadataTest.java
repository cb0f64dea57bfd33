package io.github.charrnn.modelfile;

import io.github.charrnn.CharRnn;
import io.github.charrnn.batching.OneHot;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ModelMetadata}: a saved model's metadata, read back with {@link ModelFile#readMetadata}. */
class ModelMetadataTest {

    private static final String TEXT = "hello world, héllo wörld. ".repeat(10);

    @TempDir
    Path dir;

    @Test
    void anUntrainedModelsMetadataHasItsVocabularyConfigAndNoPosition() {
        Vocabulary vocabulary = Vocabulary.of(TEXT);
        CharRnn model = CharRnn.builder().vocabulary(vocabulary).hiddenSize(6).layers(2).sequenceLength(4).build();
        Path file = dir.resolve("untrained.zip");
        model.save(file);

        ModelMetadata metadata = ModelFile.readMetadata(file);
        assertEquals(ModelFile.FORMAT_VERSION, metadata.formatVersion());
        assertEquals(vocabulary, metadata.vocabulary());
        assertEquals(model.config(), metadata.config());
        assertEquals(6, metadata.config().hiddenSize());
        assertEquals(2, metadata.config().layers());
        assertEquals(TrainingSummary.UNTRAINED.steps(), metadata.training().steps());
        assertNull(metadata.position());
        assertNotNull(metadata.provenance());
        assertNotNull(metadata.provenance().charrnnVersion());
        assertNotNull(metadata.provenance().savedAt());
    }

    @Test
    void aTrainedModelsMetadataHasItsSummaryAndPosition() {
        Vocabulary vocabulary = Vocabulary.of(TEXT);
        CharRnn model = CharRnn.builder().vocabulary(vocabulary).hiddenSize(6).layers(1).sequenceLength(4).build();
        int[] ids = vocabulary.encode(TEXT);
        List<DataSet> sets = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            int[][] x = new int[2][4];
            int[][] y = new int[2][4];
            for (int r = 0; r < 2; r++) {
                for (int t = 0; t < 4; t++) {
                    x[r][t] = ids[b * 8 + r * 4 + t];
                    y[r][t] = ids[b * 8 + r * 4 + t + 1];
                }
            }
            sets.add(new DataSet(OneHot.sequences(x, vocabulary.size()), OneHot.sequences(y, vocabulary.size())));
        }
        model.fit(new ListDataSetIterator<>(sets, 1), null, TrainingOptions.builder().maxSteps(3).build());
        model.describeCorpus("greetings");
        Path file = dir.resolve("trained.zip");
        model.save(file);

        ModelMetadata metadata = ModelFile.readMetadata(file);
        assertEquals(3, metadata.training().steps());
        assertEquals("greetings", metadata.training().corpus());
        assertTrue(Double.isFinite(metadata.training().trainLoss()));
        assertEquals(model.trainingPosition(), metadata.position());
        assertNotNull(metadata.position());
        assertEquals(metadata, ModelFile.read(file, false).metadata());
        assertTrue(ModelFile.toJson(metadata).contains("\"greetings\""));
    }
}
