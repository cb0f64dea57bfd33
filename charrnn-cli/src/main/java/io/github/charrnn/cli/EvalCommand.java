package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.datavec.batching.CharBatches;
import io.github.charrnn.datavec.batching.BatchOptions;
import io.github.charrnn.datavec.corpus.EncodedText;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.evaluation.EvaluationResult;
import io.github.charrnn.vocabulary.UnknownCharacters;
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

    @Mixin
    UnknownOption unknown;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batch + ".");
        }
        UnknownCharacters policy = unknown.policy();
        CharRnn rnn = ModelFiles.load(model);
        boolean strict = policy.action() == UnknownCharacters.Action.ERROR;
        // with skip or replace the text is read with its own vocabulary, then re-encoded with the model's
        TextCorpus corpus = source.corpusWithProgress(strict ? rnn.vocabulary() : null, cache, false);
        KnownIds known = strict ? new KnownIds(corpus.ids(), 0) : KnownIds.of(corpus, rnn.vocabulary(), policy);
        EncodedText ids = known.ids();
        int sequenceLength = seq != null ? seq : rnn.config().sequenceLength();
        if (sequenceLength < 1) {
            throw new IllegalArgumentException("--seq must be at least 1, got " + sequenceLength + ".");
        }
        if (ids.length() <= sequenceLength) {
            throw new IllegalArgumentException("The text has " + ids.length() + " characters" + (strict ? "" : " the model knows")
                    + "; evaluating needs more than --seq " + sequenceLength + "; use a longer text or a smaller --seq.");
        }
        int streams = Math.max(1, Math.min(batch, ids.length() / sequenceLength));
        EvaluationResult result = rnn.evaluate(CharBatches.create(ids, rnn.vocabulary().size(),
                BatchOptions.of(streams, sequenceLength).withFormat(BatchFormat.forInput(rnn.config().input())), "evaluation"));
        String unknownAction = policy.action() == UnknownCharacters.Action.SKIP ? "skipped" : "replaced";
        if (output.json) {
            System.out.println(Json.object("loss", result.loss(), "perplexity", result.perplexity(),
                    "bits_per_char", result.bitsPerCharacter(), "chars", result.characters(),
                    "unknown", policy.toString(), "unknown_chars", known.unknown()));
        } else {
            System.out.printf("%s: loss %.4f nats/char, perplexity %.3f, %.4f bits/char over %,d characters%s%n",
                    corpus.name(), result.loss(), result.perplexity(), result.bitsPerCharacter(), result.characters(),
                    strict ? "" : String.format(" (%,d unknown character%s %s)", known.unknown(), known.unknown() == 1 ? "" : "s", unknownAction));
        }
        return 0;
    }
}
