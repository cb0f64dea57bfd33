package io.github.charrnn.kernel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every test runs under a timeout: a lost request would make {@link SpinningHelper#await()} spin forever. */
class SpinningHelperTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private SpinningHelper helper;

    @BeforeEach
    void start() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "a helper needs a spare processor");
        helper = SpinningHelper.tryStart();
        assertNotNull(helper, "no helper runs before this test, so one is free");
    }

    @AfterEach
    void stop() {
        if (helper != null) {
            helper.close();
        }
    }

    @Test
    void runsTheRequestOnItsOwnThreadWithTheArgument() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            int[] got = new int[1];
            helper.request(argument -> {
                ranOn.set(Thread.currentThread());
                got[0] = argument;
            }, 17);
            helper.await();
            assertEquals(17, got[0]);   // a plain write made before done is visible after await
            assertNotSame(Thread.currentThread(), ranOn.get());
            assertEquals("charrnn-helper", ranOn.get().getName());
            assertTrue(ranOn.get().isDaemon());
        });
    }

    /** The owner's pattern: request the helper's share, do its own, await; both halves are done, each once. */
    @Test
    void theHelperAndTheCallerShareTheWorkRequestAfterRequest() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            long[] values = IntStream.range(0, 1000).asLongStream().toArray();
            long[] halves = new long[2];
            long expected = 0;
            for (int round = 0; round < 20_000; round++) {
                int shift = round;
                IntConsumer sumHalf = half -> {
                    long sum = 0;
                    for (int i = half * 500; i < half * 500 + 500; i++) {
                        sum += values[i] + shift;
                    }
                    halves[half] += sum;
                };
                helper.request(sumHalf, 1);
                sumHalf.accept(0);
                helper.await();
                expected += 499_500 + 1000L * shift;
            }
            assertEquals(expected, halves[0] + halves[1]);
            assertEquals(expected - halves[0], halves[1]);
        });
    }

    @Test
    void awaitRethrowsWhatTheRequestThrewOnceAndTheHelperGoesOn() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            IllegalStateException failure = new IllegalStateException("boom");
            helper.request(argument -> {
                throw failure;
            }, 0);
            assertSame(failure, assertThrows(IllegalStateException.class, helper::await));

            AssertionError error = new AssertionError("an error too");
            helper.request(argument -> {
                throw error;
            }, 0);
            assertSame(error, assertThrows(AssertionError.class, helper::await));

            int[] got = new int[1];
            helper.request(argument -> got[0] = argument, 5);
            helper.await();   // the failure was cleared: nothing thrown
            assertEquals(5, got[0]);
        });
    }

    /** After SPIN_MICROS without a request the helper parks; a request must still wake it. */
    @Test
    void aRequestWakesAParkedHelper() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            helper.request(argument -> ranOn.set(Thread.currentThread()), 0);
            helper.await();
            for (int i = 0; i < 5; i++) {
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (ranOn.get().getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                assertEquals(Thread.State.WAITING, ranOn.get().getState(), "parked after spinning for a while");
                int[] got = new int[1];
                helper.request(argument -> got[0] = argument, i + 1);
                helper.await();
                assertEquals(i + 1, got[0]);
            }
        });
    }

    @Test
    void closeStopsTheThreadAndFreesItsPlace() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            helper.request(argument -> ranOn.set(Thread.currentThread()), 0);
            helper.await();
            helper.close();
            helper = null;
            assertFalse(ranOn.get().isAlive());

            // as many helpers as spare processors, then none; closing them frees every place again
            for (int attempt = 0; attempt < 2; attempt++) {
                List<SpinningHelper> started = new ArrayList<>();
                try {
                    SpinningHelper next;
                    while ((next = SpinningHelper.tryStart()) != null) {
                        started.add(next);
                    }
                    assertEquals(Runtime.getRuntime().availableProcessors() - 1, started.size());
                    assertNull(SpinningHelper.tryStart());
                } finally {
                    started.forEach(SpinningHelper::close);
                }
            }
        });
    }
}
