package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.charrnn.cli.CommandLineTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.charrnn.cli.CommandLineTest.assertOneLineError;
import static io.github.charrnn.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sample --prime-file, --max-copy and out-of-memory sizes; stats --corpus. */
class SafetyFlagsTest {

    @TempDir
    static Path dir;
    static Path model;
    static Path corpus;

    @BeforeAll
    static void trainATinyModel() throws Exception {
        Run train = CommandLineTest.trainTinyModel(dir);
        assertEquals(0, train.exitCode(), train.err());
        model = dir.resolve("tiny.zip");
        corpus = dir.resolve("profiles.txt");
    }

    @Test
    void aPrimeFileOfSeveralLinesIsThePrime() throws Exception {
        Path prime = Files.writeString(dir.resolve("prime.txt"), "I'm looking for\nsomeone who ");
        Run sample = run("sample", "--model", model.toString(), "--prime-file", prime.toString(), "--length", "20", "--seed", "1", "--json");
        assertEquals(0, sample.exitCode(), sample.err());
        String text = sample.lastLineJson().get("text").asText();
        assertTrue(text.startsWith("I'm looking for\nsomeone who "), text);
        assertEquals("I'm looking for\nsomeone who ".length() + 20, text.length());
    }

    @Test
    void aMissingEmptyOrDoublyGivenPrimeFileIsOneSentence() throws Exception {
        assertOneLineError(run("sample", "--model", model.toString(), "--prime-file", dir.resolve("none.txt").toString()),
                "There is no prime file");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        assertOneLineError(run("sample", "--model", model.toString(), "--prime-file", empty.toString()), "is empty");
        assertOneLineError(run("sample", "--model", model.toString(), "--prime-file", dir.toString()), "is a folder");
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[]{'a', (byte) 0xE9, 'b'});
        assertOneLineError(run("sample", "--model", model.toString(), "--prime-file", latin1.toString()), "is not UTF-8 text");
        assertOneLineError(run("sample", "--model", model.toString(), "--prime-file", latin1.toString(), "--prime", "I"),
                "Give --prime or --prime-file, not both.");
    }

    @Test
    void textsThatCannotFitTheHeapAreRefusedInOneSentence() {
        assertOneLineError(run("sample", "--model", model.toString(), "--count", "4", "--length", "1000000000"),
                "4 texts of 1,000,000,000 characters need at least");
    }

    @Test
    void outOfMemoryIsOneSentenceNamingTheFlags() {
        String heap = OutOfMemory.describe("sample", new OutOfMemoryError("Java heap space"));
        assertTrue(heap.startsWith("sample ran out of memory: the Java heap (-Xmx ") && heap.contains("--length or --count")
                && !heap.contains("\n") && heap.endsWith("."), heap);
        String native_ = OutOfMemory.describe("train", new OutOfMemoryError("Cannot allocate new LongPointer(2): totalBytes = 1, physicalBytes = 2"));
        assertTrue(native_.contains("ND4J's memory outside the Java heap") && native_.contains("--batch"), native_);
        assertEquals(heap, ErrorMessages.describe("sample", new RuntimeException("wrapped", new OutOfMemoryError("Java heap space"))));
        assertTrue(ErrorMessages.describe("train", new RuntimeException("Allocation failed: [std::bad_alloc]"))
                .startsWith("train ran out of memory: ND4J's memory outside the Java heap"));
        assertOneLineError(run("train", "--hidden", "100000", "--steps", "1", "--model", dir.resolve("huge.zip").toString()),
                "A network of 2 x 100000 LSTM units has at least");
    }

    /** A corpus with a sample's generated part planted in it: reported, rejected, or drawn again. */
    @Test
    void maxCopyReportsRejectsAndRedrawsAPlantedCopy() throws Exception {
        String[] greedy = {"sample", "--model", model.toString(), "--prime", "I'm", "--length", "60", "--seed", "2", "--top-k", "1"};
        String planted = plantedCorpus(greedy, "planted.txt");
        Run report = run(concat(greedy, "--max-copy", "5", "--corpus", planted, "--max-copy-action", "report", "--json"));
        assertEquals(0, report.exitCode(), report.err());
        assertEquals(60, report.lastLineJson().get("longest_copy").asInt(), report.out());
        assertTrue(report.err().contains("copies 60 consecutive characters of the corpus, more than --max-copy 5"), report.err());
        // greedy sampling draws the same text with every seed: still copying after the last try
        assertOneLineError(run(concat(greedy, "--max-copy", "5", "--corpus", planted, "--max-copy-tries", "2")),
                "After 2 draws the text still copies 60 consecutive characters of the corpus");

        String[] free = {"sample", "--model", model.toString(), "--prime", "I'm", "--length", "60", "--seed", "2", "--top-k", "0"};
        String plantedFree = plantedCorpus(free, "planted-free.txt");
        Run redrawn = run(concat(free, "--max-copy", "20", "--corpus", plantedFree, "--json"));
        assertEquals(0, redrawn.exitCode(), redrawn.err());
        JsonNode json = redrawn.lastLineJson();
        assertTrue(json.get("copy_tries").asInt() >= 2 && json.get("longest_copy").asInt() <= 20, redrawn.out());
        assertTrue(redrawn.err().contains("to copy at most 20 corpus characters"), redrawn.err());

        assertOneLineError(run(concat(greedy, "--max-copy", "5")), "--max-copy and --corpus go together");
        assertOneLineError(run(concat(greedy, "--max-copy", "5", "--corpus", dir.resolve("nothing").toString())),
                "is neither a file, a folder nor a bundled text");
        assertOneLineError(run(concat(greedy, "--max-copy", "5", "--corpus", planted, "--max-copy-action", "warn")),
                "--max-copy-action must be reject or report");
        assertOneLineError(run(concat(greedy, "--max-copy", "5", "--corpus", planted, "--stream")), "cannot be combined with --stream");
    }

    /** A corpus file holding the generated part of what {@code sample} prints, between unrelated lines. */
    private static String plantedCorpus(String[] sample, String name) throws Exception {
        Run unguarded = run(concat(sample, "--json"));
        assertEquals(0, unguarded.exitCode(), unguarded.err());
        String generated = unguarded.lastLineJson().get("text").asText().substring("I'm".length());
        return Files.writeString(dir.resolve(name), "Nothing like it here.\n" + generated + "\nNor here.\n").toString();
    }

    @Test
    void statsReportsTheLongestCopyOfACorpus() throws Exception {
        Path sample = Files.writeString(dir.resolve("sample.txt"), "xx someone who loves dogs, travel qq");
        Run stats = run("stats", "--text", sample.toString(), "--corpus", corpus.toString(), "--json");
        assertEquals(0, stats.exitCode(), stats.err());
        JsonNode copy = stats.lastLineJson().get("longest_copy");
        assertEquals(" someone who loves dogs, travel ", copy.get("text").asText());
        assertEquals(2, copy.get("start").asInt());
        Run plain = run("stats", "--text", sample.toString(), "--corpus", corpus.toString());
        assertTrue(plain.out().contains("longest copy of " + corpus + ": 32 characters at character 2"), plain.out());
        assertFalse(plain.out().contains("Exception"));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
