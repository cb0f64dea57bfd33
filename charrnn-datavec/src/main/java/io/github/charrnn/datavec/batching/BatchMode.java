package io.github.charrnn.datavec.batching;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How mini-batches are cut from a text; both come from the articles. */
public enum BatchMode {
    /**
     * Batch rows are contiguous streams and each mini-batch continues where the previous one ended, so the
     * carried recurrent state means something (the articles' get_batches).
     */
    CONSECUTIVE,
    /** Each row is a window at a random place; the state starts from zero every mini-batch (data_iter_random). */
    RANDOM;

    /** Parses "consecutive" or "random" (any case). */
    public static BatchMode parse(String name) {
        for (BatchMode m : values()) {
            if (m.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown batch mode '" + name + "'; allowed: "
                + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ".");
    }
}
