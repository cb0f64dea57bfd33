package io.github.charrnn.datavec.training;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.model.NetworkFactory;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fine-tuning a trained tiny network on a text with new characters. */
class FineTuningTest {

    private static final TextCorpus OLD = TextCorpus.of("old", "the cat sat on the mat. the dog sat on the log. ".repeat(40));
    private static final String NEW_TEXT = "zoe saw the xylophone. zed saw the zoo. ".repeat(40);

    private static CharRnn trained(boolean embedded) {
        CharRnn model = CharRnn.builder().vocabulary(OLD.vocabulary()).hiddenSize(16).layers(1).dropout(0)
                .learningRate(0.02).sequenceLength(10).seed(3)
                .input(embedded ? io.github.charrnn.model.InputEncoding.EMBEDDING : io.github.charrnn.model.InputEncoding.ONEHOT)
                .embeddingSize(8).build();
        TrainingRun.builder(OLD, model).batchSize(8).maxSteps(60).build().run();
        return model;
    }

    private static FineTuning start(CharRnn trained) {
        return FineTuning.of(trained, vocabulary -> TextCorpus.of("new", NEW_TEXT, vocabulary), trained.config(), false);
    }

    @Test
    void theGrownVocabularyKeepsEveryOldCharactersWeightsAndStartsTheNewOnesFresh() {
        for (boolean embedded : new boolean[] {false, true}) {
            CharRnn trained = trained(embedded);
            FineTuning start = start(trained);
            Vocabulary grown = start.model().vocabulary();
            assertEquals(List.of((int) 'p', (int) 'w', (int) 'x', (int) 'y', (int) 'z'), start.added());
            assertTrue(start.describe().startsWith("5 characters added"), start.describe());
            assertEquals(grown, start.corpus().vocabulary());
            assertEquals(0, start.model().trainingSummary().steps());
            int output = embedded ? 2 : 1;
            MultiLayerNetwork fresh = NetworkFactory.create(grown.size(), trained.config());
            INDArray oldIn = trained.network().getParam("0_W");
            INDArray newIn = start.model().network().getParam("0_W");
            INDArray oldOut = trained.network().getParam(output + "_W");
            INDArray newOut = start.model().network().getParam(output + "_W");
            INDArray oldBias = trained.network().getParam(output + "_b");
            INDArray newBias = start.model().network().getParam(output + "_b");
            for (int id = 0; id < grown.size(); id++) {
                int codePoint = grown.codePoint(id);
                boolean old = trained.vocabulary().contains(codePoint);
                int was = old ? trained.vocabulary().id(codePoint) : -1;
                assertArrayEquals((old ? oldIn.getRow(was) : fresh.getParam("0_W").getRow(id)).toFloatVector(),
                        newIn.getRow(id).toFloatVector(), 0f, "input row of " + Character.toString(codePoint));
                assertArrayEquals((old ? column(oldOut, was) : column(fresh.getParam(output + "_W"), id)).toFloatVector(),
                        column(newOut, id).toFloatVector(), 0f, "output column of " + Character.toString(codePoint));
                assertEquals(old ? oldBias.getFloat(was) : fresh.getParam(output + "_b").getFloat(id), newBias.getFloat(id));
            }
            assertEquals(trained.network().getParam(output - 1 + "_RW"), start.model().network().getParam(output - 1 + "_RW"));
        }
    }

    private static INDArray column(INDArray matrix, int column) {
        return matrix.get(NDArrayIndex.all(), NDArrayIndex.point(column));
    }

    /** Training the grown model lowers its loss on the new text, and it then writes the new characters. */
    @Test
    void fineTuningLowersTheLossOnTheNewTextAndGeneratesTheNewCharacters() {
        CharRnn trained = trained(false);
        FineTuning start = start(trained);
        double before = start.model().evaluate(NEW_TEXT.substring(0, 400)).loss();
        TrainingRun.builder(start.corpus(), start.model()).batchSize(8).maxSteps(80).build().run();
        double after = start.model().evaluate(NEW_TEXT.substring(0, 400)).loss();
        assertTrue(after < before - 0.5, before + " -> " + after);
        String text = start.model().generate("the ", SamplingOptions.builder().length(300).topK(3).seed(1).build());
        assertTrue(text.indexOf('z') >= 0 && text.indexOf('x') >= 0, text);
    }

    @Test
    void refusesAnotherArchitectureAndKeptOptimizerStateWithNewCharacters() {
        CharRnn trained = trained(false);
        IllegalArgumentException architecture = assertThrows(IllegalArgumentException.class, () -> FineTuning.of(trained,
                vocabulary -> TextCorpus.of("new", NEW_TEXT, vocabulary),
                CharRnn.builder().vocabulary(OLD.vocabulary()).config(trained.config()).hiddenSize(32).build().config(), false));
        assertTrue(architecture.getMessage().contains("cannot change"), architecture.getMessage());
        IllegalArgumentException kept = assertThrows(IllegalArgumentException.class, () -> FineTuning.of(trained,
                vocabulary -> TextCorpus.of("new", NEW_TEXT, vocabulary), trained.config(), true));
        assertTrue(kept.getMessage().contains("adds 5"), kept.getMessage());
        FineTuning same = FineTuning.of(trained, vocabulary -> TextCorpus.of("again", OLD.ids().length() > 0
                ? "the cat sat on the log. ".repeat(30) : "", vocabulary), trained.config(), true);
        assertEquals(trained.vocabulary(), same.model().vocabulary());
        assertArrayEquals(trained.network().getUpdater().getStateViewArray().toFloatVector(),
                same.model().network().getUpdater().getStateViewArray().toFloatVector(), 0f);
    }
}
