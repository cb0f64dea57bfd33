package io.github.charrnn.generation;

import io.github.charrnn.kernel.SpinningHelper;
import io.github.charrnn.vocabulary.Vocabulary;

import java.util.Arrays;

/**
 * Generation streams that share one batched forward step and come and go between steps (continuous batching):
 * {@link #join} adds a stream at the next step, {@link #step} advances every stream by one character, and a stream
 * leaves as soon as its text is complete or its sink says stop. A joining stream feeds its prime one character per
 * step in its own row, alongside the others' generated characters, so its prime runs once and nobody waits for it.
 *
 * <p>Every stream has its own row of recurrent state and its own sampler (its own seed, top-k, temperature, top-p), so
 * a stream's text for a given seed does not depend on which streams share the batch. One exception: a stream that
 * joins an empty batch runs on the faster single-stream stepper (with the second core's help while it is alone)
 * until it ends; that stepper's probabilities agree with the batched one's to about 1e-4, so its text for a seed
 * can differ from the batched text for the same seed where two candidates are nearly tied.
 *
 * <p>Memory is fixed when the batch is made: {@code capacity} rows. Not thread-safe: one thread joins, steps and
 * closes. Made by {@link Generator#streamBatch(int)}.
 */
public final class StreamBatch implements AutoCloseable {

    private final BatchedStepper stepper;
    private final StreamWeights soloWeights;
    private final Vocabulary vocabulary;
    private final Row[] rows;
    private final int[] ids;
    private int size;
    private Row solo;
    private SingleStreamStepper soloStepper;
    private SpinningHelper helper;
    private boolean helperTried;

    StreamBatch(BatchedStepper stepper, StreamWeights soloWeights, Vocabulary vocabulary, int capacity) {
        this.stepper = stepper;
        this.soloWeights = soloWeights;
        this.vocabulary = vocabulary;
        this.rows = new Row[capacity];
        this.ids = new int[capacity];
    }

    /** The most streams that can run at once (the one on the single-stream stepper included). */
    public int capacity() {
        return rows.length;
    }

    /** Streams running now. */
    public int size() {
        return size + (solo != null ? 1 : 0);
    }

    /** Streams that can still {@link #join}. */
    public int freeRows() {
        return rows.length - size();
    }

    /**
     * Adds a stream that generates {@code options.length()} characters after {@code prime}; it starts at the next
     * {@link #step}. With {@code allowSolo} and nothing running, it takes the single-stream stepper.
     *
     * @throws IllegalArgumentException if the prime is empty
     * @throws io.github.charrnn.vocabulary.UnknownCharactersException naming the prime's unknown characters
     * @throws IllegalStateException if no row is free
     */
    public void join(String prime, SamplingOptions options, boolean allowSolo, StreamSink sink) {
        if (prime == null || prime.isEmpty()) {
            throw new IllegalArgumentException("The prime must contain at least one character.");
        }
        Row row = new Row(vocabulary.encode(prime), options, sink);
        if (allowSolo && size() == 0) {
            if (soloStepper == null) {
                soloStepper = new SingleStreamStepper(soloWeights);
            }
            soloStepper.reset();
            solo = row;
            return;
        }
        if (size() == rows.length) {
            throw new IllegalStateException("All " + rows.length + " streams of the batch are in use.");
        }
        stepper.clearRow(size);
        rows[size++] = row;
    }

    /** Advances every stream by one character (a priming stream by one prime character); does nothing when empty. */
    public void step() {
        if (solo != null) {
            stepSolo();
        }
        if (size > 0) {
            stepBatch();
        }
    }

    private void stepSolo() {
        soloStepper.useHelper(size == 0 ? helper() : null);
        Row row = solo;
        float[] probabilities = soloStepper.step(row.input());
        if (row.priming() || row.emit(vocabulary, probabilities)) {
            return;
        }
        solo = null;
        soloStepper.useHelper(null);
        row.sink.end(null);
    }

    private void stepBatch() {
        for (int r = 0; r < size; r++) {
            ids[r] = rows[r].input();
        }
        float[][] probabilities = stepper.step(ids, size);
        for (int r = size - 1; r >= 0; r--) {
            Row row = rows[r];
            if (row.priming() || row.emit(vocabulary, probabilities[r])) {
                continue;
            }
            // the last row moves into the freed one, so that the rows in use stay the first `size`
            int last = --size;
            if (r != last) {
                stepper.copyRow(last, r);
                rows[r] = rows[last];
            }
            rows[last] = null;
            row.sink.end(null);
        }
    }

    private SpinningHelper helper() {
        if (!helperTried) {
            helperTried = true;
            helper = SpinningHelper.tryStart();
        }
        return helper;
    }

    /** Ends every stream (their sinks get {@code failure}) and leaves the batch empty. */
    public void endAll(Throwable failure) {
        if (solo != null) {
            Row row = solo;
            solo = null;
            soloStepper.useHelper(null);
            row.sink.end(failure);
        }
        while (size > 0) {
            Row row = rows[--size];
            rows[size] = null;
            row.sink.end(failure);
        }
    }

    /** Ends every stream still running (their sinks get a failure saying so) and stops the helper thread. */
    @Override
    public void close() {
        endAll(new IllegalStateException("The generation batch was closed."));
        if (helper != null) {
            helper.close();
            helper = null;
        }
    }

    /** One stream: its prime still to feed, its sampler, the characters still to generate. */
    private static final class Row {
        private final int[] prime;
        private final NextCharacterSampler sampler;
        private final StreamSink sink;
        private int primed;
        private int remaining;
        private int last;

        Row(int[] prime, SamplingOptions options, StreamSink sink) {
            this.prime = prime;
            this.sampler = new NextCharacterSampler(options);
            this.sink = sink;
            this.remaining = options.length();
        }

        /** The id to feed next: the next prime character, or the last generated one. */
        int input() {
            return primed < prime.length ? prime[primed++] : last;
        }

        /** True while the prime is still being fed (the step's probabilities are not yet sampled). */
        boolean priming() {
            return primed < prime.length;
        }

        /** Samples and hands on the next character; false when the stream is done. */
        boolean emit(Vocabulary vocabulary, float[] probabilities) {
            last = sampler.next(probabilities);
            remaining--;
            return sink.accept(vocabulary.codePoint(last)) && remaining > 0;
        }
    }
}
