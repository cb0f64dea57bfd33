package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.charrnn.CharRnn;
import io.github.charrnn.generation.SamplingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The browser check of {@code serve}'s page: in headless Chromium a person's steps — type a prime, set length, texts
 * and seed, click Generate — and the texts must appear in the page, equal to what the model gives for that seed. Saves
 * a screenshot as target/serve-page.png. Skipped when no Chromium is installed; docs/check-page.sh runs it alone, on
 * a model of one's own if given (system property charrnn.page.model), else on a tiny one trained here.
 */
class PageInBrowserTest {

    private static final String PRIME = "I'm looking";
    private static final int LENGTH = 80;
    private static final int COUNT = 2;
    private static final long SEED = 7;

    @TempDir
    Path dir;

    @Test
    void typingAPrimeAndClickingGenerateShowsTheTexts() throws Exception {
        Path browser = HeadlessChromium.find();
        assumeTrue(browser != null, "No Chromium on this machine (apt-get install -y chromium, or set CHROMIUM=/path/to/it);"
                + " the browser check of serve's page is skipped.");
        Path model = modelToServe();
        String prime = System.getProperty("charrnn.page.prime", PRIME);
        RunningServe serve = RunningServe.start("--model", model.toString(), "--port", "0");
        try (HeadlessChromium page = HeadlessChromium.launch(browser, Files.createDirectories(dir.resolve("profile")))) {
            page.open(serve.url());
            page.type("#prime", prime);
            page.type("#length", String.valueOf(LENGTH));
            page.type("#count", String.valueOf(COUNT));
            page.type("#seed", String.valueOf(SEED));
            page.click("#generate");
            List<String> shown = waitForTexts(page);
            page.screenshot(Path.of("target", "serve-page.png"));

            SamplingOptions options = SamplingOptions.builder().length(LENGTH).topK(Samples.DEFAULT_TOP_K).seed(SEED).build();
            assertEquals(Samples.generate(CharRnn.loadForGeneration(model), prime, COUNT, options, null), shown,
                    "the page shows the model's texts for the typed prime, length, count and seed");
            assertEquals("", page.evaluate("document.querySelector('#error').textContent"));
        } finally {
            assertEquals(0, serve.stop());
        }
    }

    /** The model named by -Dcharrnn.page.model, else a tiny one trained now. */
    private Path modelToServe() throws Exception {
        String given = System.getProperty("charrnn.page.model");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        CommandLineTest.Run train = CommandLineTest.trainTinyModel(dir);
        assertEquals(0, train.exitCode(), train.err());
        return dir.resolve("tiny.zip");
    }

    /** The texts in #output once they are complete (they stream in; the status line names the seed when done). */
    private static List<String> waitForTexts(HeadlessChromium page) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode texts = new ObjectMapper().readTree(
                    page.evaluate("JSON.stringify([...document.querySelectorAll('#output pre')].map(p => p.textContent))"));
            String status = page.evaluate("document.querySelector('#status').textContent");
            if (texts.size() > 0 && status.contains("seed")) {
                List<String> shown = new ArrayList<>();
                texts.forEach(text -> shown.add(text.asText()));
                return shown;
            }
            String error = page.evaluate("document.querySelector('#error').textContent");
            assertTrue(error.isEmpty(), "the page shows an error: " + error);
            Thread.sleep(100);
        }
        throw new AssertionError("The texts were not complete in #output within 60 s of clicking Generate.");
    }
}
