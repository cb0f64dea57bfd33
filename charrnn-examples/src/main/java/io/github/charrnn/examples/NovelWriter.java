package io.github.charrnn.examples;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.texts.BundledText;

import java.io.PrintStream;
import java.util.List;

/**
 * The Anna Karenina notebook: train on one whole novel, watching training against validation loss (the last tenth
 * of the book), then write a page in its style from a character's name, as the notebook's
 * {@code sample(net, 1000, prime='Anna', top_k=5)} and its second prime "And Levin said" did.
 *
 * <p>The bundled novel is Jane Austen's Pride and Prejudice, so the primes are "Elizabeth" and "Mr. Darcy said".
 * Any Project Gutenberg plain-text novel works: give its file and a name from it with {@code --prime}. Run:
 * {@code ./examples/run NovelWriter [--steps N] [--prime NAME] [FILE]}; docs/examples/novel.md shows a run.
 */
public final class NovelWriter {

    /** The notebook's sampling: among the 5 likeliest characters. */
    public static final int TOP_K = 5;

    /** Sized to train in about four minutes on 2 cores; {@code --steps} trains longer. */
    public static final ExampleSettings DEFAULTS = ExampleSettings.builder("novel")
            .hiddenSize(192).layers(2).dropout(0.1).learningRate(0.008)
            .batchSize(32).sequenceLength(50).steps(500)
            .primes("Elizabeth", "Mr. Darcy said").count(1).length(500).seed(5)
            .build();

    private NovelWriter() {
    }

    /** Trains on the bundled novel (or the file given) and prints pages; {@code --help} lists the flags. */
    public static void main(String[] args) {
        ExampleMain.run("NovelWriter", () -> run(DEFAULTS.fromCommandLine("NovelWriter", args), System.out));
    }

    /** The whole example: training, then {@code count} pages per prime; returns the pages. */
    public static ExampleOutcome run(ExampleSettings settings, PrintStream out) {
        TextCorpus corpus = ExampleText.load(settings.text(), BundledText.AUSTEN_PRIDE_EN, out);
        TrainedModel trained = ExampleTraining.train(corpus, settings, out);

        // The notebook's checkpoint held the network and its characters; the model zip holds both too.
        CharRnn model = CharRnn.loadForGeneration(trained.file());
        SamplingOptions topFive = SamplingOptions.builder().length(settings.length()).topK(TOP_K).seed(settings.seed()).build();
        List<String> pages = ExampleSampling.afterEachPrime(model, settings, topFive);
        for (String page : pages) {
            out.printf("--- top-k %d%n%s%n", TOP_K, page);
        }
        return new ExampleOutcome(trained, pages);
    }
}
