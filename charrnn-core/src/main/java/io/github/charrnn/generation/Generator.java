package io.github.charrnn.generation;

import io.github.charrnn.batching.OneHot;
import io.github.charrnn.kernel.SpinningHelper;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkLayout;
import io.github.charrnn.runtime.NativeThreads;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    /** Fewer streams than this in a group cost more in hand-over than a second core gives back. */
    static final int MIN_STREAMS_PER_GROUP = 8;

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
     * with seed {@code options.seed() + i}. From {@value #MIN_STREAMS_PER_GROUP} × 2 texts on, with two cores or
     * more, the texts are generated in two groups at once, each on its own thread with its own share of BLAS's
     * threads; each text's seed and probabilities are its own, so the texts do not depend on the grouping.
     * Returns the generated characters of each text, without the prime.
     */
    public List<String> generate(String prime, int count, SamplingOptions options) {
        checkCount(count);
        if (!Nd4j.getEnvironment().isCPU()) {
            // BatchedStepper reads ND4J's buffers from Java between GEMMs, which needs host memory
            return generateWithRnnTimeStep(prime, count, options);
        }
        int[] primeIds = encodePrime(prime);
        if (count < 2 * MIN_STREAMS_PER_GROUP || Runtime.getRuntime().availableProcessors() < 2) {
            return generateGroup(primeIds, 0, count, options);
        }
        // two groups of streams at once, each on one core with one BLAS thread: at 64 streams of 2 x 512 the
        // per-step GEMM gains little from a second BLAS thread, while the gate math and sampling are Java on one core
        int firstGroup = (count + 1) / 2;
        List<String> texts = new ArrayList<>(count);
        try (NativeThreads.Share ignored = NativeThreads.shareBlasAmong(2)) {
            CompletableFuture<List<String>> second = new CompletableFuture<>();
            Thread helper = new Thread(() -> {
                try {
                    second.complete(generateGroup(primeIds, firstGroup, count - firstGroup, options));
                } catch (Throwable e) {
                    second.completeExceptionally(e);
                }
            }, "charrnn-generation-group");
            helper.setDaemon(true);
            helper.start();
            texts.addAll(generateGroup(primeIds, 0, firstGroup, options));
            texts.addAll(joinGroup(second));
        }
        return texts;
    }

    private static List<String> joinGroup(CompletableFuture<List<String>> group) {
        try {
            return group.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Streams {@code first} to {@code first + count - 1} of a batch: one BatchedStepper, stream i sampled with seed + i. */
    private List<String> generateGroup(int[] primeIds, int first, int count, SamplingOptions options) {
        BatchedStepper streams = new BatchedStepper(network, config.cellType(), NetworkLayout.of(config), config.hiddenSize(),
                vocabulary.size(), count);
        int[] ids = new int[count];
        float[][] probabilities = null;
        for (int id : primeIds) {
            Arrays.fill(ids, id);
            probabilities = streams.step(ids);
        }
        return sampleStreams(first, count, options, probabilities, streams::step);
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
            return sampleStreams(0, count, options, first, ids -> {
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

    /**
     * Samples {@code count} streams, numbered from {@code firstStream} in the whole batch: stream i with seed + i,
     * each step's ids fed to {@code step}.
     */
    private List<String> sampleStreams(int firstStream, int count, SamplingOptions options, float[][] first,
                                       Function<int[], float[][]> step) {
        NextCharacterSampler[] samplers = new NextCharacterSampler[count];
        StringBuilder[] texts = new StringBuilder[count];
        for (int i = 0; i < count; i++) {
            samplers[i] = new NextCharacterSampler(options.toBuilder().seed(options.seed() + firstStream + i).build());
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
