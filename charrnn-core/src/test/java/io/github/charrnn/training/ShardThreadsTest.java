package io.github.charrnn.training;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ShardThreads}: shard 0 on the caller, the others on helper threads, or all in order. */
class ShardThreadsTest {

    @Test
    void shardZeroRunsOnTheCallerAndTheOthersOnHelpers() {
        ShardThreads threads = new ShardThreads(3, true);
        assertTrue(threads.parallel());
        Set<String> names = ConcurrentHashMap.newKeySet();
        String[] byShard = new String[3];
        threads.forEach(3, k -> byShard[k] = Thread.currentThread().getName());
        assertEquals(Thread.currentThread().getName(), byShard[0]);
        assertTrue(byShard[1].startsWith("charrnn-training-") && byShard[2].startsWith("charrnn-training-"), byShard[1]);
        names.add(byShard[1]);
        names.add(byShard[2]);
        assertEquals(2, names.size());
    }

    @Test
    void withoutParallelismTheShardsRunInOrderOnTheCaller() {
        ShardThreads threads = new ShardThreads(3, false);
        assertFalse(threads.parallel());
        StringBuilder order = new StringBuilder();
        threads.forEach(3, k -> order.append(k).append(Thread.currentThread().getName()));
        String caller = Thread.currentThread().getName();
        assertEquals("0" + caller + "1" + caller + "2" + caller, order.toString());
    }

    @Test
    void theFirstFailureByShardReachesTheCallerAfterAllEnded() {
        ShardThreads threads = new ShardThreads(3, true);
        int[] ran = new int[3];
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> threads.forEach(3, k -> {
            ran[k]++;
            if (k > 0) {
                throw new IllegalStateException("shard " + k);
            }
        }));
        assertEquals("shard 1", thrown.getMessage());
        assertArrayEquals(new int[]{1, 1, 1}, ran);
        assertThrows(OutOfMemoryError.class, () -> threads.forEach(2, k -> {
            if (k == 1) {
                throw new OutOfMemoryError("a shard's error");
            }
        }));
    }
}
