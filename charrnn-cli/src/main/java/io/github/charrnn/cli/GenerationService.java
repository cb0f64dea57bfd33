package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.generation.GeneratedText;
import io.github.charrnn.generation.Generation;
import io.github.charrnn.novelty.CopyGuard;
import io.github.charrnn.vocabulary.KnownText;
import io.github.charrnn.vocabulary.UnknownCharacters;
import io.github.charrnn.vocabulary.UnknownCharactersException;
import io.github.charrnn.vocabulary.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What {@code POST /generate} means, apart from HTTP: a request's values checked against the model and the limits
 * ({@link #settings}), the texts that need whole candidates generated ({@link #generateWhole}), and the answer as
 * JSON ({@link #answer}). {@link GenerationScheduler} generates the texts sampled as they go.
 */
final class GenerationService {

    /** Random seeds stay below 2^53, so that JavaScript's numbers (the page's) hold the echoed seed exactly. */
    private static final long MAX_RANDOM_SEED = 1L << 53;

    private final CharRnn rnn;
    private final ServeLimits limits;
    private final ServeCopyGuard copyGuard;

    GenerationService(CharRnn rnn, ServeLimits limits) {
        this(rnn, limits, null);
    }

    /** @param copyGuard the server's copy guard, or null for none */
    GenerationService(CharRnn rnn, ServeLimits limits, ServeCopyGuard copyGuard) {
        this.rnn = rnn;
        this.limits = limits;
        this.copyGuard = copyGuard;
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
        double topP = request.topP() != null ? request.topP() : 1.0;
        long bestOf = orDefault(request.bestOf(), 1);
        long beam = orDefault(request.beam(), 0);

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
        requireSearchWithin(count, bestOf, beam);
        if (prime.isEmpty()) {
            throw RequestRefused.badRequest("prime needs at least one character (leave it out for the model's default).");
        }
        if (stopAt != null && stopAt.isEmpty()) {
            throw RequestRefused.badRequest("stop_at needs at least one character (leave it out to keep whole texts).");
        }
        UnknownCharacters unknown = unknownSetting(request.unknown());
        KnownText read = readPrime(unknown, prime);
        GenerationSettings settings = new GenerationSettings(read.text(), clampToInt(length), clampToInt(topK), temperature,
                greedy, seed, (int) count, stopAt, topP, clampToInt(bestOf), clampToInt(beam), unknown,
                read.unknownCharacters());
        try {
            Samples.requireTopKWithin(vocabulary, topK, greedy || beam > 0, "top_k");
            settings.options(0);   // checks length, top_k, top_p, temperature, best_of and beam
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest(fieldNames(e.getMessage()));
        }
        return settings;
    }

    /** best_of and beam within the server's streams at once, and a beam wide enough for count. */
    private void requireSearchWithin(long count, long bestOf, long beam) {
        int streams = limits.maxStreams();
        if (bestOf > streams || count * bestOf > streams) {
            throw RequestRefused.tooLarge("count × best_of = " + (bestOf > streams ? "more than " + streams : count * bestOf)
                    + " candidates is past this server's " + streams + " streams at once (charrnn serve --max-streams).");
        }
        if (beam > streams) {
            throw RequestRefused.tooLarge("beam " + beam + " is past this server's limit of " + streams
                    + " (charrnn serve --max-streams).");
        }
        if (beam > 0 && count > beam) {
            throw RequestRefused.badRequest("count " + count + " is more than beam " + beam + ": a beam search of width "
                    + beam + " gives at most " + beam + " texts.");
        }
    }

    /** The request's unknown field, checked (absent: error). */
    static UnknownCharacters unknownSetting(String value) {
        if (value == null) {
            return UnknownCharacters.ERROR;
        }
        try {
            return UnknownCharacters.parse(value);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest("unknown must be \"error\", \"skip\" or \"replace:C\" with one character C"
                    + " (\\n, \\t and \\s stand for a newline, a tab and a space), got \"" + value + "\".");
        }
    }

    /** {@code field} (a prime or a text) as the model reads it, unknown characters handled as the request says. */
    static KnownText read(Vocabulary vocabulary, UnknownCharacters unknown, String field, String value) {
        try {
            return unknown.encode(vocabulary, value);
        } catch (UnknownCharactersException e) {
            String summary = e.summary();
            throw RequestRefused.badRequest(field + (summary.startsWith("The text ") ? summary.substring("The text".length())
                    : ": " + summary) + "; leave them out with \"unknown\": \"skip\", or read them as a character the"
                    + " model knows with \"unknown\": \"replace:C\".");
        } catch (IllegalArgumentException e) {   // a replacement the model does not know either
            throw RequestRefused.badRequest(e.getMessage());
        }
    }

    private KnownText readPrime(UnknownCharacters unknown, String prime) {
        KnownText read = read(rnn.vocabulary(), unknown, "prime", prime);
        if (read.length() == 0) {
            throw RequestRefused.badRequest("prime has no character the model knows once its " + read.unknownCharacters()
                    + " unknown ones are left out; give at least one character the model was trained on.");
        }
        return read;
    }

    /** A library message about sampling options with the request's field names (top_k, not top-k). */
    static String fieldNames(String message) {
        return message.replace("top-k", "top_k").replace("top-p", "top_p").replace("best-of", "best_of")
                .replace("stop-at", "stop_at");
    }

    /**
     * Whether a request's texts are made on the whole-text path ({@link #generateWhole}) rather than in the shared
     * batch: best_of and beam choose among whole candidates, and a copy guard that redraws checks whole texts.
     */
    boolean needsWholeTexts(GenerationSettings settings) {
        return settings.choosesWholeTexts() || copyGuard != null && copyGuard.reject();
    }

    /**
     * Refuses (400) a streaming request whose texts are only known whole ({@link #needsWholeTexts}): those are
     * refused rather than sent at the end, so that a streaming client never waits on a stream without events.
     */
    void requireStreamable(GenerationSettings settings) {
        if (settings.choosesWholeTexts()) {
            throw RequestRefused.badRequest("best_of and beam choose among whole texts, so they cannot be streamed;"
                    + " ask without Accept: text/event-stream.");
        }
        if (needsWholeTexts(settings)) {
            throw RequestRefused.badRequest("This server checks every whole text for copies of its corpus before"
                    + " sending it (charrnn serve --max-copy), so it cannot stream; ask without Accept: text/event-stream.");
        }
    }

    /**
     * The answer to a request of the shared batch once its texts are generated: {@code {"texts": [...], ...the
     * settings used}}, and each text's longest copy of the corpus when the server reports copies.
     */
    String answer(List<String> texts, GenerationSettings settings) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("texts", texts);
        answer.putAll(settings.echo());
        if (copyGuard != null) {
            answer.put("longest_copy", longestCopies(texts, settings.prime()));
        }
        return Json.object(answer);
    }

    private List<Integer> longestCopies(List<String> texts, String prime) {
        List<Integer> copies = new ArrayList<>(texts.size());
        for (String text : texts) {
            copies.add(copyGuard.guard().longestCopy(prime, text.substring(prime.length())).length());
        }
        return copies;
    }

    /**
     * Generates a request's texts on this thread as whole candidates: best-of-N or beam search through
     * {@link CharRnn#generateTexts} (the answer adds each text's mean log-probability), or, when the copy guard
     * redraws, through the guard (the answer adds each text's longest copy and draws).
     *
     * @throws RequestRefused 422 when a text still copies too much after the guard's last draw
     */
    JsonAnswer generateWhole(GenerationSettings settings) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (copyGuard != null && copyGuard.reject()) {
            List<CopyGuard.Sample> samples = copyGuard.guard().generate(rnn, settings.prime(), settings.count(),
                    settings.options(0), text -> Samples.cut(text, settings.stopAt()));
            for (int i = 0; i < samples.size(); i++) {
                CopyGuard.Sample sample = samples.get(i);
                if (!sample.accepted()) {
                    throw RequestRefused.unprocessable("After " + sample.tries() + " draws text " + (i + 1) + " still copies "
                            + sample.longestCopy().length() + " consecutive characters of the corpus, more than this"
                            + " server's " + copyGuard.guard().maxCopy() + " (charrnn serve --max-copy); sample more freely"
                            + " (a higher temperature or top_k) or try another seed.");
                }
            }
            answer.put("texts", samples.stream().map(s -> settings.prime() + s.generated()).toList());
            answer.putAll(settings.echo());
            answer.put("longest_copy", samples.stream().map(s -> s.longestCopy().length()).toList());
            answer.put("copy_tries", samples.stream().map(CopyGuard.Sample::tries).toList());
            long generated = samples.stream().mapToLong(s -> s.generated().codePointCount(0, s.generated().length())).sum();
            return new JsonAnswer(Json.object(answer), generated);
        }
        Generation generation = rnn.generateTexts(settings.prime(), settings.count(), settings.options(0));
        List<String> texts = generation.texts().stream().map(text -> settings.prime() + text.text()).toList();
        answer.put("texts", texts);
        answer.putAll(settings.echo());
        answer.put("mean_log_probabilities", generation.texts().stream().map(GenerationService::meanLogProbability).toList());
        if (copyGuard != null) {
            answer.put("longest_copy", longestCopies(texts, settings.prime()));
        }
        return new JsonAnswer(Json.object(answer), generation.texts().stream().mapToLong(GeneratedText::characters).sum());
    }

    /** A text's mean log-probability for JSON: null for an empty text (JSON has no NaN). */
    private static Double meanLogProbability(GeneratedText text) {
        double mean = text.meanLogProbability();
        return Double.isFinite(mean) ? mean : null;
    }

    /** Generates the request's texts here, on this thread, on the model's own generate (tests compare with it). */
    String generate(byte[] body) {
        GenerationSettings settings = settings(body);
        if (needsWholeTexts(settings)) {
            return generateWhole(settings).json();
        }
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
