package io.github.charrnn.cli;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * What {@code GET /metrics} answers, in Prometheus' text exposition format (version 0.0.4): requests by status,
 * the queue's depth, the streams being generated, characters generated, texts and characters scored, and a histogram of the time
 * {@code POST /generate} takes. Safe to update from any thread.
 */
final class ServeMetrics {

    /** Upper bounds of the latency histogram's buckets, in seconds. */
    private static final double[] BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};

    private final Map<Integer, LongAdder> requests = new ConcurrentSkipListMap<>();
    private final LongAdder characters = new LongAdder();
    private final LongAdder scores = new LongAdder();
    private final LongAdder scoredCharacters = new LongAdder();
    private final AtomicLongArray bucketCounts = new AtomicLongArray(BUCKETS.length + 1);
    private final LongAdder latencyMicros = new LongAdder();
    private final IntSupplier queueDepth;
    private final IntSupplier activeStreams;

    ServeMetrics(IntSupplier queueDepth, IntSupplier activeStreams) {
        this.queueDepth = queueDepth;
        this.activeStreams = activeStreams;
    }

    /** Counts one answered request. */
    void request(int status) {
        requests.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** Records how long one {@code POST /generate} took. */
    void generation(double seconds) {
        int bucket = 0;
        while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]) {
            bucket++;
        }
        bucketCounts.incrementAndGet(bucket);
        latencyMicros.add(Math.round(seconds * 1e6));
    }

    /** Counts generated characters. */
    void characters(long count) {
        characters.add(count);
    }

    /** Counts one text scored ({@code POST /score}) of {@code characters} scored characters. */
    void scored(long characters) {
        scores.increment();
        scoredCharacters.add(characters);
    }

    /** The metrics in Prometheus' text format. */
    String text() {
        StringBuilder out = new StringBuilder();
        header(out, "charrnn_requests_total", "counter", "HTTP requests answered, by status code.");
        Map<Integer, LongAdder> byStatus = new TreeMap<>(requests);
        byStatus.forEach((status, count) -> out.append("charrnn_requests_total{status=\"").append(status).append("\"} ")
                .append(count.sum()).append('\n'));
        header(out, "charrnn_queue_depth", "gauge", "Generation requests waiting for free rows.");
        out.append("charrnn_queue_depth ").append(queueDepth.getAsInt()).append('\n');
        header(out, "charrnn_active_streams", "gauge", "Texts being generated now.");
        out.append("charrnn_active_streams ").append(activeStreams.getAsInt()).append('\n');
        header(out, "charrnn_characters_generated_total", "counter", "Characters generated, over all requests.");
        out.append("charrnn_characters_generated_total ").append(characters.sum()).append('\n');
        header(out, "charrnn_texts_scored_total", "counter", "Texts scored by POST /score.");
        out.append("charrnn_texts_scored_total ").append(scores.sum()).append('\n');
        header(out, "charrnn_characters_scored_total", "counter", "Characters scored by POST /score.");
        out.append("charrnn_characters_scored_total ").append(scoredCharacters.sum()).append('\n');
        header(out, "charrnn_generation_seconds", "histogram", "Time from receiving a POST /generate to its answer.");
        long cumulative = 0;
        for (int i = 0; i <= BUCKETS.length; i++) {
            cumulative += bucketCounts.get(i);
            String le = i < BUCKETS.length ? String.format(Locale.ROOT, "%s", BUCKETS[i]) : "+Inf";
            out.append("charrnn_generation_seconds_bucket{le=\"").append(le).append("\"} ").append(cumulative).append('\n');
        }
        out.append("charrnn_generation_seconds_sum ").append(String.format(Locale.ROOT, "%.6f", latencyMicros.sum() / 1e6)).append('\n');
        out.append("charrnn_generation_seconds_count ").append(cumulative).append('\n');
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
}
