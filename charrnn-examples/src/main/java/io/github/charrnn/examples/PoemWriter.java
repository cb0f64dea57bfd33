package io.github.charrnn.examples;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.texts.BundledText;

import java.io.PrintStream;
import java.util.List;

/**
 * The poem article ("AI writing poems"): an LSTM learns a collection of poems character by character, then
 * writes one from the prime "christmas", choosing each next character among only the 2 likeliest (top-k 2).
 * Such a small k keeps the spelling right and the lines verse-shaped, and makes the text repeat itself: the
 * article's output looked grammatical and meant little.
 *
 * <p>The article trained 2 x 512 cells on 15,000 poems for 10 epochs; the bundled poems-en is 720 songs and
 * poems from fortune-mod (docs/bundled-texts.md). Run: {@code ./examples/run PoemWriter [--steps N] [FILE]};
 * docs/examples/poems.md shows a run.
 */
public final class PoemWriter {

    /** The article's sampling: among the two likeliest characters. */
    public static final int TOP_K = 2;

    /** Sized to train in about four minutes on 2 cores; {@code --steps} trains longer. */
    public static final ExampleSettings DEFAULTS = ExampleSettings.builder("poems")
            .hiddenSize(192).layers(2).dropout(0.1).learningRate(0.008)
            .batchSize(32).sequenceLength(50).steps(500)
            .primes("christmas").count(2).length(400).seed(3)
            .build();

    private PoemWriter() {
    }

    /** Trains on the bundled poems (or the file given) and prints poems; {@code --help} lists the flags. */
    public static void main(String[] args) {
        ExampleMain.run("PoemWriter", () -> run(DEFAULTS.fromCommandLine("PoemWriter", args), System.out));
    }

    /** The whole example: training, then {@code count} poems per prime; returns the poems. */
    public static ExampleOutcome run(ExampleSettings settings, PrintStream out) {
        TextCorpus corpus = ExampleText.load(settings.text(), BundledText.POEMS_EN, out);
        TrainedModel trained = ExampleTraining.train(corpus, settings, out);

        // The article saved its model and wrote poems with the loaded one.
        CharRnn model = CharRnn.loadForGeneration(trained.file());
        SamplingOptions topTwo = SamplingOptions.builder().length(settings.length()).topK(TOP_K).seed(settings.seed()).build();
        List<String> poems = ExampleSampling.afterEachPrime(model, settings, topTwo);
        for (int i = 0; i < poems.size(); i++) {
            out.printf("--- poem %d (top-k %d)%n%s%n", i + 1, TOP_K, poems.get(i));
        }
        return new ExampleOutcome(trained, poems);
    }
}
