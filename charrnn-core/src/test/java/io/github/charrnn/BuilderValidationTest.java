package io.github.charrnn;

import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.model.CellType;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BuilderValidationTest {

    private static final Vocabulary ABC = Vocabulary.of("abc");

    @Test
    void eachInvalidArgumentGetsItsMessage() {
        assertMessage("vocabulary must be given; build it from the training text with Vocabulary.of(text).",
                () -> CharRnn.builder().build());
        assertMessage("vocabulary must have at least 2 symbols to predict anything, got 1.",
                () -> CharRnn.builder().vocabulary(Vocabulary.of("aaa")).build());
        assertMessage("hidden size must be at least 1, got 0.", () -> CharRnn.builder().vocabulary(ABC).hiddenSize(0).build());
        assertMessage("layers must be at least 1, got -1.", () -> CharRnn.builder().vocabulary(ABC).layers(-1).build());
        assertMessage("dropout must be in [0, 1), got 1.0.", () -> CharRnn.builder().vocabulary(ABC).dropout(1).build());
        assertMessage("dropout must be in [0, 1), got -0.1.", () -> CharRnn.builder().vocabulary(ABC).dropout(-0.1).build());
        assertMessage("learning rate must be a finite number greater than 0, got 0.0.",
                () -> CharRnn.builder().vocabulary(ABC).learningRate(0).build());
        assertMessage("gradient clip must be a finite number >= 0 (0 turns clipping off), got -5.0.",
                () -> CharRnn.builder().vocabulary(ABC).gradientClip(-5).build());
        assertMessage("sequence length must be at least 1, got 0.",
                () -> CharRnn.builder().vocabulary(ABC).sequenceLength(0).build());
        assertMessage("cell type must be given; allowed: LSTM, RNN.", () -> CharRnn.builder().vocabulary(ABC).cellType(null).build());
        assertMessage("Unknown cell type 'gru'; allowed: lstm, rnn.", () -> CellType.parse("gru"));
    }

    @Test
    void optionsAreValidatedToo() {
        assertMessage("epochs must be at least 1, got 0.", () -> TrainingOptions.builder().epochs(0).build());
        assertMessage("steps must be at least 1 (or 0 for no limit), got -3.", () -> TrainingOptions.builder().maxSteps(-3).build());
        assertMessage("report interval must be at least 1 step, got 0.", () -> TrainingOptions.builder().reportEvery(0).build());
        assertMessage("checkpoint interval must be at least 1 step (or 0 for none), got -1.",
                () -> TrainingOptions.builder().checkpointEvery(-1).build());
        assertMessage("The run to resume is in epoch 3, past the 2 epochs asked for; ask for more epochs.",
                () -> TrainingOptions.builder().epochs(2)
                        .resumeFrom(new io.github.charrnn.training.TrainingPosition(3, 0, 0, 0, (String) null)).build());
        assertMessage("A training position needs an epoch from 1 and a non-negative batch count, got epoch 0 and 0 batches.",
                () -> new io.github.charrnn.training.TrainingPosition(0, 0, 0, 0, (String) null));
        assertMessage("length must be at least 1, got 0.", () -> SamplingOptions.builder().length(0).build());
        assertMessage("top-k must be at least 1 (or 0 to sample among all characters), got -1.",
                () -> SamplingOptions.builder().topK(-1).build());
        assertMessage("temperature must be a finite number greater than 0, got 0.0.",
                () -> SamplingOptions.builder().temperature(0).build());
    }

    @Test
    void buildsStackedRecurrentLayersWithDropoutBetweenThemAndTruncatedBptt() {
        CharRnn model = CharRnn.builder().vocabulary(ABC).hiddenSize(7).layers(3).dropout(0.2).sequenceLength(33).build();
        MultiLayerConfiguration conf = model.network().getLayerWiseConfigurations();
        assertEquals(4, conf.getConfs().size());
        for (int i = 0; i < 3; i++) {
            LSTM lstm = assertInstanceOf(LSTM.class, conf.getConf(i).getLayer());
            assertEquals(i == 0 ? 3 : 7, lstm.getNIn());
            assertEquals(7, lstm.getNOut());
            if (i == 0) {
                assertNull(lstm.getIDropout(), "no dropout on the one-hot input");
            } else {
                assertEquals(0.8, ((org.deeplearning4j.nn.conf.dropout.Dropout) lstm.getIDropout()).getP(), 1e-12,
                        "DL4J keeps 1 - dropout");
            }
        }
        RnnOutputLayer output = assertInstanceOf(RnnOutputLayer.class, conf.getConf(3).getLayer());
        assertEquals(3, output.getNOut());
        assertEquals(0.8, ((org.deeplearning4j.nn.conf.dropout.Dropout) output.getIDropout()).getP(), 1e-12);
        assertEquals(BackpropType.TruncatedBPTT, conf.getBackpropType());
        assertEquals(33, conf.getTbpttFwdLength());
        assertEquals(33, conf.getTbpttBackLength());

        CharRnn rnn = CharRnn.builder().vocabulary(ABC).cellType(CellType.RNN).hiddenSize(4).layers(1).build();
        assertInstanceOf(SimpleRnn.class, rnn.network().getLayerWiseConfigurations().getConf(0).getLayer());
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
