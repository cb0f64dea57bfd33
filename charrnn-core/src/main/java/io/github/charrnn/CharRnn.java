package io.github.charrnn;

import io.github.charrnn.batching.CharBatchSource;
import io.github.charrnn.evaluation.EvaluationResult;
import io.github.charrnn.evaluation.Evaluator;
import io.github.charrnn.evaluation.ScoredText;
import io.github.charrnn.evaluation.TextScore;
import io.github.charrnn.generation.Generation;
import io.github.charrnn.generation.Generator;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.generation.StreamBatch;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.InputEncoding;
import io.github.charrnn.model.NetworkFactory;
import io.github.charrnn.model.NetworkLayout;
import io.github.charrnn.model.VocabularyGrowth;
import io.github.charrnn.modelfile.ModelFile;
import io.github.charrnn.modelfile.ModelMetadata;
import io.github.charrnn.modelfile.Provenance;
import io.github.charrnn.modelfile.TrainingSummary;
import io.github.charrnn.runtime.BlasKernel;
import io.github.charrnn.runtime.NativeThreads;
import io.github.charrnn.training.CheckpointListener;
import io.github.charrnn.training.DataParallelTraining;
import io.github.charrnn.training.EarlyStopping;
import io.github.charrnn.training.LearningRateSchedule;
import io.github.charrnn.training.ProgressListener;
import io.github.charrnn.training.Trainer;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingPosition;
import io.github.charrnn.training.TrainingReport;
import io.github.charrnn.vocabulary.KnownText;
import io.github.charrnn.vocabulary.UnknownCharacters;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * A character-level recurrent network: stacked LSTM (or tanh RNN) layers over one-hot or embedded characters
 * ({@link InputEncoding}) and a softmax output layer, backed by a DL4J {@link MultiLayerNetwork}. Both encodings
 * take the same one-hot batches and behave the same through this API.
 *
 * <pre>{@code
 * CharRnn model = CharRnn.builder().vocabulary(Vocabulary.of(text)).hiddenSize(512).layers(2).dropout(0.5).build();
 * model.fit(trainBatches, validationBatches, TrainingOptions.builder().epochs(20).build());
 * model.save(Path.of("model.zip"));
 * String text = CharRnn.load(Path.of("model.zip")).generate("Anna", SamplingOptions.builder().topK(5).build());
 * }</pre>
 *
 * <p>Thread safety: an instance may be shared between threads. Any number of {@code generate} calls (and
 * {@code save}) run at once, each generation with its own recurrent state and random numbers, so a seed gives
 * the same text whether or not other threads generate meanwhile. {@code fit}, {@code evaluate},
 * {@code nextCharacterProbabilities} and {@code describeCorpus} run alone: they wait for running calls to finish
 * and hold the others off while they run.
 *
 * <p>Native threads: the first model made or loaded sets ND4J's own operations to one thread and its BLAS matrix
 * products to every core, process-wide ({@link NativeThreads} says why and how to keep ND4J's settings instead).
 */
public final class CharRnn {

    static {
        BlasKernel.chooseOrWarn();   // before anything here loads ND4J (and OpenBLAS with it)
    }


    private final Vocabulary vocabulary;
    private final CharRnnConfig config;
    private final MultiLayerNetwork network;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile TrainingSummary training;
    private volatile Generator generator;   // holds a copy of the weights for fast generation; dropped when training
    private volatile TrainingPosition position;   // where training stopped, for resuming; null if never trained
    private volatile LearningRateSchedule schedule;   // of the last run; null: the configured rate throughout
    private volatile EarlyStopping earlyStopping;     // of the last run; null: none

    private CharRnn(Vocabulary vocabulary, CharRnnConfig config, MultiLayerNetwork network, TrainingSummary training) {
        this.vocabulary = vocabulary;
        this.config = config;
        this.network = network;
        this.training = training;
        NativeThreads.apply();
    }

    /** A builder of a new, untrained model with the articles' defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads a model file written by {@link #save(Path)}, ready to generate and to continue training (its
     * {@link #trainingPosition()} resumes the run). Any file may be given: a missing, damaged, foreign or hostile
     * one ends in the exception below, never in a half-loaded model (docs/reliability.md lists the cases).
     *
     * @throws io.github.charrnn.modelfile.ModelFileException naming the file and what is wrong with it
     */
    public static CharRnn load(Path path) {
        return fromContents(ModelFile.read(path));
    }

    /**
     * Loads a model file without its optimizer state: quicker, for generating and evaluating. Training such a
     * model starts Adam's moment estimates afresh.
     *
     * @throws io.github.charrnn.modelfile.ModelFileException naming the file and what is wrong with it
     */
    public static CharRnn loadForGeneration(Path path) {
        return fromContents(ModelFile.read(path, false));
    }

    /**
     * Loads a model file from a stream, for example a classpath resource; the stream is not closed.
     *
     * @throws io.github.charrnn.modelfile.ModelFileException if the bytes are not a readable model file
     */
    public static CharRnn load(InputStream in) {
        return fromContents(ModelFile.read(in, "stream"));
    }

    private static CharRnn fromContents(ModelFile.Contents contents) {
        ModelMetadata m = contents.metadata();
        CharRnn model = new CharRnn(m.vocabulary(), m.config(), contents.network(), m.training());
        model.position = m.position();
        model.schedule = m.schedule();
        model.earlyStopping = m.earlyStopping();
        return model;
    }

    /**
     * Where training stood when this model was last trained or saved (epoch, mini-batch, random state), to
     * continue it with {@link TrainingOptions.Builder#resumeFrom}; null for a model never trained.
     */
    public TrainingPosition trainingPosition() {
        return position;
    }

    /**
     * The learning-rate schedule of the run that trained this model last (saved with it, continued by a resumed
     * run); null where that run kept the configured rate throughout.
     */
    public LearningRateSchedule learningRateSchedule() {
        return schedule;
    }

    /** Where early stopping stood when this model was last trained or saved; null for a run without it. */
    public EarlyStopping earlyStopping() {
        return earlyStopping;
    }

    /** The symbols this model reads and writes. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The hyperparameters. */
    public CharRnnConfig config() {
        return config;
    }

    /** How far the model has been trained. */
    public TrainingSummary trainingSummary() {
        return training;
    }

    /**
     * The underlying DL4J network. Using it directly bypasses this object's lock: do not use it while another
     * thread trains, generates or evaluates with this model. Single-stream generation works on a copy of the
     * weights taken at the first generation after {@code fit}; change the weights only through {@code fit}.
     */
    public MultiLayerNetwork network() {
        return network;
    }

    /**
     * Trains on mini-batches of one-hot [batch, vocabulary, time] features and labels (labels = features shifted
     * by one character). Mini-batches spanning several sequence-length windows carry the recurrent state across
     * those windows (see {@link Trainer}).
     *
     * @param train       training mini-batches
     * @param validation  validation mini-batches, or null
     * @param options     epochs, step limit, report and validation intervals
     * @param listeners   told of progress every {@code options.reportEvery()} steps and after each validation
     * @throws io.github.charrnn.training.TrainingDivergedException if the loss becomes NaN or infinite
     */
    public TrainingReport fit(DataSetIterator train, DataSetIterator validation, TrainingOptions options,
                              ProgressListener... listeners) {
        return fitWithCheckpoints(train, validation, options, null, listeners);
    }

    /**
     * As {@link #fit(DataSetIterator, DataSetIterator, TrainingOptions, ProgressListener...)}, telling
     * {@code checkpoints} (may be null) when a checkpoint is due: every {@code options.checkpointEvery()} steps and
     * after each new best validation loss. While it runs, this model's training summary and position are those of
     * the checkpoint, so {@link #save(Path)} called from it writes a file that resumes exactly. To resume, load that
     * file and train with {@code options.resumeFrom(model.trainingPosition())} on fresh iterators over the same data.
     */
    public TrainingReport fitWithCheckpoints(DataSetIterator train, DataSetIterator validation, TrainingOptions options,
                                             CheckpointListener checkpoints, ProgressListener... listeners) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        if (train instanceof CharBatchSource source && source.sequenceLength() > 0
                && source.sequenceLength() != config.sequenceLength()) {
            throw new IllegalArgumentException("The training mini-batches are cut into windows of " + source.sequenceLength()
                    + " characters, but the model's sequence length is " + config.sequenceLength() + "; cut them with"
                    + " model.config().sequenceLength().");
        }
        return exclusively(() -> {
            generator = null;
            TrainingSummary before = training;
            Trainer trainer = new Trainer(network, config.sequenceLength(), config.gradientClip());
            schedule = options.steering().schedule();
            earlyStopping = options.steering().earlyStopping();
            CheckpointListener updating = checkpoints == null ? null : checkpoint -> {
                training = new TrainingSummary(checkpoint.totalSteps(), before.epochs() + checkpoint.position().epoch()
                        - (options.resumeFrom() == null ? 0 : options.resumeFrom().epoch()),
                        before.charactersTrained(), checkpoint.trainLoss(), checkpoint.validationLoss(), before.corpus());
                position = checkpoint.position();
                earlyStopping = trainer.earlyStopping();
                generator = null;
                checkpoints.onCheckpoint(checkpoint);
            };
            TrainingReport report = trainer.fit(train, validation, options, before.steps(), List.of(listeners), updating);
            training = summaryAfter(before, report);
            position = report.position();
            earlyStopping = trainer.earlyStopping();
            if (earlyStopping != null && earlyStopping.stopped()) {
                // the run is over: the weights are the best validation's (or the last step's), not those of the position
                position = null;
                if (trainer.bestRestored()) {
                    training = new TrainingSummary(training.steps(), training.epochs(), training.charactersTrained(),
                            training.trainLoss(), earlyStopping.bestLoss(), training.corpus());
                }
            }
            return report;
        });
    }

    /**
     * Trains with several workers at once ({@link io.github.charrnn.training.parallel.ParallelWrapperTraining} in
     * this JVM, or charrnn-spark's trainer on a Spark cluster) instead of the built-in loop. The training summary is
     * brought up to date as by {@code fit}; the model records no training position afterwards, so such a run is not
     * resumed as a checkpoint (train it further with a new run instead).
     *
     * @throws io.github.charrnn.training.TrainingDivergedException if the loss becomes NaN or infinite
     */
    public TrainingReport fit(DataParallelTraining training, ProgressListener... listeners) {
        Objects.requireNonNull(training, "training");
        return exclusively(() -> {
            generator = null;
            TrainingSummary before = this.training;
            position = null;
            schedule = null;
            earlyStopping = null;
            TrainingReport report = training.train(network, config, before.steps(), List.of(listeners));
            this.training = summaryAfter(before, report);
            return report;
        });
    }

    /** The summary after a run: its figures added to the earlier ones. */
    private static TrainingSummary summaryAfter(TrainingSummary before, TrainingReport report) {
        return new TrainingSummary(report.totalSteps(), before.epochs() + report.epochs(),
                before.charactersTrained() + report.characters(), report.trainLoss(),
                Double.isNaN(report.validationLoss()) ? before.validationLoss() : report.validationLoss(),
                before.corpus());
    }

    /** Records a description of the training text (for example its file name and size) in the model's summary. */
    public void describeCorpus(String corpus) {
        exclusively(() -> {
            training = new TrainingSummary(training.steps(), training.epochs(), training.charactersTrained(),
                    training.trainLoss(), training.validationLoss(), corpus);
            return null;
        });
    }

    /**
     * Generates text after {@code prime}: the prime runs through the network first, then each character is
     * sampled as {@code options} say (with top-k, top-p and temperature, up to the stop text; or the best of N
     * samples, or a beam search). Returns the generated characters without the prime.
     *
     * @throws IllegalArgumentException if the prime is empty
     * @throws io.github.charrnn.vocabulary.UnknownCharactersException naming prime characters not in the vocabulary
     */
    public String generate(String prime, SamplingOptions options) {
        return generate(prime, options, codePoint -> { });
    }

    /** As {@link #generate(String, SamplingOptions)}, handing each code point to {@code onCharacter} as it comes. */
    public String generate(String prime, SamplingOptions options, IntConsumer onCharacter) {
        return shared(() -> generator().generate(prime, options, onCharacter));
    }

    /**
     * Generates {@code count} independent texts after the same prime, all in one batch (one forward pass per
     * step for all of them); text i uses seed {@code options.seed() + i}. Returns the generated characters of
     * each, without the prime. With best-of-N or beam search as {@link #generateTexts} says.
     */
    public List<String> generate(String prime, int count, SamplingOptions options) {
        return shared(() -> generator().generate(prime, count, options));
    }

    /**
     * Generates {@code count} texts after {@code prime} as {@code options} say (sampling, best-of-N or beam search;
     * see {@link Generator#generateTexts}), each with its log-probability under the model, and the prime as read
     * after its unknown characters were handled. The call a server makes per request.
     *
     * @throws IllegalArgumentException if the prime is empty, or count is below 1 or above the beam width
     * @throws io.github.charrnn.vocabulary.UnknownCharactersException naming prime characters not in the
     *                                                                  vocabulary, if the options refuse them
     */
    public Generation generateTexts(String prime, int count, SamplingOptions options) {
        return shared(() -> generator().generateTexts(prime, count, options));
    }

    /**
     * How likely the model finds {@code text}, character by character: the text is read as one stream from a zero
     * state after {@code prime}, or, when the prime is null or empty, its first character is the prime (not
     * scored). Runs on the forward pass that {@link #evaluate(String)} uses.
     *
     * @param unknown what to do with characters the model does not know, in prime and text
     * @throws IllegalArgumentException if nothing is left to score
     * @throws io.github.charrnn.vocabulary.UnknownCharactersException naming unknown characters, with
     *                                                                  {@link UnknownCharacters#ERROR}
     */
    public ScoredText score(String prime, String text, UnknownCharacters unknown) {
        KnownText primeRead = prime == null || prime.isEmpty() ? null : unknown.encode(vocabulary, prime);
        KnownText textRead = unknown.encode(vocabulary, text);
        int[] primeIds = primeRead == null ? new int[0] : primeRead.ids();
        int[] textIds = textRead.ids();
        int from = primeRead == null ? 1 : primeIds.length;
        if (primeRead != null && primeIds.length == 0) {
            throw new IllegalArgumentException("The prime has no character the model knows: all "
                    + primeRead.unknownCharacters() + " were skipped as unknown.");
        }
        if (textIds.length < (primeRead == null ? 2 : 1)) {
            throw new IllegalArgumentException(primeRead == null
                    ? "A text to score needs at least 2 characters the model knows (the first is the prime), got " + textIds.length + "."
                    : "The text to score has no character the model knows" + (text.isEmpty() ? "; it is empty." : "."));
        }
        int[] ids = new int[primeIds.length + textIds.length];
        System.arraycopy(primeIds, 0, ids, 0, primeIds.length);
        System.arraycopy(textIds, 0, ids, primeIds.length, textIds.length);
        TextScore score = exclusively(() -> new Evaluator(network).score(ids, from, vocabulary.size()));
        String read = textRead.text();
        int split = primeRead == null ? read.offsetByCodePoints(0, 1) : 0;
        int unknownCount = textRead.unknownCharacters() + (primeRead == null ? 0 : primeRead.unknownCharacters());
        return new ScoredText(primeRead == null ? read.substring(0, split) : primeRead.text(), read.substring(split),
                unknownCount, score);
    }

    /**
     * An empty batch of {@code capacity} rows in which generation streams join and leave between steps
     * (continuous batching, as {@code charrnn serve} uses it). It holds a copy of the weights taken now: make a new
     * one after training. One thread drives it.
     */
    public StreamBatch streamBatch(int capacity) {
        return shared(() -> generator().streamBatch(capacity));
    }

    /** The model's probability of every vocabulary symbol (by id) following {@code context}. */
    public float[] nextCharacterProbabilities(String context) {
        return exclusively(() -> generator().nextCharacterProbabilities(context));
    }

    private Generator generator() {
        Generator current = generator;
        if (current == null) {
            synchronized (this) {
                current = generator;
                if (current == null) {
                    current = new Generator(network, vocabulary, config);
                    generator = current;
                }
            }
        }
        return current;
    }

    /** Runs {@code work} alongside other shared calls, while no exclusive call runs. */
    private <T> T shared(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code work} alone. */
    private <T> T exclusively(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Mean loss, perplexity and bits per character on mini-batches (state carried between the mini-batches of a
     * {@link io.github.charrnn.batching.CharBatchSource#consecutive() consecutive} source). LSTM models are evaluated
     * with the training's forward pass, at about three times the training's speed ({@link Evaluator}).
     */
    public EvaluationResult evaluate(DataSetIterator batches) {
        return exclusively(() -> Evaluator.evaluate(network, batches));
    }

    /**
     * Mean loss, perplexity and bits per character on one text, read as a single stream.
     *
     * @throws io.github.charrnn.vocabulary.UnknownCharactersException naming characters not in the vocabulary
     */
    public EvaluationResult evaluate(String text) {
        return exclusively(() -> Evaluator.evaluate(network, vocabulary.encode(text), vocabulary.size()));
    }

    /**
     * As {@link #evaluate(String)}, with the characters the model does not know left out or replaced as
     * {@code unknown} says ({@link #score} also tells how many there were).
     *
     * @throws io.github.charrnn.vocabulary.UnknownCharactersException naming them, with {@link UnknownCharacters#ERROR}
     */
    public EvaluationResult evaluate(String text, UnknownCharacters unknown) {
        int[] ids = unknown.encode(vocabulary, text).ids();
        return exclusively(() -> Evaluator.evaluate(network, ids, vocabulary.size()));
    }

    /**
     * Saves the model as one zip: DL4J's entries (loadable with {@code ModelSerializer.restoreMultiLayerNetwork})
     * and ours. An existing file at {@code path} is replaced only once the new one is complete.
     */
    public void save(Path path) {
        shared(() -> {
            ModelFile.write(path, network, new ModelMetadata(ModelFile.FORMAT_VERSION, vocabulary, config, training,
                    Provenance.now(), position, schedule, earlyStopping));
            return null;
        });
    }

    /**
     * Saves the model for generation only: without the optimizer's state and the training position, so the file
     * is about a third of {@link #save}'s (for shipping a model with an application). {@link #load} reads it;
     * training it further starts the optimizer afresh, and it cannot be resumed as a checkpoint.
     */
    public void saveForGeneration(Path path) {
        shared(() -> {
            ModelFile.write(path, network, new ModelMetadata(ModelFile.FORMAT_VERSION, vocabulary, config, training,
                    Provenance.now(), null, schedule, earlyStopping), false);
            return null;
        });
    }

    /**
     * A new model to fine-tune this one on a text whose characters are {@code text}: this model's weights, a fresh
     * step counter and training summary, and no training position, schedule or early stopping. Where the text has
     * characters this model lacks, the vocabulary grows ({@link VocabularyGrowth}: sorted, the old characters' weights
     * moved to their new ids, the new ones initialised as a fresh network's). {@code config} gives the training
     * hyperparameters (dropout, learning rate, clip, sequence length, seed), which may differ from this model's; its
     * architecture (layers, hidden size, cell, input, embedding size) must be this model's.
     *
     * @param keepOptimizerState  carry Adam's moments and step count over instead of starting them afresh; only for
     *                            a text without new characters, and a model loaded with its optimizer state
     * @throws IllegalArgumentException naming what does not fit, in one sentence
     */
    public CharRnn fineTuned(Vocabulary text, CharRnnConfig config, boolean keepOptimizerState) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(config, "config");
        if (config.layers() != this.config.layers() || config.hiddenSize() != this.config.hiddenSize()
                || config.cellType() != this.config.cellType() || config.input() != this.config.input()
                || (config.embedded() && config.embeddingSize() != this.config.embeddingSize())) {
            throw new IllegalArgumentException("Fine-tuning keeps the model's architecture (" + this.config.layers() + " x "
                    + this.config.hiddenSize() + " " + this.config.cellType() + ", " + this.config.input() + " input"
                    + (this.config.embedded() ? " of " + this.config.embeddingSize() : "") + "); the layers, hidden size,"
                    + " cell, input and embedding size cannot change.");
        }
        return shared(() -> {
            VocabularyGrowth growth = new VocabularyGrowth(vocabulary, VocabularyGrowth.union(vocabulary, text));
            INDArray state = network.getUpdater() == null ? null : network.getUpdater().getStateViewArray();
            if (keepOptimizerState && !growth.added().isEmpty()) {
                throw new IllegalArgumentException("The optimizer state can be kept only for a text without new characters;"
                        + " this one adds " + growth.added().size() + " (" + Vocabulary.describe(growth.added()) + ").");
            }
            if (keepOptimizerState && state == null) {
                throw new IllegalArgumentException("The model holds no optimizer state to keep (it was saved for generation"
                        + " only); fine-tune it with a fresh optimizer.");
            }
            MultiLayerNetwork grown = NetworkFactory.create(growth.vocabulary().size(), config);
            growth.copy(network, grown, NetworkLayout.of(config).output());
            if (keepOptimizerState) {
                grown.getUpdater().getStateViewArray().assign(state);
                grown.setIterationCount(network.getIterationCount());
                grown.setEpochCount(network.getEpochCount());
            }
            return new CharRnn(growth.vocabulary(), config, grown, TrainingSummary.UNTRAINED);
        });
    }

    @Override
    public String toString() {
        return "CharRnn[" + config.layers() + "x" + config.hiddenSize() + " " + config.cellType()
                + (config.embedded() ? ", embedding " + config.embeddingSize() : "") + ", vocabulary " + vocabulary.size() + ", " + network.numParams() + " parameters, " + training.steps() + " steps]";
    }

    /**
     * Builds a new model. Defaults are the articles': hidden size 512, 2 layers, dropout 0.5, Adam learning rate
     * 0.001, global gradient clip 5, sequence length 100, LSTM cells. The vocabulary is required. Every value is
     * checked by {@link #build()}.
     */
    public static final class Builder {
        private Vocabulary vocabulary;
        private int hiddenSize = CharRnnConfig.DEFAULTS.hiddenSize();
        private int layers = CharRnnConfig.DEFAULTS.layers();
        private double dropout = CharRnnConfig.DEFAULTS.dropout();
        private double learningRate = CharRnnConfig.DEFAULTS.learningRate();
        private double gradientClip = CharRnnConfig.DEFAULTS.gradientClip();
        private int sequenceLength = CharRnnConfig.DEFAULTS.sequenceLength();
        private long seed = CharRnnConfig.DEFAULTS.seed();
        private CellType cellType = CharRnnConfig.DEFAULTS.cellType();
        private InputEncoding input;   // null: chosen by vocabulary size
        private int embeddingSize = CharRnnConfig.DEFAULT_EMBEDDING_SIZE;

        private Builder() {
        }

        /** The symbols to model (required); build it from the whole corpus with {@link Vocabulary#of}. */
        public Builder vocabulary(Vocabulary vocabulary) {
            this.vocabulary = vocabulary;
            return this;
        }

        /** Units per recurrent layer, n_hidden (default 512). */
        public Builder hiddenSize(int hiddenSize) {
            this.hiddenSize = hiddenSize;
            return this;
        }

        /** Number of stacked recurrent layers, n_layers (default 2). */
        public Builder layers(int layers) {
            this.layers = layers;
            return this;
        }

        /** Dropout probability between recurrent layers and before the output layer, in [0, 1) (default 0.5). */
        public Builder dropout(double dropout) {
            this.dropout = dropout;
            return this;
        }

        /** Adam's learning rate (default 0.001). */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Clip the global L2 norm of all gradients to this value; 0 turns clipping off (default 5). */
        public Builder gradientClip(double gradientClip) {
            this.gradientClip = gradientClip;
            return this;
        }

        /** Truncated-BPTT length: characters per step, state detached in between (default 100). */
        public Builder sequenceLength(int sequenceLength) {
            this.sequenceLength = sequenceLength;
            return this;
        }

        /** Seed of weight initialisation and dropout (default 12345). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** LSTM (default) or plain tanh RNN cells. */
        public Builder cellType(CellType cellType) {
            this.cellType = cellType;
            return this;
        }

        /**
         * One-hot or embedded input to the first recurrent layer. By default vocabularies of more than
         * {@value InputEncoding#EMBEDDING_ABOVE} symbols are embedded, smaller ones one-hot.
         */
        public Builder input(InputEncoding input) {
            this.input = input;
            return this;
        }

        /** Values per embedded character, used with embedded input (default {@value CharRnnConfig#DEFAULT_EMBEDDING_SIZE}). */
        public Builder embeddingSize(int embeddingSize) {
            this.embeddingSize = embeddingSize;
            return this;
        }

        /** Starts from an existing configuration's values. */
        public Builder config(CharRnnConfig config) {
            return hiddenSize(config.hiddenSize()).layers(config.layers()).dropout(config.dropout())
                    .learningRate(config.learningRate()).gradientClip(config.gradientClip())
                    .sequenceLength(config.sequenceLength()).seed(config.seed()).cellType(config.cellType())
                    .input(config.input()).embeddingSize(config.embedded() ? config.embeddingSize() : embeddingSize);
        }

        /**
         * A new model with freshly initialised weights.
         *
         * @throws IllegalArgumentException naming the first invalid value and what is allowed
         */
        public CharRnn build() {
            if (vocabulary == null) {
                throw new IllegalArgumentException("vocabulary must be given; build it from the training text with Vocabulary.of(text).");
            }
            if (vocabulary.size() < 2) {
                throw new IllegalArgumentException("vocabulary must have at least 2 symbols to predict anything, got "
                        + vocabulary.size() + ".");
            }
            CharRnnConfig config = new CharRnnConfig(hiddenSize, layers, dropout, learningRate, gradientClip,
                    sequenceLength, seed, cellType, input == null ? InputEncoding.defaultFor(vocabulary.size()) : input,
                    embeddingSize);
            return new CharRnn(vocabulary, config, NetworkFactory.create(vocabulary.size(), config),
                    TrainingSummary.UNTRAINED);
        }
    }
}
