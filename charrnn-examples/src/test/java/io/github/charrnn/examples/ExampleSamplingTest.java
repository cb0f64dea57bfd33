package io.github.charrnn.examples;

import io.github.charrnn.CharRnn;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExampleSamplingTest {

    @Test
    void countTextsAfterEachPrimeEachStartingWithItAsTheBatchedGenerationGivesThem() {
        CharRnn model = CharRnn.builder().vocabulary(Vocabulary.of("abc ")).hiddenSize(6).layers(1).seed(2).build();
        ExampleSettings settings = ExampleSettings.builder("t").primes("ab", "c").count(3).length(10).build();
        SamplingOptions options = SamplingOptions.builder().length(10).seed(4).build();
        List<String> texts = ExampleSampling.afterEachPrime(model, settings, options);
        assertEquals(6, texts.size());
        List<String> afterAb = model.generate("ab", 3, options);
        List<String> afterC = model.generate("c", 3, options);
        assertEquals(List.of("ab" + afterAb.get(0), "ab" + afterAb.get(1), "ab" + afterAb.get(2),
                "c" + afterC.get(0), "c" + afterC.get(1), "c" + afterC.get(2)), texts);
    }
}
