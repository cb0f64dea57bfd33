package io.github.charrnn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** The one-line JSON results of {@code --json}. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** A one-line JSON object of alternating keys and values, in that order. */
    static String object(Object... keysAndValues) {
        try {
            return MAPPER.writeValueAsString(fields(keysAndValues));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-line JSON object of the map's entries, in its order. */
    static String object(Map<String, Object> fields) {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Alternating keys and values as an ordered map, for an object inside another (non-finite numbers become null). */
    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value instanceof Double d && !Double.isFinite(d)) {
                value = null;   // JSON has no NaN
            }
            map.put((String) keysAndValues[i], value);
        }
        return map;
    }
}
