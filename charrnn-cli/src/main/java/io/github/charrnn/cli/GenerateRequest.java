package io.github.charrnn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The body of a {@code POST /generate}, as sent: every field may be absent (or null), which leaves it to the
 * defaults. {@link #parse} checks only the JSON's shape (an object, known fields, each of the right type);
 * {@link GenerationService} checks the values.
 */
record GenerateRequest(String prime, Long length, Long topK, Double temperature, Long seed, Long count, String stopAt,
                       Boolean greedy) {

    /** The fields a request may have, in the order the documentation lists them. */
    static final List<String> FIELDS = List.of("prime", "length", "top_k", "temperature", "seed", "count", "stop_at", "greedy");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Reads a request body (UTF-8 JSON; an empty body is {@code {}}).
     *
     * @throws RequestRefused (400) naming what is wrong: not JSON, not an object, an unknown field, a wrong type
     */
    static GenerateRequest parse(byte[] body) {
        JsonNode root = readTree(body);
        if (root.isMissingNode()) {
            return new GenerateRequest(null, null, null, null, null, null, null, null);
        }
        if (!root.isObject()) {
            throw RequestRefused.badRequest("The request body must be a JSON object such as {\"prime\": \"The \", \"length\": 200}, not "
                    + describe(root) + ".");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!FIELDS.contains(name)) {
                throw RequestRefused.badRequest("Unknown field \"" + name + "\"; the fields are " + String.join(", ", FIELDS) + ".");
            }
        }
        return new GenerateRequest(text(root, "prime"), whole(root, "length"), whole(root, "top_k"),
                number(root, "temperature"), whole(root, "seed"), whole(root, "count"), text(root, "stop_at"),
                bool(root, "greedy"));
    }

    private static JsonNode readTree(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            String problem = e.getOriginalMessage().replaceAll("\\s+", " ").strip();
            throw RequestRefused.badRequest("The request body is not valid JSON" + where + ": " + problem
                    + (problem.endsWith(".") ? "" : "."));
        } catch (IOException e) {
            throw RequestRefused.badRequest("The request body could not be read: " + e.getMessage());
        }
    }

    private static JsonNode field(JsonNode root, String name) {
        JsonNode node = root.get(name);
        return node == null || node.isNull() ? null : node;
    }

    private static String text(JsonNode root, String name) {
        JsonNode node = field(root, name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(name, "a string", node);
        }
        return node.textValue();
    }

    private static Long whole(JsonNode root, String name) {
        JsonNode node = field(root, name);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw wrongType(name, "a whole number", node);
        }
        if (!node.canConvertToLong()) {
            throw RequestRefused.badRequest("Field \"" + name + "\" is too large a number; use one that fits in 64 bits.");
        }
        return node.longValue();
    }

    private static Double number(JsonNode root, String name) {
        JsonNode node = field(root, name);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw wrongType(name, "a number", node);
        }
        return node.doubleValue();
    }

    private static Boolean bool(JsonNode root, String name) {
        JsonNode node = field(root, name);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw wrongType(name, "true or false", node);
        }
        return node.booleanValue();
    }

    private static RequestRefused wrongType(String name, String expected, JsonNode got) {
        return RequestRefused.badRequest("Field \"" + name + "\" must be " + expected + ", not " + describe(got) + ".");
    }

    /** A JSON value for messages: its kind, and the value itself when short. */
    private static String describe(JsonNode node) {
        String kind = node.isTextual() ? "a string" : node.isIntegralNumber() ? "a whole number" : node.isNumber() ? "a number"
                : node.isBoolean() ? "a boolean" : node.isArray() ? "an array" : node.isObject() ? "an object" : "null";
        String value = node.toString();
        return node.isContainerNode() || value.length() > 40 ? kind : kind + " (" + value + ")";
    }
}
