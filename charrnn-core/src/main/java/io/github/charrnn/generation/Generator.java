package io.github.charrnn.generation;

import io.github.charrnn.batching.OneHot;
import io.github.charrnn.kernel.SpinningHelper;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkLayout;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Generates text the articles' way: the prime runs through the network first to build up the recurrent state,
 * then each sampled character is fed back in. One stream runs on {@link SingleStreamStepper} (the network's
 * weights as plain float arrays, copied when first needed: make a new Generator after training), several
 * streams together on {@link BatchedStepper}; {@link #nextCharacterProbabilities} runs on DL4J's
 * {@code rnnTimeStep}.
 *
 * <p>Thread safety: the two {@code generate} methods may run in any number of threads at once (each generation
 * has its own recurrent state and sampler; they only read the network), as long as nothing changes the network
 * meanwhile. {@link #nextCharacterProbabilities} uses the network's own recurrent state: it must run alone.
 */
public final class Generator {

    private final MultiLayerNetwork network;
    private final Vocabulary vocabulary;
    private final CharRnnConfig config;
    private volatile StreamWeights streamWeights;   // made at the first single-stream generation, then shared

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
        SingleStreamStepper stream = new SingleStreamStepper(streamWeights());
        try (SpinningHelper helper = SpinningHelper.tryStart()) {
            stream.useHelper(helper);
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
        } finally {
            stream.useHelper(null);
        }
    }

    private StreamWeights streamWeights() {
        StreamWeights weights = streamWeights;
        if (weights == null) {
            synchronized (this) {
                weights = streamWeights;
                if (weights == null) {
                    weights = new StreamWeights(network, config.cellType(), NetworkLayout.of(config), config.hiddenSize(),
                            vocabulary.size());
                    streamWeights = weights;
                }
            }
        }
        return weights;
    }

    /**
     * Generates {@code count} independent texts after the same prime in one batch: every step runs one forward
     * pass for all of them ({@link BatchedStepper}; DL4J's {@code rnnTimeStep} on a GPU backend). Text i is sampled
     * with seed {@code options.seed() + i}.
     * Returns the generated characters of each text, without the prime.
     */
    public List<String> generate(String prime, int count, SamplingOptions options) {
        checkCount(count);
        if (!Nd4j.getEnvironment().isCPU()) {
            // BatchedStepper reads ND4J's buffers from Java between GEMMs, which needs host memory
            return generateWithRnnTimeStep(prime, count, options);
        }
        int[] primeIds = encodePrime(prime);
        BatchedStepper streams = new BatchedStepper(network, config.cellType(), NetworkLayout.of(config), config.hiddenSize(),
                vocabulary.size(), count);
        int[] ids = new int[count];
        float[][] probabilities = null;
        for (int id : primeIds) {
            Arrays.fill(ids, id);
            probabilities = streams.step(ids);
        }
        return sampleStreams(count, options, probabilities, streams::step);
    }

    /**
     * An empty {@link StreamBatch} of {@code capacity} rows over this generator's network, for streams that come
     * and go (a server's requests). Needs a CPU backend, as the batched stepper reads ND4J's buffers from Java.
     */
    public StreamBatch streamBatch(int capacity) {
        checkCount(capacity);
        if (!Nd4j.getEnvironment().isCPU()) {
            throw new IllegalStateException("A stream batch needs ND4J's CPU backend; generate(prime, count, options) works on others.");
        }
        BatchedStepper stepper = new BatchedStepper(network, config.cellType(), NetworkLayout.of(config), config.hiddenSize(),
                vocabulary.size(), capacity);
        return new StreamBatch(stepper, streamWeights(), vocabulary, capacity);
    }

    /**
     * The same as {@link #generate(String, int, SamplingOptions)} on DL4J's own {@code rnnTimeStep}: the reference
     * that the faster paths are tested against.
     */
    List<String> generateWithRnnTimeStep(String prime, int count, SamplingOptions options) {
        checkCount(count);
        int[] primeIds = encodePrime(prime);
        int[][] rows = new int[count][];
        Arrays.fill(rows, primeIds);
        network.rnnClearPreviousState();
        try {
            INDArray output = network.rnnTimeStep(OneHot.sequences(rows, vocabulary.size()));
            float[][] first = output.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(primeIds.length - 1))
                    .toFloatMatrix();
            return sampleStreams(count, options, first, ids -> {
                int[][] column = new int[count][];
                for (int i = 0; i < count; i++) {
                    column[i] = new int[]{ids[i]};
                }
                INDArray out = network.rnnTimeStep(OneHot.sequences(column, vocabulary.size()));
                return (out.rank() == 3 ? out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(0)) : out)
                        .toFloatMatrix();
            });
        } finally {
            network.rnnClearPreviousState();
        }
    }

    /** Samples {@code count} streams: stream i with seed + i, each step's ids fed to {@code step}. */
    private List<String> sampleStreams(int count, SamplingOptions options, float[][] first,
                                       Function<int[], float[][]> step) {
        NextCharacterSampler[] samplers = new NextCharacterSampler[count];
        StringBuilder[] texts = new StringBuilder[count];
        for (int i = 0; i < count; i++) {
            samplers[i] = new NextCharacterSampler(options.toBuilder().seed(options.seed() + i).build());
            texts[i] = new StringBuilder(options.length());
        }
        float[][] probabilities = first;
        int[] next = new int[count];
        for (int position = 0; position < options.length(); position++) {
            for (int i = 0; i < count; i++) {
                next[i] = samplers[i].next(probabilities[i]);
                texts[i].appendCodePoint(vocabulary.codePoint(next[i]));
            }
            if (position + 1 < options.length()) {
                probabilities = step.apply(next);
            }
        }
        List<String> result = new ArrayList<>(count);
        for (StringBuilder text : texts) {
            result.add(text.toString());
        }
        return result;
    }

    private static void checkCount(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count + ".");
        }
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
