package io.github.charrnn;

import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One shared model, many threads: every generation keeps its own state, so seeds give the same texts. */
class ConcurrentGenerationTest {

    private static final int THREADS = 16;

    @Test
    void sixteenThreadsGenerateWhatTheSameSeedsGenerateOneByOne() throws Exception {
        CharRnn model = CharRnn.builder().vocabulary(Vocabulary.of("abcdefghij klmnopqrstuvwxyz.\n")).hiddenSize(48)
                .layers(2).seed(5).build();
        List<String> oneByOne = new ArrayList<>();
        List<List<String>> batchedOneByOne = new ArrayList<>();
        for (int seed = 1; seed <= THREADS; seed++) {
            oneByOne.add(model.generate("the ", options(seed)));
            batchedOneByOne.add(model.generate("the ", 3, options(seed)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> single = new ArrayList<>();
            List<Future<List<String>>> batched = new ArrayList<>();
            for (int seed = 1; seed <= THREADS; seed++) {
                int s = seed;
                single.add(pool.submit(afterStart(start, () -> model.generate("the ", options(s)))));
                batched.add(pool.submit(afterStart(start, () -> model.generate("the ", 3, options(s)))));
            }
            start.countDown();
            for (int i = 0; i < THREADS; i++) {
                assertEquals(oneByOne.get(i), single.get(i).get(60, TimeUnit.SECONDS), "seed " + (i + 1));
                assertEquals(batchedOneByOne.get(i), batched.get(i).get(60, TimeUnit.SECONDS), "batched, seed " + (i + 1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static SamplingOptions options(int seed) {
        return SamplingOptions.builder().length(300).topK(0).seed(seed).build();
    }

    private static <T> Callable<T> afterStart(CountDownLatch start, Callable<T> work) {
        return () -> {
            start.await();
            return work.call();
        };
    }
}
