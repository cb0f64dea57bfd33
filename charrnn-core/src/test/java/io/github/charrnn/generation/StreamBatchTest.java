package io.github.charrnn.generation;

import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkFactory;
import io.github.charrnn.model.NetworkLayout;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamBatchTest {

    private static final Vocabulary VOCABULARY = Vocabulary.of("abcdefghijklmnopqrstuvwxyz .,;!?'\\n");

    private static Generator generator(CellType cellType) {
        CharRnnConfig config = new CharRnnConfig(32, 2, 0.5, 0.001, 5, 10, 5, cellType);
        MultiLayerNetwork network = NetworkFactory.create(VOCABULARY.size(), config);
        network.getParam(NetworkLayout.of(config).recurrentParam(0, "RW")).muli(3);   // livelier than the initial weights
        return new Generator(network, VOCABULARY, config);
    }

    private static SamplingOptions options(int length, long seed) {
        return SamplingOptions.builder().length(length).topK(0).temperature(1.5).seed(seed).build();
    }

    /** Streams that join at different steps, among different companions, write what the batched generate writes. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void aStreamsTextDoesNotDependOnItsCompanions(CellType cellType) {
        Generator generator = generator(cellType);
        String expected = generator.generate("the ", 1, options(60, 7)).get(0);
        String alsoExpected = generator.generate("it was", 1, options(25, 9)).get(0);
        try (StreamBatch batch = generator.streamBatch(4)) {
            Sink first = join(batch, "a long prime, longer than the others", options(40, 3));
            Sink second = join(batch, "x", options(10, 4));
            batch.step();
            batch.step();
            Sink watched = join(batch, "the ", options(60, 7));
            batch.step();
            Sink another = join(batch, "it was", options(25, 9));
            runUntilEmpty(batch);
            assertEquals(expected, watched.text.toString());
            assertEquals(alsoExpected, another.text.toString());
            assertEquals(40, first.text.length());
            assertEquals(10, second.text.length());
            assertTrue(first.ended && second.ended && watched.ended && another.ended);
        }
    }

    /** A stream alone takes the single-stream path and writes what the single-stream generate writes. */
    @Test
    void aStreamAloneRunsOnTheSingleStreamPath() {
        Generator generator = generator(CellType.LSTM);
        String expected = generator.generate("the ", options(50, 11), codePoint -> { });
        try (StreamBatch batch = generator.streamBatch(2)) {
            Sink solo = join(batch, "the ", options(50, 11), true);
            batch.step();
            Sink batched = join(batch, "the ", options(50, 11), true);   // not alone: a batched row
            runUntilEmpty(batch);
            assertEquals(expected, solo.text.toString());
            assertEquals(generator.generate("the ", 1, options(50, 11)).get(0), batched.text.toString());
        }
    }

    /** Every row samples with its own top-p (nucleus), as the batched generate does with the same options. */
    @Test
    void everyRowHasItsOwnTopP() {
        Generator generator = generator(CellType.LSTM);
        SamplingOptions nucleus = options(60, 5).toBuilder().topP(0.5).build();
        SamplingOptions wide = options(60, 5);
        String expectedNucleus = generator.generate("the ", 1, nucleus).get(0);
        String expectedWide = generator.generate("the ", 1, wide).get(0);
        try (StreamBatch batch = generator.streamBatch(2)) {
            Sink narrow = join(batch, "the ", nucleus);
            Sink all = join(batch, "the ", wide);
            runUntilEmpty(batch);
            assertEquals(expectedNucleus, narrow.text.toString());
            assertEquals(expectedWide, all.text.toString());
        }
        assertNotEquals(expectedNucleus, expectedWide, "top-p 0.5 changes what seed 5 draws");
    }

    /** A sink that says stop ends its stream at once; the others go on. */
    @Test
    void aSinkEndsItsStreamEarly() {
        Generator generator = generator(CellType.LSTM);
        try (StreamBatch batch = generator.streamBatch(2)) {
            Sink stopping = new Sink(5);
            batch.join("the ", options(100, 1), false, stopping);
            Sink full = join(batch, "the ", options(30, 2));
            int steps = runUntilEmpty(batch);
            assertEquals(5, stopping.text.length());
            assertEquals(30, full.text.length());
            assertEquals(3 + 30, steps);   // the prime's 4 characters give the first probabilities at the 4th step
            assertNull(stopping.failure);
        }
    }

    /** A full batch refuses another stream; closing ends the streams still running with a failure. */
    @Test
    void refusesPastItsCapacityAndFailsStreamsOnClose() {
        StreamBatch batch = generator(CellType.LSTM).streamBatch(1);
        Sink running = join(batch, "the ", options(100, 1));
        assertThrows(IllegalStateException.class, () -> join(batch, "the ", options(10, 1)));
        batch.close();
        assertTrue(running.ended);
        assertTrue(running.failure instanceof IllegalStateException);
        assertEquals(0, batch.size());
    }

    private static Sink join(StreamBatch batch, String prime, SamplingOptions options) {
        return join(batch, prime, options, false);
    }

    private static Sink join(StreamBatch batch, String prime, SamplingOptions options, boolean allowSolo) {
        Sink sink = new Sink(Integer.MAX_VALUE);
        batch.join(prime, options, allowSolo, sink);
        return sink;
    }

    private static int runUntilEmpty(StreamBatch batch) {
        int steps = 0;
        while (batch.size() > 0) {
            batch.step();
            steps++;
        }
        return steps;
    }

    private static final class Sink implements StreamSink {
        final StringBuilder text = new StringBuilder();
        final int stopAfter;
        boolean ended;
        Throwable failure;

        Sink(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public boolean accept(int codePoint) {
            text.appendCodePoint(codePoint);
            return text.length() < stopAfter;
        }

        @Override
        public void end(Throwable failure) {
            ended = true;
            this.failure = failure;
        }
    }
}
