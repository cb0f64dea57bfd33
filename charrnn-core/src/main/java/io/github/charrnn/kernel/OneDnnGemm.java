package io.github.charrnn.kernel;

import io.github.charrnn.runtime.NativeThreads;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Row-major single-precision products on oneDNN's {@code dnnl_sgemm} (bytedeco's oneDNN 2.5.2 build, made with
 * the same JavaCPP 1.5.7 as ND4J 1.0.0-M2.1).
 *
 * <p>Why: oneDNN generates its kernels for the CPU it runs on (AVX-512 included, on any vendor's CPU), and at the
 * small products an LSTM's time steps are made of it is up to three times as fast as ND4J's OpenBLAS 0.3.19
 * (docs/performance.md). Its threads are OpenMP threads, and OpenMP keeps the thread count per calling thread:
 * before each product this class gives the calling thread as many as BLAS has at that moment, so that
 * {@link NativeThreads}' shares (one thread per training shard) hold for both libraries, or one for a small product.
 *
 * <p>oneDNN finds the same OpenMP runtime ND4J loaded, because ND4J is loaded first.
 */
final class OneDnnGemm {

    /** System property: the number of multiply-adds below which a product runs on one thread. */
    static final String SERIAL_BELOW_PROPERTY = "charrnn.gemmSerialBelow";
    private static final Logger LOG = LoggerFactory.getLogger(OneDnnGemm.class);
    private static final boolean AVAILABLE = load();
    /**
     * Products of fewer multiply-adds than this run on the calling thread alone: handing them to a team of OpenMP
     * threads cost more than it saved, many times more on a busy machine, where the team waits for a descheduled
     * member (evaluation and generation at 2 x 128, docs/performance.md). {@value #SERIAL_BELOW_PROPERTY} overrides it.
     */
    static final long SERIAL_BELOW = Long.getLong(OneDnnGemm.SERIAL_BELOW_PROPERTY, 1L << 22);
    private static final ThreadLocal<int[]> THREADS_GIVEN = ThreadLocal.withInitial(() -> new int[] {0});

    private OneDnnGemm() {
    }

    /** Whether oneDNN's native library loaded on this platform. */
    static boolean available() {
        return AVAILABLE;
    }

    /** {@code c = alpha * op(a) * op(b) + beta * c}, all row-major, as {@code cblas_sgemm} with CblasRowMajor. */
    static void multiply(int m, int n, int k, FloatMatrix a, boolean transposeA, FloatMatrix b, boolean transposeB,
                         FloatMatrix c, float alpha, float beta) {
        giveThreads(m, n, k);
        int status = dnnl.dnnl_sgemm((byte) (transposeA ? 'T' : 'N'), (byte) (transposeB ? 'T' : 'N'), m, n, k, alpha,
                a.memory(), a.leadingDimension(), b.memory(), b.leadingDimension(), beta, c.memory(), c.leadingDimension());
        if (status != dnnl.dnnl_success) {
            throw new IllegalStateException("oneDNN refused a " + m + " x " + k + " by " + k + " x " + n
                    + " product (status " + status + ").");
        }
    }

    /** Gives the calling thread the OpenMP threads for an m x k by k x n product. */
    static void giveThreads(int m, int n, int k) {
        giveThreads((long) m * n * k < SERIAL_BELOW ? 1 : Nd4j.factory().blas().getMaxThreads());
    }

    /** Sets the calling thread's OpenMP thread count, when it differs from what was given it last. */
    private static void giveThreads(int wanted) {
        int[] given = THREADS_GIVEN.get();
        if (given[0] != wanted) {
            NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
            ops.setOmpNumThreads(wanted);
            given[0] = wanted;
        }
    }

    private static boolean load() {
        NativeThreads.apply();   // ND4J (and its OpenMP runtime) first, so that oneDNN binds to the same one
        try {
            Loader.load(dnnl.class);
            LOG.debug("oneDNN loaded; effective instruction set {}", dnnl.dnnl_get_effective_cpu_isa());
            return true;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            LOG.debug("oneDNN is not available here ({}); products run on OpenBLAS", e.toString());
            return false;
        }
    }
}
