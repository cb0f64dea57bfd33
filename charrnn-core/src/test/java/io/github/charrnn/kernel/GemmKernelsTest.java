package io.github.charrnn.kernel;

import io.github.charrnn.runtime.BlasKernel;
import io.github.charrnn.runtime.CpuFlags;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every OpenBLAS kernel charrnn may choose on this CPU, and oneDNN where it is the default, computes the network's
 * products correctly (GemmAccuracy in a child JVM per kernel, since OpenBLAS reads its kernel once per process),
 * the kernel charrnn chooses is the one OpenBLAS then runs, and {@link Gemm} reads ND4J views and layouts as ND4J
 * does.
 */
class GemmKernelsTest {

    @Test
    void everyKernelThisCpuRunsComputesTheLstmProductsWithinFloatRounding() throws Exception {
        CpuFlags cpu = CpuFlags.ofThisMachine();
        List<String> kernels = new ArrayList<>();
        for (BlasKernel.Kernel kernel : BlasKernel.KERNELS) {
            if (cpu.hasAll(kernel.requiredFlags().toArray(String[]::new))
                    && List.of("SkylakeX", "Haswell", "Sandybridge").contains(kernel.name())) {
                kernels.add(kernel.name());
            }
        }
        kernels.add("keep");   // OpenBLAS's own choice
        for (String kernel : kernels) {
            ChildRun run = runAccuracyCheck(kernel, "openblas");
            assertEquals(0, run.exitCode, kernel + ": " + run.output);
            if (!kernel.equals("keep")) {
                // OpenBLAS says which kernel it loaded: the one charrnn set before it loaded
                assertTrue(run.output.contains("Core: " + kernel), kernel + ": " + run.output);
                assertTrue(run.output.contains("kernel " + kernel + " worst"), run.output);
            }
        }
    }

    @Test
    void oneDnnComputesTheLstmProductsWithinFloatRoundingWhereItIsTheDefault() throws Exception {
        boolean linuxX86 = System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64");
        ChildRun auto = runAccuracyCheck("auto", "auto");
        assertEquals(0, auto.exitCode, auto.output);
        assertTrue(auto.output.contains("library " + (linuxX86 ? "ONEDNN" : "OPENBLAS")), auto.output);
        assertEquals(linuxX86 ? GemmLibrary.ONEDNN : GemmLibrary.OPENBLAS, GemmLibrary.chosen());
    }

    @Test
    void anUnknownLibraryIsRefusedInOneSentence() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> GemmLibrary.choose("mkl"));
        assertEquals("charrnn.gemm must be auto, onednn or openblas; got 'mkl'.", refused.getMessage());
        assertEquals(GemmLibrary.OPENBLAS, GemmLibrary.choose(" OpenBLAS "));
    }

    @Test
    void gemmOnViewsAndBothLayoutsEqualsNd4jsProduct() {
        Random random = new Random(3);
        INDArray big = Nd4j.create(GemmAccuracy.randomMatrix(random, 40, 24));
        INDArray weights = Nd4j.create(GemmAccuracy.randomMatrix(random, 24, 16)).dup('f');
        INDArray flatParams = Nd4j.create(DataType.FLOAT, 1, 500);
        INDArray paramView = flatParams.get(NDArrayIndex.point(0), NDArrayIndex.interval(100, 100 + 24 * 16))
                .reshape('f', 24, 16).assign(weights);   // how DL4J's parameter views look
        INDArray rows = big.get(NDArrayIndex.interval(8, 20), NDArrayIndex.all());
        for (INDArray b : List.of(weights, paramView, weights.dup('c'))) {
            for (char order : new char[]{'c', 'f'}) {
                INDArray result = Nd4j.create(DataType.FLOAT, new long[]{12, 16}, order);
                Gemm.multiply(rows, false, b, false, result, 1f, 0f);
                assertTrue(result.equalsWithEps(rows.mmul(weights), 1e-4), "order " + order);
            }
        }
        INDArray gradient = Nd4j.create(DataType.FLOAT, new long[]{24, 16}, 'f');
        Gemm.multiply(rows, true, Nd4j.create(GemmAccuracy.randomMatrix(random, 12, 16)), false, gradient, 1f, 0f);
        INDArray into = Nd4j.create(DataType.FLOAT, 1, 500);
        INDArray intoView = into.get(NDArrayIndex.point(0), NDArrayIndex.interval(100, 100 + 24 * 16)).reshape('f', 24, 16);
        Gemm.multiply(FloatMatrix.of(gradient), false, FloatMatrix.of(Nd4j.eye(16).castTo(DataType.FLOAT)), false,
                FloatMatrix.of(intoView), 1f, 0f);
        assertTrue(intoView.equalsWithEps(gradient, 1e-5));
        assertEquals(0f, into.getFloat(0, 99));
        assertEquals(0f, into.getFloat(0, 100 + 24 * 16));
    }

    @Test
    void mismatchedShapesAreRefusedBeforeNativeCode() {
        INDArray a = Nd4j.create(DataType.FLOAT, 3, 4);
        INDArray b = Nd4j.create(DataType.FLOAT, 5, 2);
        assertThrows(IllegalArgumentException.class, () -> Gemm.multiply(a, false, b, false, Nd4j.create(DataType.FLOAT, 3, 2), 1f, 0f));
        OffHeapRows rows = new OffHeapRows(4, 3);
        assertThrows(IllegalArgumentException.class, () -> rows.block(2, 5));
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.of(Nd4j.create(DataType.FLOAT, 2, 3, 4)));
    }

    private record ChildRun(int exitCode, String output) {
    }

    private static ChildRun runAccuracyCheck(String kernel, String library) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-D" + BlasKernel.PROPERTY + "=" + kernel,
                "-D" + GemmLibrary.PROPERTY + "=" + library,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), GemmAccuracy.class.getName()).redirectErrorStream(true);
        builder.environment().put("OPENBLAS_VERBOSE", "2");   // OpenBLAS prints the kernel it loads
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new ChildRun(-1, "timed out\n" + output);
        }
        return new ChildRun(process.exitValue(), output);
    }
}
