package io.github.charrnn.generation;

import io.github.charrnn.batching.OneHot;
import io.github.charrnn.kernel.SpinningHelper;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkLayout;
import io.github.charrnn.vocabulary.KnownText;
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
 * streams together on {@link BatchedStepper}, a beam search on one single-stream stepper per beam
 * ({@link BeamSearch}); {@link #nextCharacterProbabilities} runs on DL4J's {@code rnnTimeStep}.
 *
 * <p>Thread safety: the {@code generate} methods may run in any number of threads at once (each generation
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
     * Generates up to {@code options.length()} characters after {@code prime} (fewer when the stop text comes
     * first), handing each code point to {@code onCharacter} as soon as it is chosen, and returns them (without
     * the prime). With best-of-N or beam search the chosen text is handed over once it is complete.
     *
     * @throws IllegalArgumentException if the prime is empty (after skipping its unknown characters)
     * @throws io.github.charrnn.vocabulary.UnknownCharactersException naming the prime's unknown characters, if
     *                                                                  the options refuse them
     */
    public String generate(String prime, SamplingOptions options, IntConsumer onCharacter) {
        if (options.bestOf() > 1 || options.beam() > 0) {
            String text = generateTexts(prime, 1, options).texts().get(0).text();
            text.codePoints().forEach(onCharacter);
            return text;
        }
        return generateOne(encodePrime(prime, options), options, onCharacter).text();
    }

    private GeneratedText generateOne(KnownText prime, SamplingOptions options, IntConsumer onCharacter) {
        SingleStreamStepper stream = new SingleStreamStepper(streamWeights());
        try (SpinningHelper helper = SpinningHelper.tryStart()) {
            stream.useHelper(helper);
            float[] probabilities = null;
            for (int id : prime.ids()) {
                probabilities = stream.step(id);
            }
            NextCharacterSampler sampler = new NextCharacterSampler(options);
            TextInProgress generated = new TextInProgress(options.stopAt(), options.length());
            for (int i = 0; i < options.length() && !generated.done(); i++) {
                int id = sampler.next(probabilities);
                int codePoint = vocabulary.codePoint(id);
                generated.add(codePoint, probabilities[id]);
                onCharacter.accept(codePoint);
                if (i + 1 < options.length() && !generated.done()) {
                    probabilities = stream.step(id);
                }
            }
            return generated.toGeneratedText();
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
        return generateTexts(prime, count, options).strings();
    }

    /**
     * Generates {@code count} texts after the same prime as {@code options} say, with each text's log-probability:
     * <ul>
     *   <li>sampling: one stream, or {@code count} streams in one batch, text i with seed {@code options.seed() + i};</li>
     *   <li>best-of-N ({@code options.bestOf()} N above 1): count × N streams in one batch, stream j with seed
     *       {@code options.seed() + j}; text i is the most likely of streams iN to iN + N − 1 (the highest mean
     *       log-probability of its characters after the stop-text cut; the first of equals);</li>
     *   <li>beam search ({@code options.beam()} W): the {@code count} most likely of the final W texts, by mean
     *       log-probability; count must not be above W.</li>
     * </ul>
     *
     * @throws IllegalArgumentException if count is below 1 (or above the beam width), or the prime is empty after
     *                                  its unknown characters were skipped
     * @throws io.github.charrnn.vocabulary.UnknownCharactersException naming the prime's unknown characters, if
     *                                                                  the options refuse them
     */
    public Generation generateTexts(String prime, int count, SamplingOptions options) {
        checkCount(count);
        if (options.beam() > 0 && count > options.beam()) {
            throw new IllegalArgumentException("A beam search of width " + options.beam() + " gives at most "
                    + options.beam() + " texts; asked for " + count + ".");
        }
        KnownText known = encodePrime(prime, options);
        List<GeneratedText> texts;
        if (options.beam() > 0) {
            texts = new BeamSearch(streamWeights(), vocabulary, options).run(known.ids(), count);
        } else if (count == 1 && options.bestOf() == 1) {
            texts = List.of(generateOne(known, options, codePoint -> { }));
        } else {
            List<GeneratedText> streams = Nd4j.getEnvironment().isCPU()
                    ? generateBatched(known.ids(), count * options.bestOf(), options)
                    // BatchedStepper reads ND4J's buffers from Java between GEMMs, which needs host memory
                    : generateWithRnnTimeStep(known.ids(), count * options.bestOf(), options);
            texts = BestOf.choose(streams, options.bestOf());
        }
        return new Generation(known.text(), known.unknownCharacters(), texts);
    }

    private List<GeneratedText> generateBatched(int[] primeIds, int count, SamplingOptions options) {
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
        return generateWithRnnTimeStep(encodePrime(prime, options).ids(), count, options).stream()
                .map(GeneratedText::text).toList();
    }

    private List<GeneratedText> generateWithRnnTimeStep(int[] primeIds, int count, SamplingOptions options) {
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

    /**
     * Samples {@code count} streams: stream i with seed + i, each step's ids fed to {@code step}, until every
     * stream has its length or its stop text (a finished stream is fed its last character, and nothing is added).
     */
    private List<GeneratedText> sampleStreams(int count, SamplingOptions options, float[][] first,
                                              Function<int[], float[][]> step) {
        NextCharacterSampler[] samplers = new NextCharacterSampler[count];
        TextInProgress[] texts = new TextInProgress[count];
        for (int i = 0; i < count; i++) {
            samplers[i] = new NextCharacterSampler(options.toBuilder().seed(options.seed() + i).build());
            texts[i] = new TextInProgress(options.stopAt(), options.length());
        }
        float[][] probabilities = first;
        int[] next = new int[count];
        for (int position = 0; position < options.length(); position++) {
            boolean running = false;
            for (int i = 0; i < count; i++) {
                if (!texts[i].done()) {
                    next[i] = samplers[i].next(probabilities[i]);
                    texts[i].add(vocabulary.codePoint(next[i]), probabilities[i][next[i]]);
                    running |= !texts[i].done();
                }
            }
            if (!running) {
                break;
            }
            if (position + 1 < options.length()) {
                probabilities = step.apply(next);
            }
        }
        List<GeneratedText> result = new ArrayList<>(count);
        for (TextInProgress text : texts) {
            result.add(text.toGeneratedText());
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

    private KnownText encodePrime(String prime, SamplingOptions options) {
        if (prime == null || prime.isEmpty()) {
            throw new IllegalArgumentException("The prime must contain at least one character.");
        }
        KnownText known = options.unknown().encode(vocabulary, prime);
        if (known.length() == 0) {
            throw new IllegalArgumentException("The prime has no character the model knows: all " + known.unknownCharacters()
                    + " were skipped as unknown; give a prime with at least one known character.");
        }
        return known;
    }

}
