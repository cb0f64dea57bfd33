package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

import static io.github.charrnn.cli.RequestJson.bool;
import static io.github.charrnn.cli.RequestJson.number;
import static io.github.charrnn.cli.RequestJson.text;
import static io.github.charrnn.cli.RequestJson.whole;

/**
 * The body of a {@code POST /generate}, as sent: every field may be absent (or null), which leaves it to the
 * defaults. {@link #parse} checks only the JSON's shape (an object, known fields, each of the right type);
 * {@link GenerationService} checks the values.
 */
record GenerateRequest(String prime, Long length, Long topK, Double temperature, Long seed, Long count, String stopAt,
                       Boolean greedy, Double topP, Long bestOf, Long beam, String unknown) {

    /** The fields a request may have, in the order the documentation lists them. */
    static final List<String> FIELDS = List.of("prime", "length", "top_k", "temperature", "seed", "count", "stop_at", "greedy",
            "top_p", "best_of", "beam", "unknown");

    /** A request without top_p, best_of, beam and unknown. */
    GenerateRequest(String prime, Long length, Long topK, Double temperature, Long seed, Long count, String stopAt,
                    Boolean greedy) {
        this(prime, length, topK, temperature, seed, count, stopAt, greedy, null, null, null, null);
    }

    /**
     * Reads a request body (UTF-8 JSON; an empty body is {@code {}}).
     *
     * @throws RequestRefused (400) naming what is wrong: not JSON, not an object, an unknown field, a wrong type
     */
    static GenerateRequest parse(byte[] body) {
        JsonNode root = RequestJson.object(body, FIELDS, "{\"prime\": \"The \", \"length\": 200}");
        if (root == null) {
            return new GenerateRequest(null, null, null, null, null, null, null, null);
        }
        return new GenerateRequest(text(root, "prime"), whole(root, "length"), whole(root, "top_k"),
                number(root, "temperature"), whole(root, "seed"), whole(root, "count"), text(root, "stop_at"),
                bool(root, "greedy"), number(root, "top_p"), whole(root, "best_of"), whole(root, "beam"),
                text(root, "unknown"));
    }
}
