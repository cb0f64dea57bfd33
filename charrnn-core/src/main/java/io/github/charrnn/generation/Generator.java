package io.github.charrnn.generation;

import io.github.charrnn.batching.OneHot;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.function.IntConsumer;

/**
 * Generates text the articles' way: the prime runs through the network first to build up the recurrent state,
 * then each sampled character is fed back in. Uses the network's stored state (rnnTimeStep), so callers must
 * not use the same network concurrently; the state is cleared before and after.
 */
public final class Generator {

    private final MultiLayerNetwork network;
    private final Vocabulary vocabulary;

    /** A generator over a trained network and its vocabulary. */
    public Generator(MultiLayerNetwork network, Vocabulary vocabulary) {
        this.network = network;
        this.vocabulary = vocabulary;
    }

    /**
     * Generates {@code options.length()} characters after {@code prime}, handing each code point to
     * {@code onCharacter} as soon as it is chosen, and returns them (without the prime).
     *
     * @throws IllegalArgumentException if the prime is empty
     * @throws io.github.charrnn.vocabulary.UnknownCharactersException naming the prime's unknown characters
     */
    public String generate(String prime, SamplingOptions options, IntConsumer onCharacter) {
        float[] probabilities = primeState(prime);
        NextCharacterSampler sampler = new NextCharacterSampler(options);
        StringBuilder generated = new StringBuilder(options.length());
        try {
            for (int i = 0; i < options.length(); i++) {
                int id = sampler.next(probabilities);
                int codePoint = vocabulary.codePoint(id);
                generated.appendCodePoint(codePoint);
                onCharacter.accept(codePoint);
                if (i + 1 < options.length()) {
                    probabilities = step(id);
                }
            }
        } finally {
            network.rnnClearPreviousState();
        }
        return generated.toString();
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
        if (prime == null || prime.isEmpty()) {
            throw new IllegalArgumentException("The prime must contain at least one character.");
        }
        int[] ids = vocabulary.encode(prime);
        network.rnnClearPreviousState();
        INDArray output = network.rnnTimeStep(OneHot.sequence(ids, vocabulary.size()));
        INDArray last = output.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(ids.length - 1));
        return last.toFloatVector();
    }

    private float[] step(int id) {
        INDArray output = network.rnnTimeStep(OneHot.sequence(new int[]{id}, vocabulary.size()));
        return output.reshape(output.length()).toFloatVector();
    }
}
