package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.batching.BatchMode;
import io.github.charrnn.datavec.cluster.ClusterSession;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.datavec.training.SmallRun;
import io.github.charrnn.datavec.training.TrainingRun;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.texts.BundledText;
import io.github.charrnn.training.ProgressListener;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code charrnn train}: trains a model on a text and saves it as one zip. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a stacked LSTM on a UTF-8 text and saves it as one zip.",
                "Without --text it trains a small model on a bundled text in a few minutes and prints samples."})
final class TrainCommand implements Callable<Integer> {

    /** Settings that make a run on a bundled text finish in a few minutes on 2 cores: the library's small run. */
    static final int BUNDLED_HIDDEN = SmallRun.HIDDEN_SIZE;
    static final int BUNDLED_BATCH = SmallRun.BATCH_SIZE;
    static final int BUNDLED_SEQ = SmallRun.SEQUENCE_LENGTH;
    static final long BUNDLED_STEPS = SmallRun.STEPS;
    static final double BUNDLED_LEARNING_RATE = SmallRun.LEARNING_RATE;
    static final double BUNDLED_DROPOUT = SmallRun.DROPOUT;

    @Spec
    CommandSpec spec;

    @Mixin
    TextOptions source;

    @Mixin
    CacheOptions cache;

    @Mixin
    InputOptions inputs;

    @Option(names = "--model", paramLabel = "ZIP", description = "Model file to write (default: ${DEFAULT-VALUE}).")
    Path model = Path.of("model.zip");

    @Option(names = "--hidden", paramLabel = "N", description = "Units per layer, n_hidden (default 512; 128 on a bundled text).")
    Integer hidden;

    @Option(names = "--layers", paramLabel = "N", description = "Stacked recurrent layers (default: ${DEFAULT-VALUE}).")
    int layers = CharRnnConfig.DEFAULTS.layers();

    @Option(names = "--dropout", paramLabel = "P", description = "Dropout between layers and before the output, in [0, 1) (default 0.5; 0.1 on a bundled text).")
    Double dropout;

    @Option(names = "--cell", paramLabel = "lstm|rnn", description = "Recurrent cell: lstm or rnn (default: ${DEFAULT-VALUE}).")
    String cell = "lstm";

    @Option(names = "--batch", paramLabel = "N", description = "Rows per mini-batch (default 128; 32 on a bundled text).")
    Integer batch;

    @Option(names = "--seq", paramLabel = "N", description = "Characters per step; the state is detached in between (default 100; 50 on a bundled text).")
    Integer seq;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the text (default: as many as --steps needs, 1 without --steps).")
    Integer epochs;

    @Option(names = "--steps", paramLabel = "N", description = "Stop after this many steps; 0 for no limit (default 0; 600 on a bundled text).")
    Long steps;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate (default 0.001; 0.004 on a bundled text).")
    Double learningRate;

    @Option(names = "--clip", paramLabel = "NORM", description = "Clip the global gradient norm to this; 0 for no clipping (default: ${DEFAULT-VALUE}).")
    double clip = 5;

    @Option(names = "--val-frac", paramLabel = "F", description = "Fraction of the text, from its end, kept for validation, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double validationFraction = TrainingRun.DEFAULT_VALIDATION_FRACTION;

    @Option(names = "--val-by-file", description = "Take the validation part as whole files of a --text folder: the last ones in path order,"
            + " about --val-frac of the characters.")
    boolean validationByFile;

    @Option(names = "--mode", paramLabel = "consecutive|random", description = "Mini-batches: consecutive (state carried) or random windows (default: ${DEFAULT-VALUE}).")
    String mode = "consecutive";

    @Option(names = "--print-every", paramLabel = "N", description = "Print progress every N steps (default: ${DEFAULT-VALUE}).")
    int printEvery = TrainingRun.DEFAULT_REPORT_EVERY;

    @Option(names = "--val-every", paramLabel = "N", description = "Validate every N steps; 0 for once an epoch (default: ${DEFAULT-VALUE}).")
    int validateEvery = TrainingRun.DEFAULT_VALIDATE_EVERY;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of initialisation, dropout, batching and the samples (default: ${DEFAULT-VALUE}).")
    long seed = CharRnnConfig.DEFAULTS.seed();

    @Option(names = "--samples", paramLabel = "N", description = "Samples to print after training (default 3 on a bundled text, else 0).")
    Integer samples;

    @Option(names = "--quiet", description = "No progress output, only the results.")
    boolean quiet;

    @Option(names = "--for-generation", description = {"Save the model without the optimizer's state: a third of the size,",
            "for shipping with an application; it cannot be resumed (checkpoints still can)."})
    boolean forGeneration;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = {"Save a checkpoint every N steps beside the model (NAME.checkpoint.zip),",
            "and the best one by validation loss (NAME-best-val<loss>.zip); 0 for none (default: ${DEFAULT-VALUE})."})
    long checkpointEvery = 0;

