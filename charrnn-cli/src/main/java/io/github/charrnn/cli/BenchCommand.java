package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.datavec.batching.CharBatchIterator;
import io.github.charrnn.datavec.batching.BatchOptions;
import io.github.charrnn.datavec.batching.CharBatches;
import io.github.charrnn.datavec.corpus.EncodedText;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.datavec.training.TrainingRun;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.kernel.GemmLibrary;
import io.github.charrnn.kernel.ProductPrecision;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.runtime.BlasKernel;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code charrnn bench}: training, evaluation and generation throughput of the articles' configuration, and peak
 * heap.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures training, evaluation and generation speed and peak heap.",
                "Training chars/s (after warm-up), evaluation chars/s (the forward pass that",
                "validation runs, at the training's batch size and sequence length),",
                "single-stream and batched generation chars/s (top-k sampling) and peak heap,",
                "on the articles' configuration by default (2 x 512 LSTM, batch 128, seq 100)."})
final class BenchCommand implements Callable<Integer> {

    /**
     * Characters generated untimed before the single-stream measurement, and steps before the batched one, so
     * that the JIT has compiled the generation loops by the time the clock runs.
     */
    static final int GENERATION_WARMUP = 400;

    /** Default of --eval-chars: 10 windows at the default size, a few seconds. */
    static final int EVAL_CHARS = 128_000;

    @Mixin
    TextOptions source;

    @Mixin
    CacheOptions cache;

    @Mixin
    InputOptions inputs;

    @Option(names = "--hidden", paramLabel = "N", description = "Units per layer (default: ${DEFAULT-VALUE}).")
    int hidden = CharRnnConfig.DEFAULTS.hiddenSize();

    @Option(names = "--layers", paramLabel = "N", description = "Stacked layers (default: ${DEFAULT-VALUE}).")
    int layers = CharRnnConfig.DEFAULTS.layers();

    @Option(names = "--batch", paramLabel = "N", description = "Rows per mini-batch (default: ${DEFAULT-VALUE}).")
    int batch = TrainingRun.DEFAULT_BATCH_SIZE;

    @Option(names = "--seq", paramLabel = "N", description = "Characters per step (default: ${DEFAULT-VALUE}).")
    int seq = CharRnnConfig.DEFAULTS.sequenceLength();

    @Option(names = "--steps", paramLabel = "N", description = "Timed training steps (default: ${DEFAULT-VALUE}).")
    int steps = 20;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed training steps first (default: ${DEFAULT-VALUE}).")
    int warmup = 2;

    @Option(names = "--eval-chars", paramLabel = "N", description = "Characters of the timed evaluation: whole windows of every row from the start of the text (default: ${DEFAULT-VALUE}).")
    int evalChars = EVAL_CHARS;

    @Option(names = "--sample-length", paramLabel = "N", description = "Characters of the timed single-stream sample (default: ${DEFAULT-VALUE}).")
    int sampleLength = 2000;

    @Option(names = "--streams", paramLabel = "N", description = "Samples generated together in the batched measurement (default: ${DEFAULT-VALUE}).")
    int streams = 64;

    @Option(names = "--stream-length", paramLabel = "N", description = "Characters per batched sample (default: ${DEFAULT-VALUE}).")
    int streamLength = 200;

    @Option(names = "--top-k", paramLabel = "K", description = "Top-k of the sampling (default: ${DEFAULT-VALUE}).")
    int topK = 5;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (steps < 1 || evalChars < 1 || warmup < 0 || sampleLength < 1 || streams < 1 || streamLength < 1) {
            throw new IllegalArgumentException("--steps, --eval-chars, --sample-length, --streams and --stream-length must"
                    + " be at least 1, --warmup at least 0.");
        }
        inputs.encoding();
        TextCorpus corpus = source.corpusWithProgress(null, cache, false);
        System.out.println("text: " + corpus.describe());
        System.out.println("BLAS: " + BlasKernel.choose().describe());
        System.out.println("matrix products: " + GemmLibrary.chosen().description() + "; training with "
                + ProductPrecision.forTraining().description());
        CharRnn rnn = inputs.applyTo(CharRnn.builder().vocabulary(corpus.vocabulary()).hiddenSize(hidden).layers(layers)
                .sequenceLength(seq)).build();
        BatchFormat format = BatchFormat.forInput(rnn.config().input());
        CharBatchIterator train = CharBatches.forTraining(corpus.split(0), false, corpus.vocabulary().size(),
                BatchOptions.of(batch, seq).withSeed(1).withFormat(format)).train();
        System.out.printf("model: %s, batch %d, sequence %d; %d warm-up + %d timed steps%n", rnn, batch, seq, warmup, steps);

