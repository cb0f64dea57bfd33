package io.github.charrnn.cli;

/**
 * A request {@code charrnn serve} will not carry out: its HTTP status (400 for a malformed or invalid request, 403
 * for one from a host or origin the server does not answer, 413 for one past the server's limits, 415 for a body
 * that is not declared JSON, 422 for a valid request whose texts could not be made within the copy guard, 503 when
 * the server is too busy or stopping) and the one sentence, saying what was wrong and what is allowed, that the
 * client gets as {@code {"error": ...}}.
 */
final class RequestRefused extends RuntimeException {

    private final int status;

    private RequestRefused(int status, String sentence) {
        super(sentence, null, false, false);
        this.status = status;
    }

    /** 400: the request is malformed or asks for something invalid. */
    static RequestRefused badRequest(String sentence) {
        return new RequestRefused(400, sentence);
    }

    /** 408: the request body took too long to arrive. */
    static RequestRefused timeout(String sentence) {
        return new RequestRefused(408, sentence);
    }

    /** 413: the request is past one of the server's limits. */
    static RequestRefused tooLarge(String sentence) {
        return new RequestRefused(413, sentence);
    }

    /** 403: the request names a host or comes from an origin this server does not answer. */
    static RequestRefused forbidden(String sentence) {
        return new RequestRefused(403, sentence);
    }

    /** 415: the body is not declared as JSON. */
    static RequestRefused unsupportedMediaType(String sentence) {
        return new RequestRefused(415, sentence);
    }

    /** 422: the request is valid but what it asks for could not be made (a text still copying after its last draw). */
    static RequestRefused unprocessable(String sentence) {
        return new RequestRefused(422, sentence);
    }

    /** 503: the server is too busy now (its queue is full, the request ran out of time) or is stopping. */
    static RequestRefused unavailable(String sentence) {
        return new RequestRefused(503, sentence);
    }

    /** The HTTP status code to answer with. */
    int status() {
        return status;
    }
}
