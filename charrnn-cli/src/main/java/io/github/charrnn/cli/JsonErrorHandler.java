package io.github.charrnn.cli;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The answers Jetty gives by itself, before a request reaches the server's routes (431 for headers too large, 400
 * for a request it cannot parse, ...), as one JSON sentence like every other refusal of {@code charrnn serve}.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final String JSON = "application/json; charset=utf-8";

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, body(status), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        return body(status);
    }

    /** {@code {"error": "..."}} for a status Jetty answers by itself. */
    static ByteBuffer body(int status) {
        String sentence = switch (status) {
            case 431 -> "The request's headers are larger than this server accepts; send fewer or shorter headers.";
            case 414 -> "The request's URI is longer than this server accepts; use a shorter one.";
            case 408 -> "The request was not received in time; send it again, without pauses.";
            case 413 -> "The request body is larger than this server's limit (charrnn serve --max-body-bytes).";
            default -> "The request was refused with HTTP status " + status + " (" + HttpStatus.getMessage(status)
                    + "); check that it is well-formed HTTP.";
        };
        return ByteBuffer.wrap(Json.object("error", sentence).getBytes(StandardCharsets.UTF_8));
    }
}
