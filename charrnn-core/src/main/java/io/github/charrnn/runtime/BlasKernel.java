package io.github.charrnn.runtime;

import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses which of OpenBLAS's CPU kernels ND4J's matrix products run on, from the CPU's own flags, before ND4J
 * loads OpenBLAS.
 *
 * <p>Why: ND4J 1.0.0-M2.1 bundles OpenBLAS 0.3.19, which picks its kernel once, when it loads, from the CPU's
 * identity or from the {@code OPENBLAS_CORETYPE} environment variable. It predates today's CPUs: on the AMD EPYC
 * (AVX-512) charrnn is measured on it picks its AVX2 kernel (and on others a generic one), its AVX-512 kernel
 * ({@code SkylakeX}) is up to twice as fast at the network's matrix products, and two of its kernels compute
 * wrong products or crash there (docs/performance.md). charrnn therefore reads the CPU's flags and sets
 * {@code OPENBLAS_CORETYPE} in the process's own environment, natively, before OpenBLAS loads: {@code SkylakeX}
 * where the CPU has AVX-512 (F, BW, DQ, VL, CD), {@code Haswell} where it has AVX2 and FMA, {@code Sandybridge}
 * where it has AVX, otherwise OpenBLAS's own choice. This overrides an {@code OPENBLAS_CORETYPE} inherited from
 * the shell.
 *
 * <p>Setting: the system property {@value #PROPERTY} or else the environment variable {@value #ENVIRONMENT}:
 * {@code auto} (the default, as above), {@code keep} (leave OpenBLAS's own choice, or the inherited
 * {@code OPENBLAS_CORETYPE}), or one of {@link #KERNELS}, which the CPU must support.
 *
 * <p>The library chooses when a {@code CharRnn} class is first used. An application that uses ND4J before that
 * has already loaded OpenBLAS: then nothing can be changed from inside the JVM, and charrnn logs one warning that
 * says what to set. Call {@link #choose()} first thing in {@code main} to be sure. Only on Linux x86-64; elsewhere
 * OpenBLAS keeps its own choice.
 */
public final class BlasKernel {

    /** System property with the setting: {@code auto}, {@code keep} or a kernel name. */
    public static final String PROPERTY = "charrnn.blasKernel";
    /** Environment variable with the setting, read when the system property is not set. */
    public static final String ENVIRONMENT = "CHARRNN_BLAS_KERNEL";
    /** OpenBLAS's own variable, read once when OpenBLAS loads. */
    static final String OPENBLAS_VARIABLE = "OPENBLAS_CORETYPE";

    /**
     * The kernels that may be named, fastest first, each with the CPU flags it needs. Only these: OpenBLAS 0.3.19
     * silently falls back to a kernel that computes wrong products on an unknown name (Cooperlake on an AVX-512
     * EPYC), and kernels built for other CPUs' instructions (Bulldozer, Excavator) crash the JVM.
     */
    public static final List<Kernel> KERNELS = List.of(
            new Kernel("SkylakeX", List.of("avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd")),
            new Kernel("Haswell", List.of("avx2", "fma")),
            new Kernel("Zen", List.of("avx2", "fma")),
            new Kernel("Sandybridge", List.of("avx")),
            new Kernel("Nehalem", List.of("sse4_2")),
            new Kernel("Core2", List.of("ssse3")),
            new Kernel("Prescott", List.of("sse3")));

    private static final Logger LOG = LoggerFactory.getLogger(BlasKernel.class);
    private static volatile Choice choice;

    private BlasKernel() {
    }

    /** One of OpenBLAS's kernels, by the name {@code OPENBLAS_CORETYPE} takes, and the CPU flags it needs. */
    public record Kernel(String name, List<String> requiredFlags) {

        /** Copies the flags so that the record stays immutable. */
        public Kernel {
            requiredFlags = List.copyOf(requiredFlags);
        }

        boolean runsOn(CpuFlags cpu) {
            return cpu.hasAll(requiredFlags.toArray(String[]::new));
        }
    }

    /**
     * What charrnn chose and why.
     *
     * @param library the BLAS library and its version
     * @param kernel  the kernel it runs: a name from {@link #KERNELS}, or what OpenBLAS was left to choose
     * @param reason  how the kernel was chosen
     * @param cpu     the CPU's model name
     */
    public record Choice(String library, String kernel, String reason, String cpu) {

        /** One line for logs and {@code bench}: library, kernel, reason and CPU. */
        public String describe() {
            return library + ", kernel " + kernel + " (" + reason + ") on " + cpu;
        }
    }

    /**
     * Chooses the kernel the first time it is called (later calls return the first choice); must run before ND4J
     * loads its native code to take effect. Throws IllegalArgumentException if the setting names a kernel that is
     * not one of {@link #KERNELS} or that this CPU cannot run.
     */
    public static Choice choose() {
        Choice made = choice;
        if (made != null) {
            return made;
        }
        synchronized (BlasKernel.class) {
            if (choice == null) {
                choice = decide(setting(), CpuFlags.ofThisMachine(), System.getenv(OPENBLAS_VARIABLE));
                LOG.info("BLAS: {}", choice.describe());
            }
            return choice;
        }
    }

    /**
     * {@link #choose()} for static initializers: a setting that names a kernel this CPU cannot run is logged as a
     * warning (and OpenBLAS keeps its own choice) instead of failing the class.
     */
    public static void chooseOrWarn() {
        try {
            choose();
        } catch (IllegalArgumentException e) {
            LOG.warn(e.getMessage());
        }
    }

    /** The choice made so far, without making one; null before {@link #choose()}. */
    public static Choice current() {
        return choice;
    }

    private static String setting() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null) {
            configured = System.getenv(ENVIRONMENT);
        }
        return configured == null || configured.isBlank() ? "auto" : configured.trim();
    }

    private static Choice decide(String setting, CpuFlags cpu, String inherited) {
        String library = openBlasVersion();
        String left = inherited == null ? "OpenBLAS's own choice" : inherited + " (" + OPENBLAS_VARIABLE + " as set)";
        if (!isLinuxX86()) {
            return new Choice(library, left, "charrnn chooses kernels on Linux x86-64 only", cpu.model());
        }
        if (setting.equalsIgnoreCase("keep")) {
            return new Choice(library, left, "keep, as " + PROPERTY + " or " + ENVIRONMENT + " says", cpu.model());
        }
        Kernel wanted;
        String reason;
        if (setting.equalsIgnoreCase("auto")) {
            wanted = fastestFor(cpu);
            if (wanted == null) {
                return new Choice(library, left, "no kernel of charrnn's list matches the CPU's flags", cpu.model());
            }
            reason = "chosen by charrnn from the CPU's flags";
        } else {
            wanted = named(setting, cpu);
            reason = "set by " + PROPERTY + " or " + ENVIRONMENT;
        }
        if (openBlasLoaded()) {
            if (!wanted.name().equalsIgnoreCase(inherited)) {
                LOG.warn("ND4J loaded OpenBLAS before charrnn could choose its kernel, so it runs {}; for the {} kernel start "
                        + "the JVM with {}={} (or call BlasKernel.choose() before using ND4J).", left, wanted.name(),
                        OPENBLAS_VARIABLE, wanted.name());
                return new Choice(library, left, "ND4J was loaded before charrnn could choose", cpu.model());
            }
            return new Choice(library, wanted.name(), OPENBLAS_VARIABLE + " as set", cpu.model());
        }
        try {
            if (org.bytedeco.systems.global.linux.setenv(OPENBLAS_VARIABLE, wanted.name(), 1) != 0) {
                throw new IllegalStateException("setenv failed");
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("charrnn could not set {} for OpenBLAS ({}); for the {} kernel start the JVM with {}={}.",
                    OPENBLAS_VARIABLE, e.getMessage(), wanted.name(), OPENBLAS_VARIABLE, wanted.name());
            return new Choice(library, left, "charrnn could not set " + OPENBLAS_VARIABLE, cpu.model());
        }
        return new Choice(library, wanted.name(), reason, cpu.model());
    }

    /** The first (fastest) kernel of {@link #KERNELS} whose flags the CPU has, or null. */
    static Kernel fastestFor(CpuFlags cpu) {
        return KERNELS.stream().filter(kernel -> kernel.runsOn(cpu)).findFirst().orElse(null);
    }

    /** The kernel a setting names; an IllegalArgumentException if it is unknown or this CPU lacks its instructions. */
    static Kernel named(String name, CpuFlags cpu) {
        Kernel kernel = KERNELS.stream().filter(k -> k.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(PROPERTY + " / " + ENVIRONMENT + " must be auto, keep or one of "
                        + KERNELS.stream().map(Kernel::name).toList() + "; got '" + name + "'."));
        if (!kernel.runsOn(cpu)) {
            throw new IllegalArgumentException("The " + kernel.name() + " kernel needs the CPU flags " + kernel.requiredFlags()
                    + ", which this CPU (" + cpu.model() + ") does not all have; use auto or another kernel.");
        }
        return kernel;
    }

    private static boolean isLinuxX86() {
        String arch = System.getProperty("os.arch", "");
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /** True once JavaCPP has loaded OpenBLAS (ND4J's CPU backend does so when it starts). */
    private static boolean openBlasLoaded() {
        Map<String, String> loaded = Loader.getLoadedLibraries();
        return loaded.keySet().stream().anyMatch(name -> name.startsWith("openblas"));
    }

    private static String openBlasVersion() {
        try {
            String version = Loader.getVersion("org.bytedeco", "openblas");
            return version == null ? "OpenBLAS" : "OpenBLAS " + version.replaceFirst("-[0-9.]+$", "");
        } catch (IOException | RuntimeException e) {
            return "OpenBLAS";
        }
    }
}
