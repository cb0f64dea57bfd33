package io.github.charrnn.datavec.training;

import io.github.charrnn.CharRnn;
import io.github.charrnn.generation.Generator;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.training.StepObserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * A short sample every N steps while a run trains (textgenrnn's {@code gen_epochs}): told to the run's notes and
 * appended to the samples log beside the model ({@code NAME.samples.txt}). Generating reads the current weights
 * through a generator of its own, with its own random numbers: the training goes on exactly as without samples.
 */
final class TrainingSamples implements StepObserver {

    private final CharRnn model;
    private final long every;
    private final String prime;
    private final SamplingOptions sampling;
    private final Consumer<String> notes;
    private final Path log;   // null: no log

    /**
     * @param log     the samples log, or null for none
     * @param append  whether a resumed run adds to the log rather than starting it afresh
     */
    TrainingSamples(CharRnn model, long every, String prime, SamplingOptions sampling, Consumer<String> notes, Path log,
                    boolean append) {
        if (every < 1) {
            throw new IllegalArgumentException("Samples are printed every N steps with N at least 1, got " + every + ".");
        }
        if (prime == null || prime.isEmpty()) {
            throw new IllegalArgumentException("A sample needs a prime of at least one character.");
        }
        model.vocabulary().encode(prime);   // a prime the model cannot read is refused before training
        this.model = model;
        this.every = every;
        this.prime = prime;
        this.sampling = sampling;
        this.notes = notes;
        this.log = log;
        if (log != null && !append) {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the samples log " + log + ": " + e.getMessage(), e);
            }
        }
    }

    /** The samples log beside a model: {@code NAME.samples.txt} beside {@code NAME.zip}. */
    static Path fileFor(Path modelFile) {
        Path absolute = modelFile.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName().toString().replaceFirst("(?i)\\.zip$", "") + ".samples.txt");
    }

    @Override
    public void afterStep(long totalSteps) {
        if (totalSteps % every != 0) {
            return;
        }
        String text = prime + new Generator(model.network(), model.vocabulary(), model.config())
                .generate(prime, sampling, codePoint -> { });
        String entry = "--- sample at step " + totalSteps + " (top-k " + sampling.topK() + ")\n" + text;
        notes.accept(entry);
        if (log != null) {
            try {
                Files.writeString(log, entry + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the samples log " + log + ": " + e.getMessage(), e);
            }
        }
    }
}
