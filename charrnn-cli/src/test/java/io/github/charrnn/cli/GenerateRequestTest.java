package io.github.charrnn.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateRequestTest {

    @Test
    void readsEveryFieldAndLeavesAbsentOrNullOnesUnset() {
        GenerateRequest request = parse("{\"prime\": \"The \", \"length\": 200, \"top_k\": 5, \"temperature\": 0.8,"
                + " \"seed\": -3, \"count\": 2, \"stop_at\": \"\\n\\n\", \"greedy\": false}");
        assertEquals(new GenerateRequest("The ", 200L, 5L, 0.8, -3L, 2L, "\n\n", false), request);
        assertEquals(new GenerateRequest(null, null, null, null, null, null, null, null), parse(""));
        assertEquals(new GenerateRequest(null, null, null, null, null, null, null, null), parse("{}"));
        assertEquals(new GenerateRequest("a", null, null, null, null, null, null, true),
                parse("{\"prime\": \"a\", \"length\": null, \"greedy\": true}"));
        assertEquals(1.0, parse("{\"temperature\": 1}").temperature());   // a whole number is a number
        assertEquals(new GenerateRequest(null, null, null, null, null, null, null, null, 0.9, 4L, 0L, "skip"),
                parse("{\"top_p\": 0.9, \"best_of\": 4, \"beam\": 0, \"unknown\": \"skip\"}"));
    }

    @Test
    void refusesWhatIsNotARequestNamingTheProblem() {
        assertRefused("not json", "The request body is not valid JSON (line 1, column");
        assertRefused("{\"prime\": \"a\"} {}", "The request body is not valid JSON");
        assertRefused("{\"prime\": \"a\", \"prime\": \"b\"}", "The request body is not valid JSON");
        assertRefused("[1, 2]", "The request body must be a JSON object such as {\"prime\": \"The \", \"length\": 200}, not an array.");
        assertRefused("\"text\"", "The request body must be a JSON object such as {\"prime\": \"The \", \"length\": 200}, not a string (\"text\").");
        assertRefused("{\"temp\": 1}", "Unknown field \"temp\"; the fields are prime, length, top_k, temperature, seed, count, stop_at, greedy,"
                + " top_p, best_of, beam, unknown.");
        assertRefused("{\"top_p\": \"0.9\"}", "Field \"top_p\" must be a number, not a string (\"0.9\").");
        assertRefused("{\"best_of\": 1.5}", "Field \"best_of\" must be a whole number, not a number (1.5).");
        assertRefused("{\"beam\": true}", "Field \"beam\" must be a whole number, not a boolean (true).");
        assertRefused("{\"unknown\": 1}", "Field \"unknown\" must be a string, not a whole number (1).");
        assertRefused("{\"prime\": 3}", "Field \"prime\" must be a string, not a whole number (3).");
        assertRefused("{\"length\": 2.5}", "Field \"length\" must be a whole number, not a number (2.5).");
        assertRefused("{\"length\": \"200\"}", "Field \"length\" must be a whole number, not a string (\"200\").");
        assertRefused("{\"length\": 99999999999999999999}", "Field \"length\" is too large a number; use one that fits in 64 bits.");
        assertRefused("{\"temperature\": true}", "Field \"temperature\" must be a number, not a boolean (true).");
        assertRefused("{\"greedy\": \"yes\"}", "Field \"greedy\" must be true or false, not a string (\"yes\").");
        assertRefused("{\"stop_at\": {\"a\": 1}}", "Field \"stop_at\" must be a string, not an object.");
    }

    private static void assertRefused(String body, String messageStart) {
        RequestRefused refused = assertThrows(RequestRefused.class, () -> parse(body), body);
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().startsWith(messageStart), refused.getMessage());
    }

    private static GenerateRequest parse(String body) {
        return GenerateRequest.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
