package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.charrnn.CharRnn;
import io.github.charrnn.generation.GeneratedText;
import io.github.charrnn.generation.Generation;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.novelty.CopyGuard;
import io.github.charrnn.novelty.CopyIndex;
import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerationServiceTest {

    private static final CharRnn MODEL = CharRnn.builder().vocabulary(Vocabulary.of("abc \n")).hiddenSize(6).layers(1).seed(3).build();
    private static final GenerationService SERVICE = new GenerationService(MODEL, new ServeLimits(1000, 50, 3));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEmptyRequestGetsTheDefaultsWithinTheServersLimits() throws IOException {
        JsonNode answer = answer("");
        assertEquals("\n", answer.get("prime").textValue());   // the vocabulary has a newline
        assertEquals(50, answer.get("length").longValue());    // 500 by default, but this server allows 50
        assertEquals(5, answer.get("top_k").longValue());
        assertEquals(1.0, answer.get("temperature").doubleValue());
        assertFalse(answer.get("greedy").booleanValue());
        assertEquals(1, answer.get("count").longValue());
        assertTrue(answer.get("stop_at").isNull());
        long seed = answer.get("seed").longValue();
        assertTrue(seed >= 0 && seed < (1L << 53), "a random seed JavaScript holds exactly: " + seed);
        assertEquals(1, answer.get("texts").size());
        assertEquals(51, answer.get("texts").get(0).textValue().length());   // the prime and 50 characters
    }

    @Test
    void theTextsAreTheModelsForTheGivenSettingsPrimeIncluded() throws IOException {
        JsonNode answer = answer("{\"prime\": \"ab\", \"length\": 20, \"top_k\": 3, \"temperature\": 0.7, \"seed\": 11, \"count\": 2}");
        SamplingOptions options = SamplingOptions.builder().length(20).topK(3).temperature(0.7).seed(11).build();
        List<String> expected = MODEL.generate("ab", 2, options);
        assertEquals("ab" + expected.get(0), answer.get("texts").get(0).textValue());
        assertEquals("ab" + expected.get(1), answer.get("texts").get(1).textValue());
        assertEquals(answer, answer("{\"prime\": \"ab\", \"length\": 20, \"top_k\": 3, \"temperature\": 0.7, \"seed\": 11, \"count\": 2}"));
        // greedy ignores top_k, even one larger than the vocabulary
        JsonNode greedy = answer("{\"prime\": \"a\", \"length\": 5, \"greedy\": true, \"top_k\": 99}");
        assertEquals("a" + MODEL.generate("a", SamplingOptions.builder().length(5).greedy(true).build()),
                greedy.get("texts").get(0).textValue());
    }

    @Test
    void requestsPastTheLimitsAre413AndInvalidOnes400() {
        assertRefused(413, "{\"length\": 51}", "length 51 is past this server's limit of 50 characters per text (charrnn serve --max-length).");
        assertRefused(413, "{\"count\": 4}", "count 4 is past this server's limit of 3 texts per request (charrnn serve --max-count).");
        assertRefused(400, "{\"count\": 0}", "count must be at least 1, got 0.");
        assertRefused(400, "{\"prime\": \"\"}", "prime needs at least one character (leave it out for the model's default).");
        assertRefused(400, "{\"stop_at\": \"\"}", "stop_at needs at least one character (leave it out to keep whole texts).");
        assertRefused(400, "{\"top_k\": 6}", "top_k 6 is larger than the model's vocabulary of 5 characters; use 1 to 5, or 0 for all.");
        assertRefused(400, "{\"temperature\": 0}", "temperature must be a finite number greater than 0, got 0.0.");
        assertRefused(400, "{\"length\": 0}", "length must be at least 1, got 0.");
        RequestRefused unknown = assertThrows(RequestRefused.class, () -> SERVICE.generate(bytes("{\"prime\": \"xyz\"}")));
        assertEquals(400, unknown.status());
        assertEquals("prime has 3 characters that the model's vocabulary does not contain: 'x' (U+0078), 'y' (U+0079),"
                + " 'z' (U+007A); leave them out with \"unknown\": \"skip\", or read them as a character the model knows"
                + " with \"unknown\": \"replace:C\".", unknown.getMessage());
    }

    @Test
    void topPAndUnknownReachTheTextsAndAreEchoed() throws IOException {
        JsonNode nucleus = answer("{\"prime\": \"ab\", \"length\": 30, \"top_k\": 0, \"top_p\": 0.6, \"seed\": 2}");
        SamplingOptions options = SamplingOptions.builder().length(30).topK(0).topP(0.6).seed(2).build();
        assertEquals("ab" + MODEL.generate("ab", options), nucleus.get("texts").get(0).textValue());
        assertEquals(0.6, nucleus.get("top_p").doubleValue());
        assertEquals("error", nucleus.get("unknown").textValue());

        JsonNode skipped = answer("{\"prime\": \"axyb\", \"length\": 10, \"seed\": 2, \"unknown\": \"skip\"}");
        assertEquals("ab", skipped.get("prime").textValue(), "the prime as the model read it");
        assertEquals(2, skipped.get("unknown_chars").intValue());
        assertEquals("skip", skipped.get("unknown").textValue());
        assertEquals("ab" + MODEL.generate("ab", SamplingOptions.builder().length(10).seed(2).build()),
                skipped.get("texts").get(0).textValue());
        JsonNode replaced = answer("{\"prime\": \"axb\", \"length\": 10, \"seed\": 2, \"unknown\": \"replace:c\"}");
        assertEquals("acb", replaced.get("prime").textValue());
        assertTrue(replaced.get("texts").get(0).textValue().startsWith("acb"));
    }

    @Test
    void newFieldsAreRefusedInOneSentenceNamingTheField() {
        assertRefused(400, "{\"top_p\": 0}", "top_p must be above 0 and at most 1 (1 keeps every character), got 0.0.");
        assertRefused(400, "{\"top_p\": 1.5}", "top_p must be above 0 and at most 1 (1 keeps every character), got 1.5.");
        assertRefused(400, "{\"best_of\": 0}", "best_of must be at least 1 (1 keeps the one sample), got 0.");
        assertRefused(400, "{\"beam\": -1}", "beam must be at least 1 (or 0 to sample), got -1.");
        assertRefused(400, "{\"beam\": 2, \"best_of\": 2}", "best_of and beam cannot be combined: beam search is"
                + " deterministic and keeps its own candidates; use one of them.");
        assertRefused(400, "{\"beam\": 2, \"count\": 3}", "count 3 is more than beam 2: a beam search of width 2 gives at most 2 texts.");
        assertRefused(413, "{\"best_of\": 30, \"count\": 3}", "count × best_of = 90 candidates is past this server's 64 streams at"
                + " once (charrnn serve --max-streams).");
        assertRefused(413, "{\"best_of\": 99999999999}", "count × best_of = more than 64 candidates is past this server's 64"
                + " streams at once (charrnn serve --max-streams).");
        assertRefused(413, "{\"beam\": 65}", "beam 65 is past this server's limit of 64 (charrnn serve --max-streams).");
        assertRefused(400, "{\"unknown\": \"drop\"}", "unknown must be \"error\", \"skip\" or \"replace:C\" with one character C"
                + " (\\n, \\t and \\s stand for a newline, a tab and a space), got \"drop\".");
        assertRefused(400, "{\"prime\": \"xy\", \"unknown\": \"skip\"}", "prime has no character the model knows once its 2"
                + " unknown ones are left out; give at least one character the model was trained on.");
        RequestRefused replacement = assertThrows(RequestRefused.class,
                () -> SERVICE.generate(bytes("{\"prime\": \"ax\", \"unknown\": \"replace:z\"}")));
        assertTrue(replacement.getMessage().contains("is not in the model's vocabulary either"), replacement.getMessage());
    }

    @Test
    void bestOfAnswersTheCandidateWithTheHighestMeanLogProbability() throws IOException {
        JsonNode best = answer("{\"prime\": \"ab\", \"length\": 25, \"best_of\": 4, \"seed\": 7}");
        // the four candidates: the same batch of four streams, seeds 7 to 10
        Generation candidates = MODEL.generateTexts("ab", 4, SamplingOptions.builder().length(25).seed(7).build());
        GeneratedText likeliest = candidates.texts().stream()
                .max(java.util.Comparator.comparingDouble(GeneratedText::meanLogProbability)).orElseThrow();
        assertEquals("ab" + likeliest.text(), best.get("texts").get(0).textValue());
        assertEquals(likeliest.meanLogProbability(), best.get("mean_log_probabilities").get(0).doubleValue(), 1e-12);
        assertEquals(4, best.get("best_of").intValue());

        JsonNode beam = answer("{\"prime\": \"ab\", \"length\": 12, \"beam\": 3, \"count\": 2}");
        List<String> beams = MODEL.generateTexts("ab", 2, SamplingOptions.builder().length(12).beam(3).build()).strings();
        assertEquals("ab" + beams.get(0), beam.get("texts").get(0).textValue());
        assertEquals("ab" + beams.get(1), beam.get("texts").get(1).textValue());
    }

    @Test
    void theCopyGuardReportsOrRedrawsCopies() throws IOException {
        SamplingOptions options = SamplingOptions.builder().length(40).seed(5).build();
        String planted = MODEL.generate("ab", options);   // the corpus holds exactly the text seed 5 draws
        String greedy = MODEL.generate("ab", SamplingOptions.builder().length(40).greedy(true).build());
        CopyIndex corpus = CopyIndex.of("ab" + planted + "\n" + "ab" + greedy);
        GenerationService reporting = new GenerationService(MODEL, new ServeLimits(1000, 50, 3),
                new ServeCopyGuard(new CopyGuard(corpus, 10, 1), false));
        JsonNode reported = JSON.readTree(reporting.generate(bytes("{\"prime\": \"ab\", \"length\": 40, \"seed\": 5}")));
        assertEquals("ab" + planted, reported.get("texts").get(0).textValue());
        assertEquals(42, reported.get("longest_copy").get(0).intValue(), "the prime's copy runs into the text");

        GenerationService rejecting = new GenerationService(MODEL, new ServeLimits(1000, 50, 3),
                new ServeCopyGuard(new CopyGuard(corpus, 10, 5), true));
        JsonNode redrawn = JSON.readTree(rejecting.generate(bytes("{\"prime\": \"ab\", \"length\": 40, \"seed\": 5}")));
        assertNotEquals("ab" + planted, redrawn.get("texts").get(0).textValue());
        assertTrue(redrawn.get("longest_copy").get(0).intValue() <= 10, redrawn.toString());
        assertTrue(redrawn.get("copy_tries").get(0).intValue() >= 2, redrawn.toString());

        GenerationService strict = new GenerationService(MODEL, new ServeLimits(1000, 50, 3),
                new ServeCopyGuard(new CopyGuard(corpus, 10, 2), true));
        RequestRefused refused = assertThrows(RequestRefused.class,
                () -> strict.generate(bytes("{\"prime\": \"ab\", \"length\": 40, \"greedy\": true}")));
        assertEquals(422, refused.status());   // greedy draws the planted greedy text every time
        assertTrue(refused.getMessage().startsWith("After 2 draws text 1 still copies 42 consecutive characters of the corpus"),
                refused.getMessage());
    }

    private static void assertRefused(int status, String body, String message) {
        RequestRefused refused = assertThrows(RequestRefused.class, () -> SERVICE.generate(bytes(body)), body);
        assertEquals(status, refused.status(), body);
        assertEquals(message, refused.getMessage(), body);
    }

    private static JsonNode answer(String body) throws IOException {
        return JSON.readTree(SERVICE.generate(bytes(body)));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
