package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.batching.BatchMode;
import io.github.charrnn.datavec.cluster.ClusterSession;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.datavec.training.FineTuning;
import io.github.charrnn.datavec.training.SmallRun;
import io.github.charrnn.datavec.training.StopSignals;
import io.github.charrnn.datavec.training.TrainingRun;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.InputEncoding;
import io.github.charrnn.texts.BundledText;
import io.github.charrnn.training.LearningRateSchedule;
import io.github.charrnn.training.ProgressListener;
import io.github.charrnn.training.StopRequest;
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
import java.time.Duration;
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

    @Option(names = "--val-chars", paramLabel = "N|all", description = {"Characters of the validation part each validation reads: a fixed sample spread",
            "over it, the same every time; all for the whole part (default: ${DEFAULT-VALUE})."})
    String validationChars = ValidationChars.DEFAULT;

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

    @Option(names = "--checkpoint-every", paramLabel = "N|DURATION", description = {"Save a checkpoint beside the model (NAME.checkpoint.zip) every N steps or every",
            "DURATION (90s, 10m, 1h), and the best one by validation loss (NAME-best-val<loss>-run<id>.zip); 0 for none",
            "(default: the latest only, every " + CheckpointCadence.DEFAULT + "; none with --workers or --spark)."})
    String checkpointEvery;

    @Option(names = "--time-limit", paramLabel = "DURATION", description = {"Stop after this much training (90s, 10m, 2h, 1h30m), as on Ctrl-C: save a",
            "checkpoint and the model, and print the --resume command that continues (default: none)."})
    String timeLimit;

    @Option(names = "--resume", paramLabel = "ZIP", description = {"Continue the run saved in ZIP (a checkpoint or a model) exactly where it stopped:",
            "same hyperparameters, optimizer state, data position and random state. Give the same --text, --batch,",
            "--val-frac and --mode; --epochs and --steps count the earlier steps too."})
    Path resume;

    @Option(names = "--init-from", paramLabel = "ZIP|bundled", description = {"Fine-tune: start a new run from the weights of the model in ZIP (or the bundled",
            "pretrained model) on this text, with its own step counter and a fresh optimizer. Its layers, hidden size,",
            "cell and input are kept; characters the model lacks are added to its vocabulary."})
    String initFrom;

    @Option(names = "--keep-optimizer", description = "With --init-from: keep the model's optimizer state (only for a text without new characters).")
    boolean keepOptimizer;

    @Option(names = "--lr-schedule", paramLabel = "constant|step|exp|cosine", description = {"The learning rate over the run (default: constant):",
            "step multiplies it by --lr-decay every --lr-decay-every steps, exp by --lr-decay^(t / --lr-decay-every),",
            "cosine takes it down to --lr-min over the planned steps. A resumed run continues its own schedule."})
    String lrSchedule;

    @Option(names = "--warmup", paramLabel = "STEPS", description = "Ramp the learning rate up linearly from 0 over the first STEPS steps (default 0).")
    Long warmup;

    @Option(names = "--lr-decay", paramLabel = "F", description = "step and exp: the factor per --lr-decay-every steps, in (0, 1] (default 0.97).")
    Double lrDecay;

    @Option(names = "--lr-decay-every", paramLabel = "STEPS", description = "step and exp: steps per --lr-decay (default 100).")
    Long lrDecayEvery;

    @Option(names = "--lr-min", paramLabel = "RATE", description = "cosine: the learning rate at the end of the run (default 0).")
    Double lrMin;

    @Option(names = "--patience", paramLabel = "N", description = {"Stop after N validations without a lower validation loss, and save the best",
            "validation's model as the result (default: no early stopping)."})
    Integer patience;

    @Option(names = "--sample-every", paramLabel = "N", description = {"Print a short sample every N steps while training, also appended to",
            "NAME.samples.txt beside the model (default: none)."})
    Long sampleEvery;

    @Option(names = "--sample-prime", paramLabel = "TEXT", description = "The prime of --sample-every's samples (default: as for sample).")
    String samplePrime;

    @Option(names = "--sample-length", paramLabel = "N", description = "Characters of --sample-every's samples (default: ${DEFAULT-VALUE}).")
    int sampleLength = 200;

    @Option(names = "--sample-top-k", paramLabel = "K", description = "Top-k of --sample-every's samples; 0 for all (default: ${DEFAULT-VALUE}).")
    int sampleTopK = Samples.DEFAULT_TOP_K;

    @Mixin
    DataParallelOptions parallel;

    @Mixin
    OutputOptions output;

    /** Set by SIGINT, SIGTERM or the time limit; the run stops at its next step. */
    private final StopRequest stop = new StopRequest();

    @Override
    public Integer call() {
        PrintStream out = System.out;
        boolean onBundled = source.onBundled();
        source.bundledText();   // checks --bundled before anything is read
        BatchMode batchMode = BatchMode.parse(mode);
        CheckpointCadence cadence = CheckpointCadence.parse(checkpointEvery != null ? checkpointEvery
                : parallel.enabled() ? "0" : CheckpointCadence.DEFAULT);
        parallel.check(resume != null, cadence.any() ? 1 : 0, batchMode, validationByFile);
        if (initFrom != null && resume != null) {
            throw new IllegalArgumentException("--init-from starts a new run from a model and --resume continues one; give one of them.");
        }
        if (keepOptimizer && initFrom == null) {
            throw new IllegalArgumentException("--keep-optimizer keeps the optimizer state of the --init-from model; give --init-from too.");
        }
        checkSteering();
        long validationSample = ValidationChars.parse(validationChars);
        Duration limit = timeLimit == null ? null : Durations.parse("--time-limit", timeLimit);
        if (limit != null && parallel.enabled()) {
            throw new IllegalArgumentException("--time-limit stops single-process runs only; leave it out with --workers or --spark.");
        }
        CharRnn resumed = resume == null ? null : loadToResume();
        CharRnn initial = initFrom == null ? null : loadToFineTune();
        int batchSize = batch != null ? batch : onBundled ? BUNDLED_BATCH : TrainingRun.DEFAULT_BATCH_SIZE;
        long maxSteps = steps != null ? steps : onBundled ? BUNDLED_STEPS : 0;
        int sampleCount = samples != null ? samples : onBundled ? 3 : 0;
        // checks every hyperparameter before the (possibly long) read of the text
        CharRnnConfig config = resumed != null ? resumed.config() : initial != null ? fineTuneConfig(initial)
                : configFromFlags(onBundled);
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
                .validateEvery(validateEvery).checkpointEvery(cadence.steps()).build();
        long stepsBefore = resumed == null ? 0 : resumed.trainingSummary().steps();
        if (resumed != null && maxSteps > 0 && maxSteps <= stepsBefore) {
            throw new IllegalArgumentException("The run in " + resume + " has done " + stepsBefore + " steps already; --steps counts"
                    + " those too, so ask for more than " + stepsBefore + ".");
        }

        try (ClusterSession cluster = parallel.connect()) {
            return train(out, resumed, initial, cluster, config, new RunSettings(batchSize, maxSteps, sampleCount, batchMode,
                    cadence, limit, validationSample));
        }
    }

    /** What {@link #call()} worked out from the flags before reading the text. */
    private record RunSettings(int batchSize, long maxSteps, int sampleCount, BatchMode batchMode, CheckpointCadence cadence,
                               Duration timeLimit, long validationChars) {
    }

    private Integer train(PrintStream out, CharRnn resumed, CharRnn initial, ClusterSession cluster, CharRnnConfig config,
                          RunSettings run) {
        boolean onBundled = source.onBundled();
        BundledText bundledText = source.bundledText();
        java.util.function.Function<io.github.charrnn.vocabulary.Vocabulary, TextCorpus> read = vocabulary -> cluster == null || onBundled
                ? source.corpusWithProgress(vocabulary, cache, quiet)
                : cluster.read(spec.commandLine().getParseResult().matchedOption("--text").stringValues().get(0), vocabulary);
        FineTuning fineTuning = initial == null ? null : FineTuning.of(initial, read, config, keepOptimizer);
        TextCorpus corpus = fineTuning != null ? fineTuning.corpus() : read.apply(resumed == null ? null : resumed.vocabulary());
        out.println("text: " + corpus.describe() + (onBundled ? " (bundled; see docs/bundled-texts.md)" : ""));
        if (fineTuning != null) {
            out.println("fine-tuning " + initFrom + ": " + fineTuning.describe() + (keepOptimizer ? "; optimizer state kept" : ""));
        }
        CharRnn rnn = resumed != null ? resumed : fineTuning != null ? fineTuning.model()
                : inputs.applyTo(CharRnn.builder().vocabulary(corpus.vocabulary()).config(config)).build();
        TrainingRun.Builder trainingRun = TrainingRun.builder(corpus, rnn)
                .batchSize(run.batchSize()).validationFraction(validationFraction).validationByFile(validationByFile)
                .validationChars(run.validationChars())
                .mode(run.batchMode()).maxSteps(run.maxSteps())
                .reportEvery(printEvery).validateEvery(validateEvery).checkpointEvery(run.cadence().steps())
                .checkpointInterval(run.cadence().interval()).timeLimit(run.timeLimit()).stopRequest(stop)
                .keepBest(checkpointEvery != null)
                .modelFile(model).forGeneration(forGeneration).resume(resume == null ? null : resume.toString())
                .dataParallel(parallel.setup(cluster, corpus, config.sequenceLength(), validationFraction, out))
                .notes(out::println);
        if (epochs != null) {
            trainingRun.epochs(epochs);
        }
        steer(trainingRun, rnn, onBundled ? bundledText.prime() : null);
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
        // data-parallel runs cannot stop at a step: the signals keep their default effect there
        try (StopSignals.Installed signals = parallel.enabled() ? () -> { }
                : StopSignals.install(stop, line -> System.err.println(System.lineSeparator() + line));
             ProgressBarPrinter progressBar = bar
                ? new ProgressBarPrinter(prepared.epochs(), prepared.plannedSteps(), prepared.stepsBefore()) : null) {
            ProgressListener progress = quiet ? p -> { } : bar ? progressBar
                    : new ProgressPrinter(out, prepared.epochs(), prepared.plannedSteps());
            report = prepared.run(progress);
        }
        Path chart = LossCharts.drawBeside(model);
        String validation = Double.isNaN(report.validationLoss()) ? "no validation loss"
                : String.format("val loss %.4f", report.validationLoss());
        out.printf("done: %d steps in %.1f s, train loss %.4f, %s, %,.0f chars/s; saved %s%n", report.steps(),
                report.seconds(), report.trainLoss(), validation, report.charsPerSecond(), model);
        if (chart != null) {
            out.println("loss curve: " + chart + " (and .csv)");
        }
        if (prepared.learningRateSchedule() != null) {
            out.println("learning rate: " + prepared.learningRateSchedule().describe());
        }
        if (prepared.stoppedBy() != null) {
            out.printf("stopped by %s after step %d; continue with:%n  %s%n", prepared.stoppedBy(), report.totalSteps(),
                    ResumeCommand.of(spec.commandLine().getParseResult().originalArgs(), prepared.resumeFile()));
            if (output.json) {
                out.println(Json.object("train_loss", report.trainLoss(), "val_loss", report.validationLoss(),
                        "steps", report.steps(), "stopped_by", prepared.stoppedBy(), "resume",
                        String.valueOf(prepared.resumeFile()), "model", model.toString()));
            }
            return prepared.stoppedBy().startsWith("SIGINT") ? 130 : prepared.stoppedBy().startsWith("SIGTERM") ? 143 : 0;
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

    /** The schedule, early stopping and samples flags checked before the text is read (the run checks them again). */
    private void checkSteering() {
        if (lrSchedule != null) {
            LearningRateSchedule.Kind.parse(lrSchedule);
        }
        LearningRateSchedule.constant(1).withWarmup(warmup == null ? 0 : warmup);
        new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 1, 0, lrDecay == null ? 0.5 : lrDecay,
                lrDecayEvery == null ? 1 : lrDecayEvery, 0, 0);
        if (lrMin != null && !(lrMin >= 0)) {
            throw new IllegalArgumentException("--lr-min must be 0 or more, got " + lrMin + ".");
        }
        if (patience != null && patience < 1) {
            throw new IllegalArgumentException("--patience must be at least 1 validation, got " + patience + ".");
        }
        if (sampleEvery != null && sampleEvery < 1) {
            throw new IllegalArgumentException("--sample-every must be at least 1 step, got " + sampleEvery + ".");
        }
        if (sampleLength < 1 || sampleTopK < 0) {
            throw new IllegalArgumentException("--sample-length must be at least 1 and --sample-top-k 0 or more; got "
                    + sampleLength + " and " + sampleTopK + ".");
        }
    }

    /** The schedule, early stopping and samples flags, handed to the run. */
    private void steer(TrainingRun.Builder trainingRun, CharRnn rnn, String bundledPrime) {
        if (lrSchedule != null || warmup != null || lrDecay != null || lrDecayEvery != null || lrMin != null) {
            trainingRun.learningRateSchedule(lrSchedule == null ? LearningRateSchedule.Kind.CONSTANT
                    : LearningRateSchedule.Kind.parse(lrSchedule), warmup == null ? 0 : warmup, lrDecay, lrDecayEvery, lrMin);
        }
        if (patience != null) {
            trainingRun.patience(patience);
        }
        if (sampleEvery != null) {
            String prime = samplePrime != null ? samplePrime : bundledPrime != null ? bundledPrime
                    : SampleCommand.defaultPrime(rnn.vocabulary());
            trainingRun.sampleEvery(sampleEvery, prime, SamplingOptions.builder().length(sampleLength).topK(sampleTopK)
                    .seed(rnn.config().seed()).build());
        }
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

    /** The model of --init-from: a file, or the bundled pretrained model. */
    private CharRnn loadToFineTune() {
        Path file = initFrom.equalsIgnoreCase("bundled") ? ModelFiles.bundledModelFile() : Path.of(initFrom);
        return keepOptimizer ? ModelFiles.loadWithOptimizer(file) : ModelFiles.load(file);
    }

    /**
     * The hyperparameters of a fine-tuning run: the model's, with the training ones (--dropout, --lr, --clip, --seq,
     * --seed) from the flags where given. Flags for the architecture may repeat the model's values but not change them.
     */
    private CharRnnConfig fineTuneConfig(CharRnn initial) {
        CharRnnConfig saved = initial.config();
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, Boolean> differs = new LinkedHashMap<>();
        differs.put("--hidden", hidden != null && hidden != saved.hiddenSize());
        differs.put("--layers", parsed.hasMatchedOption("--layers") && layers != saved.layers());
        differs.put("--cell", parsed.hasMatchedOption("--cell") && CellType.parse(cell) != saved.cellType());
        differs.put("--input", inputs.input != null && inputs.encoding() != saved.input());
        differs.put("--embedding-size", inputs.embeddingSize != null && inputs.embeddingSize != saved.embeddingSize());
        List<String> changed = differs.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        if (!changed.isEmpty()) {
            String input = saved.input() == InputEncoding.EMBEDDING ? "embedding input of size " + saved.embeddingSize()
                    : "one-hot input";
            throw new IllegalArgumentException(String.join(", ", changed) + " cannot be changed when fine-tuning: the model "
                    + (initFrom.equalsIgnoreCase("bundled") ? "bundled with charrnn" : "in " + initFrom) + " has " + saved.layers()
                    + " " + saved.cellType() + " layers of " + saved.hiddenSize() + " units and " + input + ". Leave "
                    + (changed.size() == 1 ? "it" : "them") + " out.");
        }
        return new CharRnnConfig(saved.hiddenSize(), saved.layers(), dropout != null ? dropout : saved.dropout(),
                learningRate != null ? learningRate : saved.learningRate(),
                parsed.hasMatchedOption("--clip") ? clip : saved.gradientClip(), seq != null ? seq : saved.sequenceLength(),
                parsed.hasMatchedOption("--seed") ? seed : saved.seed(), saved.cellType(), saved.input(), saved.embeddingSize());
    }

    /**
     * The model to continue. Hyperparameter flags may repeat its values (so the first command line can be
     * reused with --resume added) but not change them.
     */
    private CharRnn loadToResume() {
        CharRnn loaded = ModelFiles.loadWithOptimizer(resume);
        if (loaded.trainingPosition() == null) {
            throw new IllegalArgumentException("The model in " + resume + " records no training position (it was never trained,"
                    + " was saved --for-generation, stopped early (--patience), was trained with --workers or --spark, or was written by an"
                    + " earlier charrnn);"
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
