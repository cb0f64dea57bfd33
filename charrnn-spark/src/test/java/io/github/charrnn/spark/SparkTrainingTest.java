package io.github.charrnn.spark;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.cluster.ClusterPlan;
import io.github.charrnn.datavec.cluster.ClusterSession;
import io.github.charrnn.datavec.cluster.ClusterTrainer;
import io.github.charrnn.datavec.corpus.CorpusException;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.model.InputEncoding;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.TrainingProgress;
import io.github.charrnn.training.TrainingReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark local[2]: two executor threads in this JVM, each training a copy of a tiny network. */
class SparkTrainingTest {

    private static final String VERSE = "twinkle twinkle little star, how I wonder what you are. ";

    private static ClusterSession spark;

    @BeforeAll
    static void startSpark() {
        spark = ClusterTrainer.find().connect("local[2]");
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    @Test
    void theServiceLoaderFindsSpark() {
        assertInstanceOf(SparkCluster.class, spark);
        assertTrue(spark.describe().contains("local[2]"), spark.describe());
    }

    /** One-hot and embedding input: the embedding network's preprocessor and layer must survive Spark's copies. */
    @ParameterizedTest
    @EnumSource(InputEncoding.class)
    void aTinyNetworkLearnsOnTwoExecutorsAndItsZipLoadsAndGenerates(InputEncoding input, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("verse.txt");
        Files.writeString(file, VERSE.repeat(12));   // 672 characters
        TextCorpus corpus = spark.read(file.toString(), null);
        assertEquals(VERSE.repeat(12).length(), corpus.length());
        CharRnn model = CharRnn.builder().vocabulary(corpus.vocabulary()).hiddenSize(16).layers(1).dropout(0)
                .input(input).embeddingSize(8).learningRate(0.03).sequenceLength(10).seed(3).build();
        double before = model.evaluate(VERSE.repeat(2)).loss();
        List<TrainingProgress> reports = new ArrayList<>();
        TrainingOptions options = TrainingOptions.builder().epochs(6).reportEvery(12).validateEvery(24).build();
        // 8 rows of 70 training characters: 7 windows a row, blocks of 2 windows
        ClusterPlan plan = new ClusterPlan(8, 10, 2, 0.15, 1, options);

        TrainingReport report = model.fit(spark.training(corpus, plan), reports::add);

        double after = model.evaluate(VERSE.repeat(2)).loss();
        assertTrue(after < 0.7 * before, "loss on the verse before " + before + ", after " + after);
        assertTrue(report.validationLoss() < before, "validation loss " + report.validationLoss() + " from " + before);
        assertTrue(Double.isFinite(report.trainLoss()) && report.trainLoss() < before, "train loss " + report.trainLoss());
        assertEquals(6 * 7, report.steps(), "each of the 7 windows of each epoch is one step");
        assertEquals(report.steps() * 8 * 10, report.characters());
        assertTrue(reports.stream().anyMatch(TrainingProgress::validated));

        Path zip = dir.resolve("spark.zip");
        model.save(zip);
        CharRnn loaded = CharRnn.load(zip);
        assertEquals(report.steps(), loaded.trainingSummary().steps());
        assertEquals(input, loaded.config().input());
        assertNull(loaded.trainingPosition(), "a Spark run is not resumed as a checkpoint");
        assertEquals(after, loaded.evaluate(VERSE.repeat(2)).loss(), 1e-5);
        String text = loaded.generate("twinkle ", SamplingOptions.builder().length(30).topK(3).seed(1).build());
        assertEquals(30, text.length());
    }

    @Test
    void aMissingTextIsOneSentence(@TempDir Path dir) {
        CorpusException missing = assertThrows(CorpusException.class, () -> spark.read(dir.resolve("none.txt").toString(), null));
        assertTrue(missing.getMessage().startsWith("Spark could not read ") && missing.getMessage().contains("does not exist"),
                missing.getMessage());
    }

    @Test
    void refusesCheckpointsAndTooShortTexts() {
        TextCorpus corpus = TextCorpus.of("short", VERSE);
        TrainingOptions checkpoints = TrainingOptions.builder().checkpointEvery(5).build();
        assertThrows(IllegalArgumentException.class, () -> spark.training(corpus, new ClusterPlan(2, 10, 1, 0.1, 1, checkpoints)));
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> spark.training(corpus, new ClusterPlan(64, 10, 1, 0.1, 1, TrainingOptions.builder().build())));
        assertTrue(tooShort.getMessage().contains("fewer than one mini-batch"), tooShort.getMessage());
    }
}
