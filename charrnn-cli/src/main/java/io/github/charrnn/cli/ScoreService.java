package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.evaluation.ScoredText;
import io.github.charrnn.novelty.CopyGuard;
import io.github.charrnn.novelty.CopySpan;
import io.github.charrnn.vocabulary.UnknownCharacters;

import java.util.Map;

/**
 * What {@code POST /score} means, apart from HTTP: a request checked against the model and the limits
 * ({@link #settings}), then scored on {@link CharRnn#score} into the JSON that {@code charrnn score --json} prints
 * ({@link #score}), with the text's longest copy of the corpus when the server has a copy guard.
 */
final class ScoreService {

    /**
     * A checked {@code POST /score}.
     *
     * @param text    the text to score
     * @param prime   text the model reads first, not scored; null: the text's first character
     * @param unknown what to do with characters the model does not know
     * @param perChar whether the answer lists every scored character
     */
    record Settings(String text, String prime, UnknownCharacters unknown, boolean perChar) {
    }

    private final CharRnn rnn;
    private final ServeLimits limits;
    private final CopyGuard copyGuard;

    /** @param copyGuard whose corpus the answer reports the longest copy of; null for none */
    ScoreService(CharRnn rnn, ServeLimits limits, CopyGuard copyGuard) {
        this.rnn = rnn;
        this.limits = limits;
        this.copyGuard = copyGuard;
    }

    /**
     * The settings of one request body, checked.
     *
     * @throws RequestRefused 400 for a malformed or invalid request, 413 for a text past --max-length
     */
    Settings settings(byte[] body) {
        ScoreRequest request = ScoreRequest.parse(body);
        if (request.text() == null) {
            throw RequestRefused.badRequest("text is missing: send the text to score, as in {\"text\": \"The cat sat.\"}.");
        }
        long characters = request.text().codePointCount(0, request.text().length())
                + (request.prime() == null ? 0 : request.prime().codePointCount(0, request.prime().length()));
        if (characters > limits.maxLength()) {
            throw RequestRefused.tooLarge("text and prime hold " + characters + " characters, past this server's limit"
                    + " of " + limits.maxLength() + " (charrnn serve --max-length).");
        }
        UnknownCharacters unknown = GenerationService.unknownSetting(request.unknown());
        // reads each now, for a message that names the field; the model reads them again when scoring
        if (request.prime() != null && !request.prime().isEmpty()) {
            GenerationService.read(rnn.vocabulary(), unknown, "prime", request.prime());
        }
        GenerationService.read(rnn.vocabulary(), unknown, "text", request.text());
        return new Settings(request.text(), request.prime(), unknown, Boolean.TRUE.equals(request.perChar()));
    }

    /**
     * Scores a request on this thread: the answer holds the fields of {@code charrnn score --json}, and {@code longest_copy} and
     * {@code longest_copy_text} when the server has a corpus.
     *
     * @throws RequestRefused 400 when nothing is left to score
     */
    JsonAnswer score(Settings settings) {
        ScoredText scored;
        try {
            scored = rnn.score(settings.prime(), settings.text(), settings.unknown());
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest(e.getMessage());
        }
        Map<String, Object> answer = ScoreCommand.fields(scored, settings.unknown(), settings.perChar());
        if (copyGuard != null) {
            CopySpan copy = copyGuard.longestCopy("", settings.text());
            answer.put("longest_copy", copy.length());
            answer.put("longest_copy_text", copy.text());
        }
        return new JsonAnswer(Json.object(answer), scored.score().characters());
    }
}
