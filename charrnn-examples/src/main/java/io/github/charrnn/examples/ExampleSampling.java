package io.github.charrnn.examples;

import io.github.charrnn.CharRnn;
import io.github.charrnn.generation.SamplingOptions;

import java.util.ArrayList;
import java.util.List;

/** Generates an example's texts: {@code count} after each of its primes. */
public final class ExampleSampling {

    private ExampleSampling() {
    }

    /**
     * {@code settings.count()} texts after each of {@code settings.primes()}, each text starting with its prime. The
     * texts of one prime come from one batched call, {@code model.generate(prime, count, options)}: one forward pass
     * per character for all of them, text i sampled with seed {@code options.seed() + i}.
     */
    public static List<String> afterEachPrime(CharRnn model, ExampleSettings settings, SamplingOptions options) {
        List<String> texts = new ArrayList<>();
        for (String prime : settings.primes()) {
            for (String continuation : model.generate(prime, settings.count(), options)) {
                texts.add(prime + continuation);
            }
        }
        return texts;
    }
}
