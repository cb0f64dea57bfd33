package io.github.charrnn.datavec;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.batching.BatchMode;
import io.github.charrnn.datavec.batching.CharBatches;
import io.github.charrnn.datavec.batching.BatchOptions;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingReport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainOnCorpusTest {

    private static final String TEXT = "In the beginning the Universe was created. This has made a lot of people very angry "
            + "and been widely regarded as a bad move. ";

    @Test
    void validationLossFallsWhenTrainingOnAFileInBothModes() {
        for (BatchMode mode : BatchMode.values()) {
            TextCorpus corpus = TextCorpus.of("hitchhiker", TEXT.repeat(24));
            CharBatches.TrainingBatches batches = CharBatches.forTraining(corpus, 0.1, BatchOptions.of(4, 20).withMode(mode).withSeed(1));
            CharRnn model = CharRnn.builder().vocabulary(corpus.vocabulary()).hiddenSize(48).layers(1).dropout(0)
                    .learningRate(0.01).sequenceLength(20).build();
            double before = model.evaluate(batches.validation()).loss();
            TrainingReport report = model.fit(batches.train(), batches.validation(),
                    TrainingOptions.builder().epochs(4).build());
            assertTrue(report.validationLoss() < before - 1.0, mode + ": validation loss " + before + " -> " + report.validationLoss());
            assertEquals(report.validationLoss(), model.evaluate(batches.validation()).loss(), 1e-6);
        }
    }
}
