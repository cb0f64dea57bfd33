package io.github.charrnn.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each example's whole run (its bundled text, training, saving, loading, generating) on a tiny budget. */
class ExamplesTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    /** The example's settings with a tiny network and 30 steps (flags in {@code more} override them): a few seconds. */
    private ExampleSettings tiny(ExampleSettings defaults, String name, String... more) {
        String[] small = {"--hidden", "32", "--layers", "1", "--batch", "32", "--seq", "20", "--steps", "30", "--lr", "0.01",
                "--length", "60", "--model", dir.resolve(name + ".zip").toString()};
        return defaults.withArguments(Stream.concat(Stream.of(small), Stream.of(more)).toArray(String[]::new));
    }

    private void assertTrainedAndSaved(ExampleOutcome outcome, String name) {
        TrainedModel trained = outcome.trained();
        assertTrue(trained.report().steps() >= 20, "steps: " + trained.report().steps());
        assertTrue(trained.report().trainLoss() < trained.firstTrainLoss() - 0.3,
                "loss fell from " + trained.firstTrainLoss() + " to " + trained.report().trainLoss());
        assertTrue(Double.isFinite(trained.report().validationLoss()));
        assertTrue(Files.isRegularFile(dir.resolve(name + ".zip")));
        String log = printed.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("train loss") && log.contains("validation loss"), log);
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    @Test
    void datingProfilesStartWithThePrimeAndEndBeforeABlankLine() {
        ExampleOutcome outcome = DatingProfiles.run(tiny(DatingProfiles.DEFAULTS, "dating", "--count", "3"), out);
        assertTrainedAndSaved(outcome, "dating");
        assertEquals(3, outcome.texts().size());
        for (String profile : outcome.texts()) {
            assertTrue(profile.startsWith("I'm looking for"), profile);
            assertFalse(profile.contains("\n\n"), profile);
            assertTrue(codePoints(profile) <= "I'm looking for".length() + 60, profile);
        }
        String log = printed.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("480 profiles"), log);   // the statistics come first
        assertTrue(log.indexOf("the 15 most common") < log.indexOf("train loss"), log);
    }

    @Test
    void aProfileEndsWhereTheNextParagraphBegins() {
        assertEquals("I'm looking for you.", DatingProfiles.firstParagraph("I'm looking for you.\n\nHi, I'm Sam"));
        assertEquals("I'm looking for a\ndog", DatingProfiles.firstParagraph("I'm looking for a\ndog"));
    }

    @Test
    void poemsStartWithChristmas() {
        ExampleOutcome outcome = PoemWriter.run(tiny(PoemWriter.DEFAULTS, "poems"), out);
        assertTrainedAndSaved(outcome, "poems");
        assertEquals(2, outcome.texts().size());
        outcome.texts().forEach(poem -> assertTrue(poem.startsWith("christmas") && poem.length() == "christmas".length() + 60, poem));
    }

    @Test
    void novelPagesStartWithEachPrime() {
        ExampleOutcome outcome = NovelWriter.run(tiny(NovelWriter.DEFAULTS, "novel"), out);
        assertTrainedAndSaved(outcome, "novel");
        assertEquals(2, outcome.texts().size());
        assertTrue(outcome.texts().get(0).startsWith("Elizabeth"));
        assertTrue(outcome.texts().get(1).startsWith("Mr. Darcy said"));
    }

    @Test
    void chineseIsGreedyThenSampledForEachPrime() {
        // 2,579 one-hot inputs and outputs make each row costly (and each validation): fewer rows and steps
        ExampleOutcome outcome = ChineseLyrics.run(tiny(ChineseLyrics.DEFAULTS, "chinese", "--batch", "8", "--steps", "20"), out);
        assertTrainedAndSaved(outcome, "chinese");
        List<String> texts = outcome.texts();
        assertEquals(6, texts.size());   // 分开, 春, 明月: one greedy and one sampled each
        List<String> primes = List.of("分开", "分开", "春", "春", "明月", "明月");
        for (int i = 0; i < texts.size(); i++) {
            assertTrue(texts.get(i).startsWith(primes.get(i)), texts.get(i));
            assertEquals(codePoints(primes.get(i)) + 60, codePoints(texts.get(i)), texts.get(i));
        }
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("perplexity"));
    }

    @Test
    void aPrimeTheTextCannotReadIsRefusedBeforeTraining() {
        ExampleSettings settings = tiny(PoemWriter.DEFAULTS, "refused", "--prime", "Ωmega");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoemWriter.run(settings, out));
        assertTrue(e.getMessage().contains("'Ω'"), e.getMessage());
        assertFalse(printed.toString(StandardCharsets.UTF_8).contains("train loss"));
    }

    @Test
    void flagsChangeTheDefaults() {
        ExampleSettings settings = NovelWriter.DEFAULTS.withArguments("--steps", "5000", "--prime", "Anna", "--prime",
                "And Levin said", "anna.txt");
        assertEquals(5000, settings.steps());
        assertEquals(List.of("Anna", "And Levin said"), settings.primes());
        assertEquals(Path.of("anna.txt"), settings.text());
        assertEquals(NovelWriter.DEFAULTS.hiddenSize(), settings.hiddenSize());
        assertEquals(Path.of("examples-out", "novel.zip"), settings.modelFile());
    }

    @Test
    void everyFlagSetsItsValue() {
        ExampleSettings settings = PoemWriter.DEFAULTS.withArguments("--text", "poems.txt", "--steps", "7", "--hidden", "64",
                "--layers", "3", "--dropout", "0.25", "--lr", "0.02", "--batch", "8", "--seq", "30", "--prime", "snow",
                "--count", "4", "--length", "90", "--seed", "-3", "--model", "out/p.zip");
        assertEquals(ExampleSettings.builder("p").text(Path.of("poems.txt")).steps(7).hiddenSize(64).layers(3).dropout(0.25)
                .learningRate(0.02).batchSize(8).sequenceLength(30).primes("snow").count(4).length(90).seed(-3)
                .modelFile(Path.of("out", "p.zip")).build(), settings);
    }

    @Test
    void flagsApplyInTheirOrderAndTheFirstPrimeReplacesTheExamples() {
        assertEquals(Path.of("b.txt"), PoemWriter.DEFAULTS.withArguments("a.txt", "--text", "b.txt").text());
        assertEquals(Path.of("a.txt"), PoemWriter.DEFAULTS.withArguments("--text", "b.txt", "a.txt").text());
        assertEquals(9, PoemWriter.DEFAULTS.withArguments("--steps", "5", "--steps", "9").steps());
        assertEquals(List.of("a", "-b", "--steps"), ChineseLyrics.DEFAULTS.withArguments("--prime", "a", "--steps", "5",
                "--prime", "-b", "--prime", "--steps").primes());
        assertEquals(List.of("分开", "春", "明月"), ChineseLyrics.DEFAULTS.withArguments("--steps", "5").primes());
    }

    @Test
    void aBadFlagOrValueIsOneSentence() {
        assertRefused("Unknown option: '--stepz'; did you mean --steps?", "--stepz", "5");
        assertRefused("Invalid value for option '--steps': 'many' is not a long", "--steps", "many");
        assertRefused("Missing required parameter for option '--steps' (N)", "--steps");
        assertRefused("--steps must be at least 1, got 0.", "--steps", "0");
        assertRefused("--count must be at least 1, got 0.", "--count", "0");
        assertRefused("--prime needs at least one character.", "--prime", "");
        assertRefused("Unmatched argument at index 1: 'b.txt'", "a.txt", "b.txt");
    }

    private static void assertRefused(String message, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NovelWriter.DEFAULTS.withArguments(args));
        assertEquals(message, e.getMessage());
    }

    @Test
    void eachExampleStatesItsOwnSettingsOverTheSmallRun() {
        // the settings docs/examples/*.md ran with: each example sets every value, so the small run's (SmallRun) can
        // change without changing an example's output
        assertEquals("text (bundled), 2 x 192 LSTM, dropout 0.1, lr 0.008, batch 32, seq 50, 500 steps, primes [I'm looking for],"
                + " 5 texts of 400 characters, seed 7, model examples-out/dating-profiles.zip", DatingProfiles.DEFAULTS.toString());
        assertEquals("text (bundled), 2 x 192 LSTM, dropout 0.1, lr 0.008, batch 32, seq 50, 500 steps, primes [christmas],"
                + " 2 texts of 400 characters, seed 3, model examples-out/poems.zip", PoemWriter.DEFAULTS.toString());
        assertEquals("text (bundled), 2 x 192 LSTM, dropout 0.1, lr 0.008, batch 32, seq 50, 500 steps, primes [Elizabeth,"
                + " Mr. Darcy said], 1 texts of 500 characters, seed 5, model examples-out/novel.zip", NovelWriter.DEFAULTS.toString());
        assertEquals("text (bundled), 1 x 256 LSTM, dropout 0.5, lr 0.004, batch 16, seq 35, 300 steps, primes [分开, 春, 明月],"
                + " 1 texts of 50 characters, seed 11, model examples-out/chinese-lyrics.zip", ChineseLyrics.DEFAULTS.toString());
    }
}
