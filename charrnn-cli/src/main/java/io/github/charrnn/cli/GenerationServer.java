package io.github.charrnn.cli;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP side of {@code charrnn serve}, on Javalin: {@code GET /} (the page), {@code GET /info} (the model's
 * metadata) and {@code POST /generate}. Every refusal is JSON {@code {"error": "one sentence"}}; no stack trace
 * reaches a client. Requests run concurrently on Jetty's threads.
 */
final class GenerationServer {

    private static final String JSON = "application/json; charset=utf-8";
    private static final String PAGE_RESOURCE = "serve-page.html";
    private static final String ENDPOINTS = "GET /, GET /info and POST /generate";

    private final ServeLimits limits;
    private final String page;
    private final Javalin app;

    /**
     * @param service  answers {@code POST /generate}
     * @param infoJson the answer of {@code GET /info}
     * @param limits   the body size limit (the others are the service's)
     */
    GenerationServer(GenerationService service, String infoJson, ServeLimits limits) {
        this.limits = limits;
        this.page = readPage();
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = limits.maxBodyBytes();
            config.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
            config.routes.get("/info", ctx -> ctx.contentType(JSON).result(infoJson));
            config.routes.post("/generate", ctx -> ctx.contentType(JSON).result(service.generate(body(ctx))));
            config.routes.exception(RequestRefused.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), describe(e, ctx)));
            config.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500,
                    "The server failed: " + ErrorMessages.describe(e).replace(" (run with --verbose for details)", "")));
        });
    }

    /** Starts listening; returns the port (the one chosen when {@code port} is 0). */
    int start(String host, int port) {
        app.start(host, port);
        return app.port();
    }

    /** Stops listening and ends the server's threads. */
    void stop() {
        app.stop();
    }

    /** The request body, at most {@link ServeLimits#maxBodyBytes()} bytes; 413 past that, declared or sent. */
    private byte[] body(Context ctx) throws IOException {
        int max = limits.maxBodyBytes();
        long declared = ctx.req().getContentLengthLong();
        byte[] body = declared > max ? null : ctx.bodyInputStream().readNBytes(max + 1);
        if (body == null || body.length > max) {
            throw RequestRefused.tooLarge("The request body is larger than this server's limit of " + max
                    + " bytes (charrnn serve --max-body-bytes).");
        }
        return body;
    }

    private static void error(Context ctx, int status, String sentence) {
        ctx.status(status).contentType(JSON).result(Json.object("error", sentence));
    }

    /** Javalin's own refusals (no such endpoint, wrong method, too large) as one sentence naming what exists. */
    private static String describe(HttpResponseException e, Context ctx) {
        String request = ctx.method() + " " + ctx.path();
        return switch (e.getStatus()) {
            case 404 -> "There is no " + request + "; the endpoints are " + ENDPOINTS + ".";
            case 405 -> ctx.path() + " does not answer " + ctx.method() + "; the endpoints are " + ENDPOINTS + ".";
            case 413 -> "The request body is larger than this server's limit (charrnn serve --max-body-bytes).";
            default -> e.getMessage() + ".";
        };
    }

    private static String readPage() {
        try (InputStream in = GenerationServer.class.getResourceAsStream(PAGE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The page " + PAGE_RESOURCE + " is missing from charrnn's jar.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
