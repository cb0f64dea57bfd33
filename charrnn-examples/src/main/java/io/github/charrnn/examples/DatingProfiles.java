package io.github.charrnn.examples;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.texts.BundledText;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The dating-app article: a few hundred dating profiles are all the data, so first look at them (how many, which
 * words are most common), then train a character-level LSTM on them, then let it draft new profiles that start with
 * the article's prime, "I'm looking for". A profile is one paragraph, so each draft ends at the first blank line.
 *
 * <p>The bundled profiles are synthetic, written for charrnn (docs/bundled-texts.md); give a file of your own, one
 * profile per paragraph, as the only argument. Run: {@code ./examples/run DatingProfiles [--steps N] [--count N] [FILE]};
 * docs/examples/dating-profiles.md shows a run.
 */
public final class DatingProfiles {

    /** The article's prime. */
    public static final String PRIME = "I'm looking for";

    /** Sized to train in about three minutes on 2 cores; {@code --steps} trains longer. */
    public static final ExampleSettings DEFAULTS = ExampleSettings.builder("dating-profiles")
            .hiddenSize(192).layers(2).dropout(0.1).learningRate(0.008)
            .batchSize(32).sequenceLength(50).steps(500)
            .primes(PRIME).count(5).length(400).seed(7)
            .build();

    /** The 15 most common words the article listed, as here: words of at least this many letters. */
    private static final int SHORTEST_WORD = 4;

    private DatingProfiles() {
    }

    /** Trains on the bundled profiles (or the file given) and prints new ones; {@code --help} lists the flags. */
    public static void main(String[] args) {
        ExampleMain.run("DatingProfiles", () -> run(DEFAULTS.fromCommandLine("DatingProfiles", args), System.out));
    }

    /** The whole example: statistics, training, drafting; returns the drafted profiles. */
    public static ExampleOutcome run(ExampleSettings settings, PrintStream out) {
        TextCorpus corpus = ExampleText.load(settings.text(), BundledText.PROFILES_EN, out);

        // 1. Know the data: the article counted the profiles and their most common words (and drew a word cloud,
        //    which `./charrnn stats --wordcloud` does), leaving out short words that say little.
        printWordCounts(corpus.vocabulary().decode(corpus.ids().toArray()), out);

        // 2. Train, watching training and validation loss, and save the model.
        TrainedModel trained = ExampleTraining.train(corpus, settings, out);

        // 3. As the article: load the saved model, prime it with "I'm looking for" and sample among the 5 likeliest
        //    next characters. All drafts of a prime come from one batched pass (draft i uses seed + i).
        CharRnn model = CharRnn.loadForGeneration(trained.file());
        SamplingOptions topFive = SamplingOptions.builder().length(settings.length()).topK(5).seed(settings.seed()).build();
        List<String> profiles = ExampleSampling.afterEachPrime(model, settings, topFive).stream()
                .map(DatingProfiles::firstParagraph).toList();
        for (int i = 0; i < profiles.size(); i++) {
            out.printf("--- profile %d (top-k 5)%n%s%n", i + 1, profiles.get(i));
        }
        return new ExampleOutcome(trained, profiles);
    }

    /** A profile ends where a blank line begins the next one. */
    static String firstParagraph(String text) {
        int end = text.indexOf("\n\n");
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    /** Prints how many profiles and words there are, and the 15 most common words. */
    static void printWordCounts(String text, PrintStream out) {
        long profiles = Arrays.stream(text.split("\n\\s*\n")).filter(p -> !p.isBlank()).count();
        List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+"))
                .filter(w -> !w.isEmpty()).toList();
        Map<String, Long> counts = words.stream().filter(w -> w.length() >= SHORTEST_WORD)
                .collect(Collectors.groupingBy(w -> w, Collectors.counting()));
        out.printf("%,d profiles, %,d words, %,d distinct words of %d letters or more; the 15 most common:%n",
                profiles, words.size(), counts.size(), SHORTEST_WORD);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(15)
                .forEach(e -> out.printf("  %-10s %,5d%n", e.getKey(), e.getValue()));
    }
}
