package io.github.charrnn.examples;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.texts.BundledText;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The Chinese-lyrics chapter of "Dive into Deep Learning": a character model of Chinese, where the vocabulary is
 * large (the chapter's 10,000 characters of Jay Chou lyrics held 1,027 distinct ones) and a few thousand one-hot
 * inputs and softmax outputs make each step costly. Here the characters enter through a learned embedding, the
 * default for vocabularies of more than 256 symbols, which trains several times faster than one-hot input. It judges the model by perplexity, exp(loss): 1 is perfect,
 * the vocabulary size is guessing. After training it continues the prefixes 分开 and 不分开 greedily, always
 * taking the likeliest character.
 *
 * <p>The bundled text is the Three Hundred Tang Poems (29,577 characters, 2,579 distinct). 分 and 开 are in its
 * vocabulary although 分开 never occurs in it; 春 (spring) and 明月 (bright moon) do. Each prime is continued
 * greedily, as the chapter did, and then sampled among the 5 likeliest characters, which repeats itself less.
 * Run: {@code ./examples/run ChineseLyrics [--steps N] [--prime TEXT]... [FILE]}; docs/examples/chinese-lyrics.md
 * shows a run.
 */
public final class ChineseLyrics {

    /**
     * Sized to train in under a minute on 2 cores; {@code --steps} trains longer. 2,579 symbols get embedding input
     * by default, which learns this small text so fast that the chapter-like dropout 0.2 and learning rate 0.01
     * overfit it within two epochs; 0.5 and 0.004 reach a lower validation loss and hold it.
     */
    public static final ExampleSettings DEFAULTS = ExampleSettings.builder("chinese-lyrics")
            .hiddenSize(256).layers(1).dropout(0.5).learningRate(0.004)
            .batchSize(16).sequenceLength(35).steps(300)
            .primes("分开", "春", "明月").count(1).length(50).seed(11)
            .build();

    private ChineseLyrics() {
    }

    /** Trains on the bundled Tang poems (or the file given) and continues each prime; {@code --help} lists the flags. */
    public static void main(String[] args) {
        ExampleMain.run("ChineseLyrics", () -> run(DEFAULTS.fromCommandLine("ChineseLyrics", args), System.out));
    }

    /** The whole example: training, then a greedy and {@code count} sampled texts per prime; returns them. */
    public static ExampleOutcome run(ExampleSettings settings, PrintStream out) {
        TextCorpus corpus = ExampleText.load(settings.text(), BundledText.TANG300_ZH, out);
        TrainedModel trained = ExampleTraining.train(corpus, settings, out);
        out.printf("perplexity: training %.1f, validation %.1f (guessing among all %,d characters: %,d)%n",
                Math.exp(trained.report().trainLoss()), Math.exp(trained.report().validationLoss()),
                corpus.vocabulary().size(), corpus.vocabulary().size());

        CharRnn model = CharRnn.loadForGeneration(trained.file());
        SamplingOptions greedy = SamplingOptions.builder().length(settings.length()).greedy(true).build();
        SamplingOptions topFive = greedy.toBuilder().greedy(false).topK(5).seed(settings.seed()).build();
        List<String> texts = new ArrayList<>();
        for (String prime : settings.primes()) {
            String argmax = prime + model.generate(prime, greedy);
            out.println("greedy   " + argmax);
            texts.add(argmax);
            for (String sampled : model.generate(prime, settings.count(), topFive)) {
                out.println("top-k 5  " + prime + sampled);
                texts.add(prime + sampled);
            }
        }
        return new ExampleOutcome(trained, texts);
    }
}
