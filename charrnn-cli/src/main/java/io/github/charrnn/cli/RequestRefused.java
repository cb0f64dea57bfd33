package io.github.charrnn.cli;

/**
 * A request {@code charrnn serve} will not carry out: its HTTP status (400 for a malformed or invalid request, 413
 * for one past the server's limits) and the one sentence, saying what was wrong and what is allowed, that the
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

    /** 413: the request is past one of the server's limits. */
    static RequestRefused tooLarge(String sentence) {
        return new RequestRefused(413, sentence);
    }

    /** The HTTP status code to answer with. */
    int status() {
        return status;
    }
}
