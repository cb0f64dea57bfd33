package io.github.charrnn.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings are process-wide: each test leaves ND4J's thread counts and the properties as it found them. */
class NativeThreadsTest {

    private final int blasBefore = blasThreadsNow();

    @AfterEach
    void restore() {
        System.clearProperty(NativeThreads.BLAS_THREADS_PROPERTY);
        System.clearProperty(NativeThreads.MODE_PROPERTY);
        Nd4j.factory().blas().setMaxThreads(blasBefore);
    }

    @Test
    void blasThreadsAreTheAvailableProcessorsOrTheProperty() {
        assertEquals(Runtime.getRuntime().availableProcessors(), NativeThreads.blasThreads());
        System.setProperty(NativeThreads.BLAS_THREADS_PROPERTY, " 3 ");
        assertEquals(3, NativeThreads.blasThreads());
        for (String bad : new String[]{"0", "-2", "two", ""}) {
            System.setProperty(NativeThreads.BLAS_THREADS_PROPERTY, bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, NativeThreads::blasThreads);
            assertTrue(e.getMessage().contains(NativeThreads.BLAS_THREADS_PROPERTY), e.getMessage());
        }
    }

    @Test
    void applySetsNd4jsOperationsToOneThreadOnce() {
        NativeThreads.apply();
        assertEquals(1, Nd4j.getEnvironment().maxThreads());
        assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
        // applied once per process: a later call changes nothing, even after the settings were changed
        Nd4j.factory().blas().setMaxThreads(1);
        System.setProperty(NativeThreads.BLAS_THREADS_PROPERTY, "not read again");
        NativeThreads.apply();
        assertEquals(1, blasThreadsNow());
    }

    @Test
    void aShareGivesEachWorkerItsPartOfTheCoresUntilClosed() {
        NativeThreads.apply();
        Nd4j.factory().blas().setMaxThreads(2);
        int cores = Runtime.getRuntime().availableProcessors();
        try (NativeThreads.Share ignored = NativeThreads.shareBlasAmong(2)) {
            assertEquals(Math.max(1, cores / 2), blasThreadsNow());
        }
        assertEquals(2, blasThreadsNow());
        try (NativeThreads.Share ignored = NativeThreads.shareBlasAmong(cores + 5)) {
            assertEquals(1, blasThreadsNow());   // at least one thread
        }
        try (NativeThreads.Share ignored = NativeThreads.shareBlasAmong(0)) {
            assertEquals(cores, blasThreadsNow());   // no workers counts as one
        }
        assertEquals(2, blasThreadsNow());
    }

    /** Two shares open at once and closed in either order: the count from before the first comes back at the end. */
    @Test
    void overlappingSharesRestoreTheCountFromBeforeTheFirst() {
        NativeThreads.apply();
        Nd4j.factory().blas().setMaxThreads(2);
        NativeThreads.Share first = NativeThreads.shareBlasAmong(100);
        NativeThreads.Share second = NativeThreads.shareBlasAmong(1);
        assertEquals(1, blasThreadsNow());   // the smallest share while both are open
        first.close();
        assertEquals(1, blasThreadsNow());
        first.close();                        // closing twice counts once
        second.close();
        assertEquals(2, blasThreadsNow());
    }

    @Test
    void aShareChangesNothingWhenBlasThreadsAreSetOrSettingsKept() {
        NativeThreads.apply();
        Nd4j.factory().blas().setMaxThreads(2);
        System.setProperty(NativeThreads.BLAS_THREADS_PROPERTY, "2");
        try (NativeThreads.Share ignored = NativeThreads.shareBlasAmong(100)) {
            assertEquals(2, blasThreadsNow());
        }
        System.clearProperty(NativeThreads.BLAS_THREADS_PROPERTY);
        System.setProperty(NativeThreads.MODE_PROPERTY, "KEEP");
        try (NativeThreads.Share ignored = NativeThreads.shareBlasAmong(100)) {
            assertEquals(2, blasThreadsNow());
        }
        assertEquals(2, blasThreadsNow());
    }

    private static int blasThreadsNow() {
        return Nd4j.factory().blas().getMaxThreads();
    }
}
