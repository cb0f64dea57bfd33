package io.github.charrnn.crafted;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile model files ({@link CraftedModelFiles}) loaded in a child JVM with a 256 MB heap and ND4J limited to
 * 256 MB off the heap: each ends in one {@code ModelFileException} sentence, and the process's peak memory stays far
 * below the 2.2 GB of zeros the bombs hold (the loader used to read them up to an OutOfMemoryError at 2.7 GB).
 */
class CraftedModelFilesTest {

    /** A JVM with ND4J loaded and a 256 MB heap stays well within this; reading a bomb would not. */
    private static final long PEAK_KILOBYTES = 1L << 20;

    @TempDir
    Path directory;

    @Test
    void craftedFilesEndInOneSentenceWithMemoryBounded() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-Dorg.bytedeco.javacpp.maxbytes=256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), CraftedModelFiles.class.getName(), directory.toString())
                .redirectErrorStream(true).start();
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, child.exitValue(), output);

        Map<String, String[]> lines = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length >= 2) {
                lines.put(fields[0], fields);
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("inputs claimed by the configuration", "inconsistent: its vocabulary has 5 symbols but its network takes 100000000 inputs");
        expected.put("hidden size claimed by both", "one array may take here");
        expected.put("sizes far beyond the data", "too few to hold");
        expected.put("layers disagreeing with the metadata", "inconsistent: its hyperparameters say 1 recurrent layers but its network has 4 layers");
        expected.put("zeros after the real weights", "coefficients.bin entry goes on after its last value");
        expected.put("zeros after the real optimizer state", "updaterState.bin entry goes on after its last value");
        expected.put("zeros for weights", "coefficients.bin entry is damaged");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String[] fields = lines.get(e.getKey());
            assertTrue(fields != null && fields.length == 4, e.getKey() + ": " + output);
            assertTrue(Long.parseLong(fields[1]) < 4 << 20, e.getKey() + " is a small file: " + fields[1]);
            assertEquals("ModelFileException", fields[2], e.getKey() + ": " + output);
            assertTrue(fields[3].contains(e.getValue()) && !fields[3].contains("\\n"), e.getKey() + ": " + fields[3]);
        }
        long peak = Long.parseLong(lines.get("peak resident kB")[1]);
        assertTrue(peak < PEAK_KILOBYTES, "peak resident memory " + peak + " kB\n" + output);
        System.out.println("crafted model files, peak resident " + (peak >> 10) + " MB:\n" + output);
    }
}
