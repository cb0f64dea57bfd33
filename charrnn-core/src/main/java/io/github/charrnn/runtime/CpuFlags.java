package io.github.charrnn.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instruction-set flags of this machine's CPU as Linux lists them in {@code /proc/cpuinfo} (for example
 * {@code avx2}, {@code fma}, {@code avx512f}); empty where that file does not exist.
 *
 * @param model the CPU's model name, or "unknown CPU"
 * @param flags the flags of the first processor listed
 */
public record CpuFlags(String model, Set<String> flags) {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    /** Copies the flags so that the record stays immutable. */
    public CpuFlags {
        flags = Set.copyOf(flags);
    }

    /** This machine's flags; none where {@code /proc/cpuinfo} cannot be read (not Linux, or unreadable). */
    public static CpuFlags ofThisMachine() {
        if (!Files.isReadable(CPUINFO)) {
            return new CpuFlags("unknown CPU", Set.of());
        }
        try {
            return parse(Files.readAllLines(CPUINFO, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new CpuFlags("unknown CPU", Set.of());   // then OpenBLAS keeps its own choice
        }
    }

    /** The model name and flags of the first processor in the lines of a {@code /proc/cpuinfo}. */
    static CpuFlags parse(List<String> cpuinfo) {
        String model = "unknown CPU";
        Set<String> flags = new TreeSet<>();
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("model name") && model.equals("unknown CPU")) {
                model = value;
            } else if (key.equals("flags") && flags.isEmpty()) {
                flags.addAll(Arrays.asList(value.split("\\s+")));
            }
        }
        return new CpuFlags(model, flags);
    }

    /** True if every one of {@code names} is among the flags. */
    public boolean hasAll(String... names) {
        return flags.containsAll(Arrays.asList(names));
    }
}
