package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduler on a tiny untrained model: texts, stop_at, the queue's bound, cancelling and the deadline. */
class GenerationSchedulerTest {

    private static final CharRnn MODEL = CharRnn.builder().vocabulary(Vocabulary.of("abc \n")).hiddenSize(8).layers(2).seed(3).build();

    private static GenerationSettings settings(int length, long seed, int count, String stopAt) {
        return new GenerationSettings("ab", length, 0, 1.0, false, seed, count, stopAt);
    }

    private static GenerationJob job(GenerationSettings settings) {
        return new GenerationJob(settings, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
    }

    @Test
    void jobsTogetherGetTheTextsOfTheirSeedsAndStopAtCutsThem() throws Exception {
        try (GenerationScheduler scheduler = new GenerationScheduler(MODEL.streamBatch(8), 8)) {
            GenerationJob three = job(settings(200, 5, 3, null));
            GenerationJob cut = job(settings(200, 9, 2, " "));
            GenerationJob one = job(settings(50, 11, 1, null));
            scheduler.submit(three);
            scheduler.submit(cut);
            scheduler.submit(one);
            assertEquals(GenerationJob.Outcome.DONE, three.ended().get(30, TimeUnit.SECONDS));
            assertEquals(GenerationJob.Outcome.DONE, cut.ended().get(30, TimeUnit.SECONDS));
            one.ended().get(30, TimeUnit.SECONDS);
            SamplingOptions options = settings(200, 5, 3, null).options(0);
            assertEquals(Samples.generate(MODEL, "ab", 3, options, null), three.texts());
            assertEquals(Samples.generate(MODEL, "ab", 2, settings(200, 9, 2, null).options(0), " "), cut.texts());
            for (String text : cut.texts()) {
                assertTrue(text.indexOf(' ', 2) == text.length() - 1 || text.length() == 202, "cut at its first space: " + text);
            }
            assertTrue(cut.characters() < 400, "stop_at stops the generation, not only the answer: " + cut.characters());
        }
    }

    @Test
    void pastTheQueueRequestsAreRefusedAndCancelledOnesStopAtOnce() throws Exception {
        try (GenerationScheduler scheduler = new GenerationScheduler(MODEL.streamBatch(1), 1)) {
            GenerationJob running = job(settings(1_000_000, 1, 1, null));
            GenerationJob waiting = job(settings(1_000_000, 2, 1, null));
            scheduler.submit(running);
            while (scheduler.activeStreams() == 0) {
                Thread.sleep(1);
            }
            scheduler.submit(waiting);
            RequestRefused busy = assertThrows(RequestRefused.class, () -> scheduler.submit(job(settings(10, 3, 1, null))));
            assertEquals(503, busy.status());
            assertTrue(busy.getMessage().contains("--max-queue"), busy.getMessage());
            running.cancel();
            waiting.cancel();
            assertEquals(GenerationJob.Outcome.CANCELLED, running.ended().get(2, TimeUnit.SECONDS));
            assertEquals(GenerationJob.Outcome.CANCELLED, waiting.ended().get(2, TimeUnit.SECONDS));
            assertTrue(scheduler.drain(2000), "nothing left running");
        }
    }

    @Test
    void aJobPastItsDeadlineEndsTimedOut() throws Exception {
        try (GenerationScheduler scheduler = new GenerationScheduler(MODEL.streamBatch(2), 4)) {
            GenerationJob slow = new GenerationJob(settings(1_000_000, 1, 2, null), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200));
            scheduler.submit(slow);
            assertEquals(GenerationJob.Outcome.TIMED_OUT, slow.ended().get(5, TimeUnit.SECONDS));
            GenerationJob late = new GenerationJob(settings(10, 1, 1, null), System.nanoTime() - 1);
            scheduler.submit(late);
            assertEquals(GenerationJob.Outcome.TIMED_OUT, late.ended().get(5, TimeUnit.SECONDS));
            assertEquals(List.of("ab"), late.texts());
        }
    }

    @Test
    void aCountPastTheBatchIsRefused() {
        try (GenerationScheduler scheduler = new GenerationScheduler(MODEL.streamBatch(2), 4)) {
            assertEquals(413, assertThrows(RequestRefused.class, () -> scheduler.submit(job(settings(10, 1, 3, null)))).status());
        }
    }
}
