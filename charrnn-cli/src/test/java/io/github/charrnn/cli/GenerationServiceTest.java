package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.charrnn.CharRnn;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertTrue(unknown.getMessage().startsWith("prime has characters the model's vocabulary does not contain: "),
                unknown.getMessage());
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
