package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.datavec.batching.CharBatches;
import io.github.charrnn.datavec.batching.BatchOptions;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.evaluation.EvaluationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code charrnn eval}: loss, perplexity and bits per character of a model on a text. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Mean loss (nats per character), perplexity and bits per character of a model on a text.",
                "The text is read as --batch parallel streams with the state carried, as validation is."})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "ZIP", description = "Model file (default: ${DEFAULT-VALUE}).")
    Path model = Path.of("model.zip");

    @Mixin
    TextOptions source;

    @Mixin
    CacheOptions cache;

    @Option(names = "--batch", paramLabel = "N", description = "Parallel streams; fewer are used if the text is short (default: ${DEFAULT-VALUE}).")
    int batch = 32;

    @Option(names = "--seq", paramLabel = "N", description = "Characters per mini-batch window (default: the model's sequence length).")
    Integer seq;

    @Option(names = "--val-chars", paramLabel = "N|all", description = {"Characters to read: a fixed sample spread over the text, the same every",
            "time; all for the whole text (default: ${DEFAULT-VALUE})."})
    String sampleChars = ValidationChars.DEFAULT;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batch + ".");
        }
        long sample = ValidationChars.parse(sampleChars);
        CharRnn rnn = ModelFiles.load(model);
        TextCorpus corpus = source.corpusWithProgress(rnn.vocabulary(), cache, false);
        int sequenceLength = seq != null ? seq : rnn.config().sequenceLength();
        if (sequenceLength < 1) {
            throw new IllegalArgumentException("--seq must be at least 1, got " + sequenceLength + ".");
        }
        if (corpus.length() <= sequenceLength) {
            throw new IllegalArgumentException("The text has " + corpus.length() + " characters; evaluating needs more than --seq "
                    + sequenceLength + "; use a longer text or a smaller --seq.");
        }
        int streams = Math.max(1, Math.min(batch, corpus.length() / sequenceLength));
        EvaluationResult result = rnn.evaluate(CharBatches.create(corpus.ids(), rnn.vocabulary().size(),
                BatchOptions.of(streams, sequenceLength).withFormat(BatchFormat.forInput(rnn.config().input()))
                        .withSampleChars(sample), "evaluation"));
        // the whole text, up to the last window, is read unless sampled
        boolean sampled = result.characters() < corpus.length() - (long) streams * sequenceLength;
        if (output.json) {
            System.out.println(Json.object("loss", result.loss(), "perplexity", result.perplexity(),
                    "bits_per_char", result.bitsPerCharacter(), "chars", result.characters(), "sampled", sampled));
        } else {
            System.out.printf("%s: loss %.4f nats/char, perplexity %.3f, %.4f bits/char over %,d characters%n",
                    corpus.name(), result.loss(), result.perplexity(), result.bitsPerCharacter(), result.characters());
            if (sampled) {
                System.out.printf("(a fixed sample of %,d of the text's %,d characters, spread over it; --val-chars all reads"
                        + " all of them)%n", result.characters(), corpus.length());
            }
        }
        return 0;
    }
}
