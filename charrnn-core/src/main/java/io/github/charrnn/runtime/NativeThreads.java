package io.github.charrnn.runtime;

import org.nd4j.linalg.factory.Nd4j;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The thread settings charrnn gives ND4J's native code: one thread for ND4J's own operations, every core for
 * the BLAS matrix products.
 *
 * <p>Why: a recurrent network runs thousands of small element-wise operations per training step, and ND4J's
 * OpenMP threads cost more to start than such an operation takes (a 2 × 512 LSTM trained at 1,223 chars/s with
 * ND4J's default of one thread per core, 2,280 with one thread), while the matrix products are large enough to
 * gain from all cores (3,053–3,118 chars/s with BLAS on two cores). docs/performance.md has the figures.
 *
 * <p>These settings are process-wide. charrnn applies them once, when the first model is constructed (built with
 * {@code CharRnn.builder()} or loaded from a model file), or before then when data-parallel training shares BLAS's
 * threads ({@link #shareBlasAmong}); start the JVM with {@code -Dcharrnn.nativeThreads=keep} to leave ND4J's
 * settings as they are, or with {@code -Dcharrnn.blasThreads=N} to give BLAS N threads.
 */
public final class NativeThreads {

    /** System property: {@code keep} leaves ND4J's thread settings alone. */
    public static final String MODE_PROPERTY = "charrnn.nativeThreads";
    /** System property: threads for BLAS matrix products (default: available processors). */
    public static final String BLAS_THREADS_PROPERTY = "charrnn.blasThreads";

    private static volatile boolean applied;
    // guarded by NativeThreads.class: the shares of the cores open now, and the BLAS thread count before the first
    private static int openShares;
    private static int threadsBeforeShares;
    private static int sharedThreads;

    static {
        BlasKernel.chooseOrWarn();   // before this class's first ND4J call loads OpenBLAS
    }

    private NativeThreads() {
    }

    /**
     * Applies the settings on ND4J's CPU backend, unless already applied or switched off by
     * {@value #MODE_PROPERTY}{@code =keep}; on a GPU backend it changes nothing.
     */
    public static void apply() {
        if (applied) {
            return;
        }
        synchronized (NativeThreads.class) {
            if (applied) {
                return;
            }
            if (Nd4j.getEnvironment().isCPU() && !"keep".equalsIgnoreCase(System.getProperty(MODE_PROPERTY, ""))) {
                Nd4j.getEnvironment().setMaxThreads(1);
                Nd4j.getEnvironment().setMaxMasterThreads(1);
                Nd4j.factory().blas().setMaxThreads(blasThreads());
            }
            applied = true;
        }
    }

    /**
     * Gives BLAS its share of the cores for each of {@code workers} trainers running at once: available processors
     * divided by the workers, at least 1 (so 2 workers on 2 cores get one BLAS thread each), until the returned
     * share is closed. Shares may overlap (two generations at once in a server, say): while any is open BLAS has
     * the smallest share asked for, and the count from before the first comes back when the last is closed.
     * Changes nothing with {@value #MODE_PROPERTY}{@code =keep} or {@value #BLAS_THREADS_PROPERTY} set, or on a
     * GPU backend.
     */
    public static Share shareBlasAmong(int workers) {
        apply();
        if (!Nd4j.getEnvironment().isCPU() || "keep".equalsIgnoreCase(System.getProperty(MODE_PROPERTY, ""))
                || System.getProperty(BLAS_THREADS_PROPERTY) != null) {
            return () -> { };
        }
        int share = Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, workers));
        synchronized (NativeThreads.class) {
            if (openShares == 0) {
                threadsBeforeShares = Nd4j.factory().blas().getMaxThreads();
                sharedThreads = share;
            } else {
                sharedThreads = Math.min(sharedThreads, share);
            }
            openShares++;
            Nd4j.factory().blas().setMaxThreads(sharedThreads);
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                synchronized (NativeThreads.class) {
                    if (--openShares == 0) {
                        Nd4j.factory().blas().setMaxThreads(threadsBeforeShares);
                    }
                }
            }
        };
    }

    /** BLAS threads shared among workers; closing it gives BLAS its earlier thread count back. */
    @FunctionalInterface
    public interface Share extends AutoCloseable {

        /** Restores the earlier thread count. */
        @Override
        void close();
    }

    /** Threads for BLAS: the {@value #BLAS_THREADS_PROPERTY} property, else the available processors. */
    static int blasThreads() {
        String configured = System.getProperty(BLAS_THREADS_PROPERTY);
        if (configured != null) {
            try {
                int threads = Integer.parseInt(configured.trim());
                if (threads >= 1) {
                    return threads;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the message below
            }
            throw new IllegalArgumentException(BLAS_THREADS_PROPERTY + " must be a whole number of at least 1; got '"
                    + configured + "'.");
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
