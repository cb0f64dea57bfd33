package io.github.charrnn.runtime;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which kernel charrnn picks for which CPU flags, and the settings it refuses. */
class BlasKernelTest {

    private static final CpuFlags AVX512 = new CpuFlags("an AVX-512 CPU",
            Set.of("sse3", "ssse3", "sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"));
    private static final CpuFlags AVX2 = new CpuFlags("an AVX2 CPU", Set.of("sse3", "ssse3", "sse4_2", "avx", "avx2", "fma"));
    private static final CpuFlags AVX512_WITHOUT_BW = new CpuFlags("a first AVX-512 CPU",
            Set.of("sse3", "avx", "avx2", "fma", "avx512f", "avx512cd"));

    @Test
    void theFastestKernelTheCpuCanRunIsChosen() {
        assertEquals("SkylakeX", BlasKernel.fastestFor(AVX512).name());
        assertEquals("Haswell", BlasKernel.fastestFor(AVX2).name());
        assertEquals("Haswell", BlasKernel.fastestFor(AVX512_WITHOUT_BW).name());
        assertNull(BlasKernel.fastestFor(new CpuFlags("unknown CPU", Set.of())));
    }

    @Test
    void aNamedKernelMustBeKnownAndRunnable() {
        assertEquals("SkylakeX", BlasKernel.named("skylakex", AVX512).name());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> BlasKernel.named("Cooperlake", AVX512));
        assertTrue(unknown.getMessage().contains("must be auto, keep or one of"), unknown.getMessage());
        IllegalArgumentException unsupported = assertThrows(IllegalArgumentException.class, () -> BlasKernel.named("SkylakeX", AVX2));
        assertTrue(unsupported.getMessage().contains("avx512f"), unsupported.getMessage());
    }

    @Test
    void tooLateToChooseGivesOneWarningSayingWhatToSet() throws Exception {
        if (BlasKernel.fastestFor(CpuFlags.ofThisMachine()) == null) {
            return;   // nothing charrnn would choose on this CPU, so nothing to warn about
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), LateChoice.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        String kernel = BlasKernel.fastestFor(CpuFlags.ofThisMachine()).name();
        List<String> warnings = output.lines().filter(line -> line.contains("WARN") && line.contains("BlasKernel")).toList();
        if (kernel.equalsIgnoreCase(System.getenv("OPENBLAS_CORETYPE"))) {
            // the shell already asked OpenBLAS for the kernel charrnn would choose: nothing to warn about
            assertEquals(List.of(), warnings, output);
            assertTrue(output.contains("kernel " + kernel + " (OPENBLAS_CORETYPE as set)"), output);
            return;
        }
        assertEquals(1, warnings.size(), output);
        assertTrue(warnings.get(0).contains("OPENBLAS_CORETYPE=" + kernel), warnings.get(0));
        assertTrue(output.contains("ND4J was loaded before charrnn could choose"), output);
    }

    @Test
    void cpuinfoIsParsedForTheFirstProcessor() {
        CpuFlags flags = CpuFlags.parse(List.of("processor\t: 0", "model name\t: AMD EPYC", "flags\t\t: fpu avx2 fma avx512f",
                "", "processor\t: 1", "model name\t: other", "flags\t\t: fpu"));
        assertEquals("AMD EPYC", flags.model());
        assertTrue(flags.hasAll("avx2", "fma", "avx512f"));
    }
}
