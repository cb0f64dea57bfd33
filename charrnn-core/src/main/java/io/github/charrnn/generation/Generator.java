package io.github.charrnn.generation;

import io.github.charrnn.batching.OneHot;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Generates text the articles' way: the prime runs through the network first to build up the recurrent state,
 * then each sampled character is fed back in. One stream runs on {@link SingleStreamStepper} (the network's
 * weights as plain float arrays, copied when first needed: make a new Generator after training); several
 * streams together and {@link #nextCharacterProbabilities} run on DL4J's {@code rnnTimeStep}. Not thread-safe:
 * callers must not use the same generator or network concurrently.
 */
public final class Generator {

    private final MultiLayerNetwork network;
    private final Vocabulary vocabulary;
    private final CharRnnConfig config;
    private SingleStreamStepper stepper;

    /** A generator over a trained network, its vocabulary and its hyperparameters. */
    public Generator(MultiLayerNetwork network, Vocabulary vocabulary, CharRnnConfig config) {
        this.network = network;
        this.vocabulary = vocabulary;
        this.config = config;
    }

    /**
     * Generates {@code options.length()} characters after {@code prime}, handing each code point to
     * {@code onCharacter} as soon as it is chosen, and returns them (without the prime).
     *
     * @throws IllegalArgumentException if the prime is empty
     * @throws io.github.charrnn.vocabulary.UnknownCharactersException naming the prime's unknown characters
     */
    public String generate(String prime, SamplingOptions options, IntConsumer onCharacter) {
        int[] primeIds = encodePrime(prime);
        SingleStreamStepper stream = stepper();
        stream.reset();
        float[] probabilities = null;
        for (int id : primeIds) {
            probabilities = stream.step(id);
        }
        NextCharacterSampler sampler = new NextCharacterSampler(options);
        StringBuilder generated = new StringBuilder(options.length());
        for (int i = 0; i < options.length(); i++) {
            int id = sampler.next(probabilities);
            int codePoint = vocabulary.codePoint(id);
            generated.appendCodePoint(codePoint);
            onCharacter.accept(codePoint);
            if (i + 1 < options.length()) {
                probabilities = stream.step(id);
            }
        }
        return generated.toString();
    }

    private SingleStreamStepper stepper() {
        if (stepper == null) {
            stepper = new SingleStreamStepper(network, config.cellType(), config.layers(), config.hiddenSize(),
                    vocabulary.size());
        }
        return stepper;
    }

    /**
     * Generates {@code count} independent texts after the same prime in one batch: every step runs one forward
     * pass for all of them. Text i is sampled with seed {@code options.seed() + i}. Returns the generated
     * characters of each text, without the prime.
     */
    public List<String> generate(String prime, int count, SamplingOptions options) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count + ".");
        }
        int[] primeIds = encodePrime(prime);
        int[][] rows = new int[count][];
        NextCharacterSampler[] samplers = new NextCharacterSampler[count];
        StringBuilder[] texts = new StringBuilder[count];
        for (int i = 0; i < count; i++) {
            rows[i] = primeIds;
            samplers[i] = new NextCharacterSampler(options.toBuilder().seed(options.seed() + i).build());
            texts[i] = new StringBuilder(options.length());
        }
        network.rnnClearPreviousState();
        try {
            INDArray output = network.rnnTimeStep(OneHot.sequences(rows, vocabulary.size()));
            INDArray probabilities = output.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(primeIds.length - 1));
            int[][] next = new int[count][1];
            for (int step = 0; step < options.length(); step++) {
                float[][] rowsOfProbabilities = probabilities.toFloatMatrix();
                for (int i = 0; i < count; i++) {
                    next[i][0] = samplers[i].next(rowsOfProbabilities[i]);
                    texts[i].appendCodePoint(vocabulary.codePoint(next[i][0]));
                }
                if (step + 1 < options.length()) {
                    INDArray out = network.rnnTimeStep(OneHot.sequences(next, vocabulary.size()));
                    probabilities = out.rank() == 3 ? out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(0)) : out;
                }
            }
        } finally {
            network.rnnClearPreviousState();
        }
        List<String> result = new ArrayList<>(count);
        for (StringBuilder text : texts) {
            result.add(text.toString());
        }
        return result;
    }

    /** The probabilities of the character that follows {@code context}. */
    public float[] nextCharacterProbabilities(String context) {
        try {
            return primeState(context);
        } finally {
            network.rnnClearPreviousState();
        }
    }

    /** Clears the state, runs the prime through the network and returns the next character's probabilities. */
    private float[] primeState(String prime) {
        int[] ids = encodePrime(prime);
        network.rnnClearPreviousState();
        INDArray output = network.rnnTimeStep(OneHot.sequence(ids, vocabulary.size()));
        INDArray last = output.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(ids.length - 1));
        return last.toFloatVector();
    }

    private int[] encodePrime(String prime) {
        if (prime == null || prime.isEmpty()) {
            throw new IllegalArgumentException("The prime must contain at least one character.");
        }
        return vocabulary.encode(prime);
    }

}
