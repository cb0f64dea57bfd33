package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The body of a {@code POST /score}, as sent (absent fields null). {@link #parse} checks the JSON's shape;
 * {@link ScoreService} checks the values.
 */
record ScoreRequest(String text, String prime, String unknown, Boolean perChar) {

    /** The fields a request may have, in the order the documentation lists them. */
    static final List<String> FIELDS = List.of("text", "prime", "unknown", "per_char");

    /** @throws RequestRefused (400) naming what is wrong: not JSON, not an object, an unknown field, a wrong type */
    static ScoreRequest parse(byte[] body) {
        JsonNode root = RequestJson.object(body, FIELDS, "{\"text\": \"The cat sat.\"}");
        if (root == null) {
            return new ScoreRequest(null, null, null, null);
        }
        return new ScoreRequest(RequestJson.text(root, "text"), RequestJson.text(root, "prime"),
                RequestJson.text(root, "unknown"), RequestJson.bool(root, "per_char"));
    }
}