        if (warmup > 0) {
            rnn.fit(train, null, TrainingOptions.builder().maxSteps(warmup).reportEvery(Integer.MAX_VALUE).build());
        }
        TrainingReport report = rnn.fit(train, null, TrainingOptions.builder().maxSteps(steps).reportEvery(Integer.MAX_VALUE).build());
        double trainCharsPerSecond = report.charsPerSecond();
        System.out.printf("training: %,.0f chars/s (%d steps of %d x %d in %.1f s)%n", trainCharsPerSecond, report.steps(),
                batch, seq, report.seconds());

        double evalCharsPerSecond = evaluationCharsPerSecond(rnn, corpus.split(0).train(), format);
        System.out.printf("evaluation (forward pass): %,.0f chars/s (%.1f x training)%n", evalCharsPerSecond,
                evalCharsPerSecond / trainCharsPerSecond);

        String prime = SampleCommand.defaultPrime(rnn.vocabulary());
        // untimed warm-up runs of each measurement first, so that the JIT has compiled the generation loops
        SamplingOptions sampling = SamplingOptions.builder().topK(Math.min(topK, rnn.vocabulary().size())).seed(1)
                .length(GENERATION_WARMUP).build();
        rnn.generate(prime, sampling);
        long started = System.nanoTime();
        rnn.generate(prime, sampling.toBuilder().length(sampleLength).build());
        double sampleCharsPerSecond = sampleLength / seconds(started);
        System.out.printf("generation, one stream: %,.0f chars/s (%,d chars, top-k %d)%n", sampleCharsPerSecond, sampleLength, topK);

        rnn.generate(prime, streams, sampling.toBuilder().length(GENERATION_WARMUP).build());
        started = System.nanoTime();
        rnn.generate(prime, streams, sampling.toBuilder().length(streamLength).build());
        double batchedCharsPerSecond = (double) streams * streamLength / seconds(started);
        System.out.printf("generation, %d streams together: %,.0f chars/s in all%n", streams, batchedCharsPerSecond);

        double peakHeapMb = peakHeapBytes() / (1024.0 * 1024.0);
        System.out.printf("peak heap: %,.0f MB%n", peakHeapMb);
        if (output.json) {
            System.out.println(Json.object("train_chars_per_s", trainCharsPerSecond, "eval_chars_per_s", evalCharsPerSecond,
                    "sample_chars_per_s", sampleCharsPerSecond,
                    "batched_sample_chars_per_s", batchedCharsPerSecond, "peak_heap_mb", peakHeapMb,
                    "training_precision", ProductPrecision.forTraining().name().toLowerCase(Locale.ROOT)));
        }
        return 0;
    }

    /**
     * Chars/s of {@code CharRnn.evaluate} on consecutive batches of the training's batch size and sequence length
     * over the windows of every row that hold about --eval-chars characters (at least one window, at most the text),
     * after an untimed run over a quarter as many.
     */
    private double evaluationCharsPerSecond(CharRnn rnn, EncodedText text, BatchFormat format) {
        long perWindow = (long) batch * seq;
        long windows = Math.max(1, Math.min(evalChars / perWindow, text.length() / perWindow));
        rnn.evaluate(evaluationBatches(rnn, text.slice(0, (int) ((windows + 3) / 4 * perWindow)), format));
        CharBatchIterator batches = evaluationBatches(rnn, text.slice(0, (int) (windows * perWindow)), format);
        long started = System.nanoTime();
        long chars = rnn.evaluate(batches).characters();
        return chars / seconds(started);
    }

    private CharBatchIterator evaluationBatches(CharRnn rnn, EncodedText text, BatchFormat format) {
        return CharBatches.create(text, rnn.vocabulary().size(), BatchOptions.of(batch, seq).withFormat(format), "evaluation");
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
