package io.github.charrnn.cli;

import java.util.Locale;
import java.util.Map;

/**
 * The one sentence the CLI prints when a command runs out of memory: what ran out (the Java heap, or the memory
 * ND4J allocates outside it) and which of the command's flags lowers the need; and a cheap check that refuses
 * sizes that cannot fit before any work starts.
 */
final class OutOfMemory {

    /** Per command, the flags that lower its memory need. */
    private static final Map<String, String> FLAGS = Map.of(
            "train", "a smaller --batch, --seq or --hidden (or --streams of fewer texts)",
            "sample", "a smaller --length or --count (or a smaller --corpus for --max-copy)",
            "eval", "a smaller --batch or --seq",
            "serve", "a smaller --max-length or --max-count",
            "bench", "a smaller --hidden, --batch, --streams or --stream-length",
            "stats", "a smaller --text (or --corpus)",
            "info", "no flag (the model itself is too large for this heap)",
            "plot", "no flag (the log itself is too large for this heap)");

    private OutOfMemory() {
    }

    /** The sentence for {@code error} met by {@code command} (null or unknown: a general hint). */
    static String describe(String command, OutOfMemoryError error) {
        String message = String.valueOf(error.getMessage());
        String what = message.contains("Physical bytes") || message.contains("Cannot allocate") || message.contains("Direct buffer")
                ? "ND4J's memory outside the Java heap (-Dorg.bytedeco.javacpp.maxbytes, by default the -Xmx size)"
                : "the Java heap (" + heapSize() + ")";
        String flags = FLAGS.getOrDefault(command, "smaller sizes");
        return (command == null ? "charrnn" : command) + " ran out of memory: " + what + " is used up; use " + flags
                + ", or give Java more memory (JAVA_OPTS=\"-Xmx8g\").";
    }

    /**
     * The sentence for the first OutOfMemoryError among {@code e}'s causes, or for ND4J's native allocation failure
     * (a RuntimeException saying "Allocation failed" or "bad_alloc"); null if there is neither.
     */
    static String describeCause(String command, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return describe(command, oom);
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("bad_alloc") || message.startsWith("Allocation failed")) {
                return describe(command, new OutOfMemoryError("Cannot allocate: " + message));
            }
        }
        return null;
    }

    /**
     * Refuses to train a network whose weights, gradients and Adam's two moments (16 bytes a parameter, counting
     * only the recurrent layers' own weights, before the text's vocabulary is known) cannot fit the memory ND4J
     * may allocate.
     */
    static void requireNetworkFits(int layers, int hidden, io.github.charrnn.model.CellType cell) {
        long h = hidden;
        long gates = cell == io.github.charrnn.model.CellType.LSTM ? 4 : 1;
        double parameters = (double) layers * gates * h * (h + 1);
        double needed = parameters * 16;
        long max = org.bytedeco.javacpp.Pointer.maxBytes() > 0 ? org.bytedeco.javacpp.Pointer.maxBytes() : Runtime.getRuntime().maxMemory();
        if (needed > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "A network of %d x %d %s units has at least %,.0f parameters, and training it needs at least %s"
                            + " (weights, gradients and Adam's two moments), more than the %s ND4J may allocate here;"
                            + " use a smaller --hidden or --layers, or give Java more memory (JAVA_OPTS=\"-Xmx8g\").",
                    layers, h, cell, parameters, size(needed), size(max)));
        }
    }

    /**
     * Refuses {@code texts} texts of {@code characters} characters each when holding them (a builder and the final
     * string, two bytes per character at least) cannot fit this JVM's heap.
     */
    static void requireTextsFit(long texts, long characters, String flags) {
        long max = Runtime.getRuntime().maxMemory();
        double needed = 2.0 * texts * characters * 2;
        if (needed > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d text%s of %,d characters need at least %s of memory, more than this JVM's %s heap; lower %s"
                            + " or give Java more memory (JAVA_OPTS=\"-Xmx8g\").",
                    texts, texts == 1 ? "" : "s", characters, size(needed), size(max), flags));
        }
    }

    private static String heapSize() {
        return "-Xmx " + size(Runtime.getRuntime().maxMemory());
    }

    private static String size(double bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (1L << 30))
                : String.format(Locale.ROOT, "%d MB", (long) (bytes / (1 << 20)));
    }
}
