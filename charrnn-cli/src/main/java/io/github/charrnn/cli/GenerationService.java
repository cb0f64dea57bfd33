package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.vocabulary.Vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What {@code POST /generate} means, apart from HTTP: a request's values checked against the model and the limits
 * ({@link #settings}), and the answer as JSON ({@link #answer}). {@link GenerationScheduler} generates the texts.
 */
final class GenerationService {

    /** Random seeds stay below 2^53, so that JavaScript's numbers (the page's) hold the echoed seed exactly. */
    private static final long MAX_RANDOM_SEED = 1L << 53;

    private final CharRnn rnn;
    private final ServeLimits limits;

    GenerationService(CharRnn rnn, ServeLimits limits) {
        this.rnn = rnn;
        this.limits = limits;
    }

    /**
     * The settings of one request body: its values checked against the model and the limits, the defaults filled in.
     *
     * @throws RequestRefused 400 for a malformed or invalid request, 413 for one past the limits
     */
    GenerationSettings settings(byte[] body) {
        GenerateRequest request = GenerateRequest.parse(body);
        Vocabulary vocabulary = rnn.vocabulary();
        String prime = request.prime() != null ? request.prime() : SampleCommand.defaultPrime(vocabulary);
        long length = orDefault(request.length(), Math.min(Samples.DEFAULT_LENGTH, limits.maxLength()));
        long topK = orDefault(request.topK(), Samples.DEFAULT_TOP_K);
        double temperature = request.temperature() != null ? request.temperature() : Samples.DEFAULT_TEMPERATURE;
        boolean greedy = Boolean.TRUE.equals(request.greedy());
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong(MAX_RANDOM_SEED);
        long count = orDefault(request.count(), 1);
        String stopAt = request.stopAt();

        if (length > limits.maxLength()) {
            throw RequestRefused.tooLarge("length " + length + " is past this server's limit of " + limits.maxLength()
                    + " characters per text (charrnn serve --max-length).");
        }
        if (count > limits.maxCount()) {
            throw RequestRefused.tooLarge("count " + count + " is past this server's limit of " + limits.maxCount()
                    + " texts per request (charrnn serve --max-count).");
        }
        if (count < 1) {
            throw RequestRefused.badRequest("count must be at least 1, got " + count + ".");
        }
        if (prime.isEmpty()) {
            throw RequestRefused.badRequest("prime needs at least one character (leave it out for the model's default).");
        }
        if (stopAt != null && stopAt.isEmpty()) {
            throw RequestRefused.badRequest("stop_at needs at least one character (leave it out to keep whole texts).");
        }
        List<Integer> unknown = vocabulary.unknownCodePoints(prime);
        if (!unknown.isEmpty()) {
            throw RequestRefused.badRequest("prime has characters the model's vocabulary does not contain: "
                    + Vocabulary.describe(unknown) + "; use only characters the model was trained on.");
        }
        GenerationSettings settings = new GenerationSettings(prime, clampToInt(length), clampToInt(topK), temperature, greedy,
                seed, (int) count, stopAt);
        try {
            Samples.requireTopKWithin(vocabulary, topK, greedy, "top_k");
            settings.options(0);   // checks length, top_k and temperature
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest(e.getMessage());
        }
        return settings;
    }

    /** The answer to a request once its texts are generated: {@code {"texts": [...], ...the settings used}}. */
    static String answer(List<String> texts, GenerationSettings settings) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("texts", texts);
        answer.putAll(settings.echo());
        return Json.object(answer);
    }

    /** Generates the request's texts here, on this thread, on the model's own generate (tests compare with it). */
    String generate(byte[] body) {
        GenerationSettings settings = settings(body);
        List<String> texts = Samples.generate(rnn, settings.prime(), settings.count(), settings.options(0), settings.stopAt());
        return answer(texts, settings);
    }

    /** A long as an int, the extremes standing for anything beyond (all of which the checks refuse or ignore). */
    private static int clampToInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static long orDefault(Long value, long otherwise) {
        return value != null ? value : otherwise;
    }
}
