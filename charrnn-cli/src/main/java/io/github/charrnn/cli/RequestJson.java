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
 * Reading the JSON body of a {@code charrnn serve} POST: one object of known fields, each of the right type; every
 * problem a {@link RequestRefused} (400) in one sentence. The values themselves are the services' to check.
 */
final class RequestJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RequestJson() {
    }

    /**
     * The body's object, or null for an empty body.
     *
     * @param fields  the fields the object may have, listed in the message about an unknown one
     * @param example a valid body, shown when the body is not an object
     */
    static JsonNode object(byte[] body, List<String> fields, String example) {
        JsonNode root = readTree(body);
        if (root.isMissingNode()) {
            return null;
        }
        if (!root.isObject()) {
            throw RequestRefused.badRequest("The request body must be a JSON object such as " + example + ", not "
                    + describe(root) + ".");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!fields.contains(name)) {
                throw RequestRefused.badRequest("Unknown field \"" + name + "\"; the fields are " + String.join(", ", fields) + ".");
            }
        }
        return root;
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

    /** A string field, or null when absent or null. */
    static String text(JsonNode root, String name) {
        JsonNode node = field(root, name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(name, "a string", node);
        }
        return node.textValue();
    }

    /** A whole-number field, or null when absent or null. */
    static Long whole(JsonNode root, String name) {
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

    /** A number field, or null when absent or null. */
    static Double number(JsonNode root, String name) {
        JsonNode node = field(root, name);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw wrongType(name, "a number", node);
        }
        return node.doubleValue();
    }

    /** A boolean field, or null when absent or null. */
    static Boolean bool(JsonNode root, String name) {
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
