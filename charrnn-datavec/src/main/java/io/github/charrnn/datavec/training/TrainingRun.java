package io.github.charrnn.datavec.training;

import io.github.charrnn.CharRnn;
import io.github.charrnn.batching.BatchFormat;
import io.github.charrnn.datavec.batching.BatchMode;
import io.github.charrnn.datavec.batching.BatchOptions;
import io.github.charrnn.datavec.batching.CharBatches;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.training.BatchingKey;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.training.DataParallelTraining;
import io.github.charrnn.training.EarlyStopping;
import io.github.charrnn.training.LearningRateSchedule;
import io.github.charrnn.training.Steering;
import io.github.charrnn.training.ProgressListener;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingPosition;
import io.github.charrnn.training.TrainingReport;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A whole training run of a model on a text, everything {@code ./charrnn train} does between reading the text and
 * printing samples: the train/validation split, the mini-batches (their size, order, format and how many windows
 * one spans), the epochs or step limit, validation, the loss log and periodic and best-validation checkpoints
 * beside the model file, exact resume, and saving the model.
 *
 * <pre>{@code
 * TextCorpus text = TextCorpus.read(Path.of("anna.txt"));
 * CharRnn model = CharRnn.builder().vocabulary(text.vocabulary()).build();
 * TrainingRun run = TrainingRun.builder(text, model)
 *         .maxSteps(5_000)
 *         .modelFile(Path.of("anna.zip"))      // saved at the end, with anna.losses.csv beside it
 *         .checkpointEvery(500)                // anna.checkpoint.zip, and anna-best-val<loss>.zip
 *         .listener(p -> System.out.println(p.step() + " " + p.trainLoss()))
 *         .build();                            // checks everything and cuts the mini-batches
 * TrainingReport report = run.run();
 * // later, after a crash: the same text and settings, the checkpoint loaded, resume("anna.checkpoint.zip")
 * }</pre>
 *
 * <p>The defaults are the command line's ({@value #DEFAULT_BATCH_SIZE} rows, validation fraction
 * {@value #DEFAULT_VALIDATION_FRACTION}, consecutive mini-batches, a report every {@value #DEFAULT_REPORT_EVERY} and a
 * validation every {@value #DEFAULT_VALIDATE_EVERY} steps, one epoch unless a step limit asks for more). The sequence
 * length and seed are the model's. A run is used once.
 */
public final class TrainingRun {

    /** Rows per mini-batch unless set. */
    public static final int DEFAULT_BATCH_SIZE = 128;
    /** The share of the text, from its end, kept for validation unless set: the articles' {@code val_frac}. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;
    /** Steps between progress reports unless set. */
    public static final int DEFAULT_REPORT_EVERY = 10;
    /** Steps between validations unless set (and one at the end of each epoch). */
    public static final int DEFAULT_VALIDATE_EVERY = 200;
    /** Parameters and training characters further apart than this factor, either way, get a warning at the start. */
    static final double SIZE_RATIO = 10;

    private final CharRnn model;
    private final TextCorpus corpus;
    private final Settings settings;
    private final TextCorpus.Split split;
    private final CharBatches.TrainingBatches batches;
    private final TrainingOptions options;
    private final int epochs;
    private final long plannedSteps;
    private final long stepsBefore;
    private boolean ran;

    private TrainingRun(Builder builder) {
        this.model = builder.model;
        this.corpus = builder.corpus;
        this.settings = builder.settings();
        int sequenceLength = model.config().sequenceLength();
        TrainingPosition position = settings.resumeSource() == null ? null : positionToResume();
        this.stepsBefore = position == null ? 0 : model.trainingSummary().steps();
        if (position != null && settings.maxSteps() > 0 && settings.maxSteps() <= stepsBefore) {
            throw new IllegalArgumentException("The run in " + settings.resumeSource() + " has done " + stepsBefore
                    + " steps already; the step limit counts those too, so ask for more than " + stepsBefore + ".");
        }
        BatchingKey key = new BatchingKey(settings.batchSize(), sequenceLength, settings.validationFraction(),
                settings.validationByFile(), settings.mode().name().toLowerCase(Locale.ROOT), corpus.describe());
        if (position != null) {
            key.checkResumes(position, settings.resumeSource());
        }
        this.split = settings.validationByFile() ? corpus.splitByFile(settings.validationFraction())
                : corpus.split(settings.validationFraction());
        long windowsPerEpoch = split.train().length() / ((long) settings.batchSize() * sequenceLength);
        int maxWindows = CharBatches.maxWindowsPerBatch(settings.checkpointEvery(), windowsPerEpoch,
                settings.dataParallel() != null ? settings.dataParallel().workers() : 1);
        // ids batches for embedding input; data-parallel workers run DL4J's own fit, which needs one-hot labels
        BatchFormat format = settings.dataParallel() != null ? BatchFormat.ONE_HOT : BatchFormat.forInput(model.config().input());
        this.batches = CharBatches.forTraining(split, settings.validationFraction() > 0, corpus.vocabulary().size(),
                BatchOptions.of(settings.batchSize(), sequenceLength).withMode(settings.mode()).withSeed(model.config().seed())
                        .withMaxWindows(maxWindows).withFormat(format));
        long stepsPerEpoch = batches.train().stepsPerEpoch();
        long maxSteps = settings.maxSteps();
        // a step limit alone trains that many steps, however many passes over a small text they take
        this.epochs = settings.epochs() != null ? settings.epochs()
                : maxSteps > 0 ? (int) Math.min(Integer.MAX_VALUE, (maxSteps + stepsPerEpoch - 1) / stepsPerEpoch) : 1;
        long total = stepsPerEpoch * epochs;
        this.plannedSteps = maxSteps > 0 ? Math.min(maxSteps, total) : total;
        this.options = TrainingOptions.builder().epochs(epochs).maxSteps(maxSteps > 0 ? maxSteps - stepsBefore : 0)
                .reportEvery(settings.reportEvery()).validateEvery(settings.validateEvery())
                .checkpointEvery(settings.modelFile() == null ? 0 : settings.checkpointEvery())
                .resumeFrom(position).batching(key).steering(steering()).build();
    }

    /** The schedule (for the planned steps), early stopping and samples of this run. */
    private Steering steering() {
        SteeringOptions steer = settings.steering();
        Steering steering = new Steering(steer.schedule(model, settings.resumeSource(), plannedSteps),
                steer.earlyStopping(model, settings.resumeSource()), List.of());
        SampleSettings samples = settings.samples();
        if (samples != null) {
            steering = steering.withObserver(new TrainingSamples(model, samples.every(), samples.prime(), samples.sampling(),
                    settings.notes(), settings.modelFile() == null ? null : TrainingSamples.fileFor(settings.modelFile()),
                    settings.resumeSource() != null));
        }
        return steering;
    }

    /** The learning-rate schedule this run follows; null for the model's configured rate throughout. */
    public LearningRateSchedule learningRateSchedule() {
        return options.steering().schedule();
    }

    /** Where early stopping stands at the start of this run; null without it. */
    public EarlyStopping earlyStopping() {
        return options.steering().earlyStopping();
    }

    /** A run of {@code model} on {@code corpus}, whose vocabulary must be the model's. */
    public static Builder builder(TextCorpus corpus, CharRnn model) {
        return new Builder(corpus, model);
    }

    /** The position the model records, checked as one that can be resumed. */
    private TrainingPosition positionToResume() {
        TrainingPosition position = model.trainingPosition();
        if (position == null) {
            throw new IllegalArgumentException("The model in " + settings.resumeSource() + " records no training position"
                    + " (it was never trained, was saved for generation only, stopped early, was trained data-parallel, or was written by"
                    + " an earlier charrnn); train it without resuming.");
        }
        if (!finite(model.network().params()) || (model.network().getUpdater() != null
                && model.network().getUpdater().getStateViewArray() != null
                && !finite(model.network().getUpdater().getStateViewArray()))) {
            throw new IllegalArgumentException("The model in " + settings.resumeSource() + " holds values that are not finite"
                    + " (NaN or infinite) in its weights or its optimizer's state, so a resumed run could only diverge;"
                    + " resume from an earlier checkpoint.");
        }
        return position;
    }

    private static boolean finite(INDArray values) {
        return !BooleanIndexing.or(values, Conditions.isNan()) && !BooleanIndexing.or(values, Conditions.isInfinite());
    }

    /** The model being trained. */
    public CharRnn model() {
        return model;
    }

    /** The train and validation parts of the text. */
    public TextCorpus.Split split() {
        return split;
    }

    /** Passes over the training part this run may make (the step limit may end it sooner). */
    public int epochs() {
        return epochs;
    }

    /** Mini-batch steps in one pass over the training part. */
    public long stepsPerEpoch() {
        return batches.train().stepsPerEpoch();
    }

    /** Steps the model will have done when the run ends: the earlier ones of a resumed run included. */
    public long plannedSteps() {
        return plannedSteps;
    }

    /** Steps the model had done before this run (0 unless resuming). */
    public long stepsBefore() {
        return stepsBefore;
    }

    /** What must stay the same to resume this run: recorded in its checkpoints and model file. */
    public BatchingKey batching() {
        return options.batching();
    }

    /**
     * Trains, telling the builder's listeners and {@code more} of progress; then, with a model file set, saves the model there and makes the loss log the model's curve (a run
     * that fails leaves an earlier model file and curve as they were).
     *
     * @throws io.github.charrnn.training.TrainingDivergedException if the loss becomes NaN or infinite
     * @throws IllegalStateException if the run was run before
     */
    public TrainingReport run(ProgressListener... more) {
        if (ran) {
            throw new IllegalStateException("A training run is run once; build a new one to train again.");
        }
        ran = true;
        Path modelFile = settings.modelFile();
        if (modelFile != null) {
            createFolderOf(modelFile);
        }
        if (settings.resumeSource() == null) {
            model.describeCorpus(corpus.describe());
        }
        String sizeWarning = sizeWarning(model.network().numParams(), split.train().length());
        if (sizeWarning != null) {
            settings.notes().accept(sizeWarning);
        }
        CheckpointFiles checkpoints = modelFile != null && settings.checkpointEvery() > 0
                ? new CheckpointFiles(model, modelFile, settings.notes(), settings.resumeSource() == null ? null : options.batching())
                : null;
        TrainingReport report;
        try (LossLog losses = modelFile == null ? null : new LossLog(modelFile, settings.resumeSource() != null)) {
            List<ProgressListener> listeners = new ArrayList<>(settings.listeners());
            listeners.addAll(List.of(more));
            if (losses != null) {
                listeners.add(losses);
            }
            ProgressListener[] all = listeners.toArray(ProgressListener[]::new);
            DataParallelTraining workers = settings.dataParallel() == null ? null
                    : settings.dataParallel().training(batches, options);
            report = workers != null ? model.fit(workers, all)
                    : model.fitWithCheckpoints(batches.train(), batches.validation(), options, checkpoints, all);
            if (modelFile != null) {
                if (settings.forGeneration()) {
                    model.saveForGeneration(modelFile);
                } else {
                    model.save(modelFile);
                }
                losses.commit();
            }
        }
        EarlyStopping stopping = model.earlyStopping();
        if (stopping != null && stopping.stopped()) {
            settings.notes().accept("early stopping: " + stopping.describe()
                    + (model.trainingSummary().validationLoss() == stopping.bestLoss() ? ""
                    : "; that validation came before the resumed run, whose last weights are kept (the best ones are in"
                    + " the best-validation checkpoint, if checkpoints were on)") + ".");
        }
        return report;
    }

    /**
     * One line when the network's parameters and the training characters are more than ten times apart: the
     * articles' advice (Karpathy's char-rnn) is to keep them about the same order of magnitude. Null otherwise.
     */
    static String sizeWarning(long parameters, long characters) {
        if (characters <= 0) {
            return null;
        }
        double ratio = (double) parameters / characters;
        if (ratio > SIZE_RATIO) {
            return String.format(Locale.ROOT, "warning: the network has %,d parameters for %,d training characters (%.0f x as"
                    + " many); it will learn the text by heart: a smaller hidden size, or more text, generalises better.",
                    parameters, characters, ratio);
        }
        if (ratio < 1 / SIZE_RATIO) {
            return String.format(Locale.ROOT, "warning: the network has %,d parameters for %,d training characters (1/%.0f);"
                    + " it can learn more of this text with a larger hidden size or more layers.", parameters, characters, 1 / ratio);
        }
        return null;
    }

    private static void createFolderOf(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder " + folder + " for the model file: " + e.getMessage(), e);
        }
    }

    /** What a builder collected, checked. */
    private record Settings(int batchSize, double validationFraction, boolean validationByFile, BatchMode mode,
                            Integer epochs, long maxSteps, int reportEvery, int validateEvery, long checkpointEvery,
                            Path modelFile, boolean forGeneration, String resumeSource, List<ProgressListener> listeners,
                            Consumer<String> notes, DataParallelSetup dataParallel, SteeringOptions steering,
                            SampleSettings samples) {
    }

    /** Samples while training: every this many steps, after this prime, sampled so. */
    private record SampleSettings(long every, String prime, SamplingOptions sampling) {
    }

    /** Builder of a {@link TrainingRun}; {@link #build()} checks the values and cuts the mini-batches. */
    public static final class Builder {
        private final TextCorpus corpus;
        private final CharRnn model;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private double validationFraction = DEFAULT_VALIDATION_FRACTION;
        private boolean validationByFile;
        private BatchMode mode = BatchMode.CONSECUTIVE;
        private Integer epochs;
        private long maxSteps;
        private int reportEvery = DEFAULT_REPORT_EVERY;
        private int validateEvery = DEFAULT_VALIDATE_EVERY;
        private long checkpointEvery;
        private Path modelFile;
        private boolean forGeneration;
        private String resumeSource;
        private final List<ProgressListener> listeners = new ArrayList<>();
        private Consumer<String> notes = note -> { };
        private DataParallelSetup dataParallel;
        private SteeringOptions steering = SteeringOptions.NONE;
        private SampleSettings samples;

        private Builder(TextCorpus corpus, CharRnn model) {
            this.corpus = Objects.requireNonNull(corpus, "corpus");
            this.model = Objects.requireNonNull(model, "model");
        }

        /** Rows per mini-batch (default {@value #DEFAULT_BATCH_SIZE}). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** The share of the text, from its end, kept for validation, in [0, 1); 0 for no validation (default 0.1). */
        public Builder validationFraction(double validationFraction) {
            this.validationFraction = validationFraction;
            return this;
        }

        /** Whether validation takes whole files of a folder text (the last ones in path order) instead of its end. */
        public Builder validationByFile(boolean validationByFile) {
            this.validationByFile = validationByFile;
            return this;
        }

        /** Consecutive mini-batches (the state carries) or random windows (default consecutive). */
        public Builder mode(BatchMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Passes over the text (default: as many as the step limit needs, 1 without one). */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Stop once the model has done this many steps, a resumed run's earlier steps included; 0 for no limit (default). */
        public Builder maxSteps(long maxSteps) {
            this.maxSteps = maxSteps;
            return this;
        }

        /** Tell the listeners every this many steps (default {@value #DEFAULT_REPORT_EVERY}). */
        public Builder reportEvery(int reportEvery) {
            this.reportEvery = reportEvery;
            return this;
        }

        /** Validate every this many steps, 0 for once an epoch (default {@value #DEFAULT_VALIDATE_EVERY}; always at an epoch's end). */
        public Builder validateEvery(int validateEvery) {
            this.validateEvery = validateEvery;
            return this;
        }

        /**
         * Save a checkpoint every this many steps beside the model file ({@code NAME.checkpoint.zip}), and the best
         * one by validation loss ({@code NAME-best-val<loss>.zip}); 0 for none (default). Needs a model file.
         */
        public Builder checkpointEvery(long checkpointEvery) {
            this.checkpointEvery = checkpointEvery;
            return this;
        }

        /** Save the model here at the end, and write the loss log beside it ({@code NAME.losses.csv}); default none. */
        public Builder modelFile(Path modelFile) {
            this.modelFile = modelFile;
            return this;
        }

        /** Save the model without the optimizer's state: a third of the size, but it cannot be resumed. */
        public Builder forGeneration(boolean forGeneration) {
            this.forGeneration = forGeneration;
            return this;
        }

        /**
         * Continue the run the model records exactly where it stopped (same optimizer state, data position and random
         * state): the text, batch size, validation split and order must be those of that run. {@code source} names
         * it in messages (e.g. its file); null (default) starts a new run.
         */
        public Builder resume(String source) {
            this.resumeSource = source;
            return this;
        }

        /** Told of progress every report interval and after each validation. */
        public Builder listener(ProgressListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Told, one line each, of checkpoints written and of a network far larger or smaller than its text (default: nobody). */
        public Builder notes(Consumer<String> notes) {
            this.notes = Objects.requireNonNull(notes, "notes");
            return this;
        }

        /** Train with several workers at once instead of the built-in loop (default: the built-in loop). */
        public Builder dataParallel(DataParallelSetup dataParallel) {
            this.dataParallel = dataParallel;
            return this;
        }

        /**
         * The learning rate of each step: {@code kind} after a linear warm-up of {@code warmupSteps} from 0, at the
         * model's learning rate; step and exp decay by {@code decay} per {@code decayEvery} steps, cosine reaches
         * {@code minRate} at the end of the planned steps ({@link LearningRateSchedule} has the formulas). Default:
         * the model's rate throughout. A resumed run continues the schedule it saved; giving another is refused.
         *
         * @param decay       null for {@value LearningRateSchedule#DEFAULT_DECAY}
         * @param decayEvery  null for {@value LearningRateSchedule#DEFAULT_DECAY_EVERY}
         * @param minRate     null for 0
         */
        public Builder learningRateSchedule(LearningRateSchedule.Kind kind, long warmupSteps, Double decay, Long decayEvery,
                                            Double minRate) {
            this.steering = new SteeringOptions(Objects.requireNonNull(kind, "kind"), warmupSteps, decay, decayEvery,
                    minRate, steering.patience());
            return this;
        }

        /**
         * Stop after {@code patience} validations in a row without a lower validation loss, and make the best
         * validation's weights the run's result (default: no early stopping). A resumed run counts on from where
         * the run it continues stood.
         */
        public Builder patience(int patience) {
            this.steering = new SteeringOptions(steering.kind(), steering.warmup(), steering.decay(), steering.decayEvery(),
                    steering.minRate(), patience);
            return this;
        }

        /**
         * Every {@code every} steps, a sample after {@code prime} told to the notes and appended to
         * {@code NAME.samples.txt} beside the model file (default: none). It does not change the training.
         */
        public Builder sampleEvery(long every, String prime, SamplingOptions sampling) {
            this.samples = new SampleSettings(every, Objects.requireNonNull(prime, "prime"),
                    Objects.requireNonNull(sampling, "sampling"));
            return this;
        }

        /**
         * Checks every value (IllegalArgumentException, one sentence) and cuts the mini-batches.
         */
        public TrainingRun build() {
            return new TrainingRun(this);
        }

        private Settings settings() {
            if (batchSize < 1) {
                throw new IllegalArgumentException("The batch size must be at least 1, got " + batchSize + ".");
            }
            if (!(validationFraction >= 0 && validationFraction < 1)) {
                throw new IllegalArgumentException("The validation fraction must be in [0, 1), got " + validationFraction + ".");
            }
            if (validationByFile && validationFraction == 0) {
                throw new IllegalArgumentException("Validation by file needs a validation fraction above 0.");
            }
            if (epochs != null && epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs + ".");
            }
            if (checkpointEvery > 0 && modelFile == null) {
                throw new IllegalArgumentException("Checkpoints are written beside the model file: set one to have them.");
            }
            if (modelFile != null && Files.isDirectory(modelFile)) {
                throw new IllegalArgumentException("The model file " + modelFile + " is a folder; give a file name such as "
                        + modelFile.resolve("model.zip") + ".");
            }
            Path folder = modelFile == null ? null : modelFile.toAbsolutePath().getParent();
            if (folder != null && Files.isDirectory(folder) && !Files.isWritable(folder)) {
                throw new IllegalArgumentException("The model file " + modelFile + " cannot be written: its folder " + folder
                        + " is not writable; give a file in a folder you can write to.");
            }
            if (!corpus.vocabulary().equals(model.vocabulary())) {
                throw new IllegalArgumentException("The text's characters are not the model's: a model trains on the text"
                        + " it was built for (its vocabulary), or one read with that vocabulary.");
            }
            steering.check(validationFraction, dataParallel != null);
            if (samples != null && dataParallel != null) {
                throw new IllegalArgumentException("Samples every N steps come from the built-in training loop; data-parallel"
                        + " training (workers, Spark) prints samples only at the end.");
            }
            if (samples != null && samples.every() < 1) {
                throw new IllegalArgumentException("Samples are printed every N steps with N at least 1, got "
                        + samples.every() + ".");
            }
            TrainingOptions.builder().epochs(epochs != null ? epochs : 1).maxSteps(maxSteps).reportEvery(reportEvery)
                    .validateEvery(validateEvery).checkpointEvery(checkpointEvery).build();   // checks the rest
            return new Settings(batchSize, validationFraction, validationByFile, mode, epochs, maxSteps, reportEvery,
                    validateEvery, checkpointEvery, modelFile, forGeneration, resumeSource, List.copyOf(listeners), notes,
                    dataParallel, steering, samples);
        }
    }
}