    @Option(names = "--resume", paramLabel = "ZIP", description = {"Continue the run saved in ZIP (a checkpoint or a model) exactly where it stopped:",
            "same hyperparameters, optimizer state, data position and random state. Give the same --text, --batch,",
            "--val-frac and --mode; --epochs and --steps count the earlier steps too."})
    Path resume;

    @Mixin
    DataParallelOptions parallel;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        boolean onBundled = source.onBundled();
        source.bundledText();   // checks --bundled before anything is read
        BatchMode batchMode = BatchMode.parse(mode);
        parallel.check(resume != null, checkpointEvery, batchMode, validationByFile);
        CharRnn resumed = resume == null ? null : loadToResume();
        int batchSize = batch != null ? batch : onBundled ? BUNDLED_BATCH : TrainingRun.DEFAULT_BATCH_SIZE;
        long maxSteps = steps != null ? steps : onBundled ? BUNDLED_STEPS : 0;
        int sampleCount = samples != null ? samples : onBundled ? 3 : 0;
        // checks every hyperparameter before the (possibly long) read of the text
        CharRnnConfig config = resumed != null ? resumed.config() : configFromFlags(onBundled);
        inputs.encoding();
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batchSize + ".");
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("--val-frac must be in [0, 1), got " + validationFraction + ".");
        }
        if (validationByFile && (onBundled || validationFraction == 0)) {
            throw new IllegalArgumentException("--val-by-file takes whole files of a --text folder for validation; it needs --text"
                    + " and a --val-frac above 0.");
        }
        // checks the values now rather than after the (possibly long) read of the text
        TrainingOptions.builder().epochs(epochs != null ? epochs : 1).maxSteps(maxSteps).reportEvery(printEvery)
                .validateEvery(validateEvery).checkpointEvery(checkpointEvery).build();
        long stepsBefore = resumed == null ? 0 : resumed.trainingSummary().steps();
        if (resumed != null && maxSteps > 0 && maxSteps <= stepsBefore) {
            throw new IllegalArgumentException("The run in " + resume + " has done " + stepsBefore + " steps already; --steps counts"
                    + " those too, so ask for more than " + stepsBefore + ".");
        }

        try (ClusterSession cluster = parallel.connect()) {
            return train(out, resumed, cluster, config, new RunSettings(batchSize, maxSteps, sampleCount, batchMode));
        }
    }

    /** What {@link #call()} worked out from the flags before reading the text. */
    private record RunSettings(int batchSize, long maxSteps, int sampleCount, BatchMode batchMode) {
    }

    private Integer train(PrintStream out, CharRnn resumed, ClusterSession cluster, CharRnnConfig config, RunSettings run) {
        boolean onBundled = source.onBundled();
        BundledText bundledText = source.bundledText();
        TextCorpus corpus = cluster == null || onBundled
                ? source.corpusWithProgress(resumed == null ? null : resumed.vocabulary(), cache, quiet)
                : cluster.read(spec.commandLine().getParseResult().matchedOption("--text").stringValues().get(0), null);
        out.println("text: " + corpus.describe() + (onBundled ? " (bundled; see docs/bundled-texts.md)" : ""));
        CharRnn rnn = resumed != null ? resumed : inputs.applyTo(CharRnn.builder().vocabulary(corpus.vocabulary()).config(config))
                .build();
        TrainingRun.Builder trainingRun = TrainingRun.builder(corpus, rnn)
                .batchSize(run.batchSize()).validationFraction(validationFraction).validationByFile(validationByFile)
                .mode(run.batchMode()).maxSteps(run.maxSteps())
                .reportEvery(printEvery).validateEvery(validateEvery).checkpointEvery(checkpointEvery)
                .modelFile(model).forGeneration(forGeneration).resume(resume == null ? null : resume.toString())
                .dataParallel(parallel.setup(cluster, corpus, config.sequenceLength(), validationFraction, out))
                .notes(out::println);
        if (epochs != null) {
            trainingRun.epochs(epochs);
        }
        TrainingRun prepared = trainingRun.build();   // checks the batching of a resumed run, cuts the mini-batches
        if (validationByFile) {
            out.printf("validation: the last files, %,d of %,d characters%n", prepared.split().validation().length(),
                    corpus.length());
        }
        out.printf("model: %s; %,d steps of %d x %d characters planned%s%n", rnn, prepared.plannedSteps(), run.batchSize(),
                config.sequenceLength(), resumed == null ? "" : " in all, resuming after step " + prepared.stepsBefore());
        TrainingReport report;
        // a bar in a terminal, plain lines when the output goes to a file or a pipe, nothing with --quiet
        boolean bar = !quiet && System.console() != null;
        try (ProgressBarPrinter progressBar = bar
                ? new ProgressBarPrinter(prepared.epochs(), prepared.plannedSteps(), prepared.stepsBefore()) : null) {
            ProgressListener progress = quiet ? p -> { } : bar ? progressBar
                    : new ProgressPrinter(out, prepared.epochs(), prepared.plannedSteps());
            report = prepared.run(progress);
        }
        Path chart = LossCharts.drawBeside(model);
        out.printf("done: %d steps in %.1f s, train loss %.4f, val loss %.4f, %,.0f chars/s; saved %s%n", report.steps(),
                report.seconds(), report.trainLoss(), report.validationLoss(), report.charsPerSecond(), model);
        if (chart != null) {
            out.println("loss curve: " + chart + " (and .csv)");
        }

        String prime = onBundled ? bundledText.prime() : SampleCommand.defaultPrime(rnn.vocabulary());
        for (int i = 0; i < run.sampleCount(); i++) {
            SamplingOptions sampling = SamplingOptions.builder().length(300).topK(5).seed(config.seed() + i).build();
            out.println("--- sample " + (i + 1) + " (prime " + SampleCommand.show(prime) + ", top-k 5)");
            out.println(prime + rnn.generate(prime, sampling));
        }
        if (output.json) {
            out.println(Json.object("train_loss", report.trainLoss(), "val_loss", report.validationLoss(),
                    "steps", report.steps(), "train_chars_per_s", report.charsPerSecond(), "model", model.toString()));
        }
        return 0;
    }

    /** The hyperparameters from the flags (with the bundled text's defaults where a flag is absent). */
    private CharRnnConfig configFromFlags(boolean onBundled) {
        CharRnnConfig articles = CharRnnConfig.DEFAULTS;
        int hiddenSize = hidden != null ? hidden : onBundled ? BUNDLED_HIDDEN : articles.hiddenSize();
        OutOfMemory.requireNetworkFits(layers, hiddenSize, CellType.parse(cell));
        int sequenceLength = seq != null ? seq : onBundled ? BUNDLED_SEQ : articles.sequenceLength();
        double dropProbability = dropout != null ? dropout : onBundled ? BUNDLED_DROPOUT : articles.dropout();
        double rate = learningRate != null ? learningRate : onBundled ? BUNDLED_LEARNING_RATE : articles.learningRate();
        return new CharRnnConfig(hiddenSize, layers, dropProbability, rate, clip, sequenceLength, seed, CellType.parse(cell));
    }

    /**
     * The model to continue. Hyperparameter flags may repeat its values (so the first command line can be
     * reused with --resume added) but not change them.
     */
    private CharRnn loadToResume() {
        CharRnn loaded = ModelFiles.loadWithOptimizer(resume);
        if (loaded.trainingPosition() == null) {
            throw new IllegalArgumentException("The model in " + resume + " records no training position (it was never trained,"
                    + " was saved --for-generation, was trained with --workers or --spark, or was written by an earlier charrnn);"
                    + " train it without --resume.");
        }
        CharRnnConfig saved = loaded.config();
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, Boolean> differs = new LinkedHashMap<>();
        differs.put("--hidden", hidden != null && hidden != saved.hiddenSize());
        differs.put("--layers", parsed.hasMatchedOption("--layers") && layers != saved.layers());
        differs.put("--dropout", dropout != null && dropout != saved.dropout());
        differs.put("--cell", parsed.hasMatchedOption("--cell") && CellType.parse(cell) != saved.cellType());
        differs.put("--seq", seq != null && seq != saved.sequenceLength());
        differs.put("--lr", learningRate != null && learningRate != saved.learningRate());
        differs.put("--clip", parsed.hasMatchedOption("--clip") && clip != saved.gradientClip());
        differs.put("--seed", parsed.hasMatchedOption("--seed") && seed != saved.seed());
        differs.put("--input", inputs.input != null && inputs.encoding() != saved.input());
        differs.put("--embedding-size", inputs.embeddingSize != null && inputs.embeddingSize != saved.embeddingSize());
        List<String> changed = differs.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        if (!changed.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", changed) + " cannot be changed when resuming: the run in "
                    + resume + " has " + saved + ". Leave " + (changed.size() == 1 ? "it" : "them") + " out.");
        }
        return loaded;
    }
}
