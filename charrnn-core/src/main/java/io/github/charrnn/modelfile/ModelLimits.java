package io.github.charrnn.modelfile;

import org.bytedeco.javacpp.Pointer;

import java.util.Locale;

/**
 * The most bytes one array of a model file (the weights, or the optimizer state) may take, whatever the file says:
 * the system property {@value #PROPERTY} (bytes, or with a k, m or g suffix) if set, else the memory ND4J may
 * allocate outside the Java heap (JavaCPP's {@code maxBytes}, by default the JVM's maximum heap), at most 2 GB.
 * A model needing more is refused in one sentence before anything of that size is read or allocated.
 */
public final class ModelLimits {

    /** The system property that sets the limit. */
    public static final String PROPERTY = "charrnn.maxModelBytes";

    private static final long TWO_GB = (1L << 31) - (1L << 20);

    private ModelLimits() {
    }

    /** The limit in bytes now (the property is read on every call). */
    public static long maxArrayBytes() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            long offHeap = Pointer.maxBytes() > 0 ? Pointer.maxBytes() : Runtime.getRuntime().maxMemory();
            return Math.min(offHeap, TWO_GB);
        }
        return Math.min(parse(value.trim()), TWO_GB);
    }

    private static long parse(String value) {
        String digits = value.toLowerCase(Locale.ROOT);
        long unit = switch (digits.charAt(digits.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        if (unit > 1) {
            digits = digits.substring(0, digits.length() - 1);
        }
        try {
            long bytes = Math.multiplyExact(Long.parseLong(digits), unit);
            if (bytes > 0) {
                return bytes;
            }
        } catch (ArithmeticException | NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + PROPERTY + " must be a positive number of bytes (k, m or g allowed), got \""
                + value + "\".");
    }

    /** {@code bytes} for people: "1.2 GB", "340 MB", "12 KB". */
    static String describe(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MB";
        }
        return Math.max(1, bytes >> 10) + " KB";
    }
}
