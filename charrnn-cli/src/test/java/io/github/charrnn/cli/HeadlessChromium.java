package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven over the DevTools protocol (a WebSocket, with the JDK's own client): one page
 * that a test navigates, types into, clicks on, reads and photographs as a person would. Test code only.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEVTOOLS_URL = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final String session;

    /** The browser to use: $CHROMIUM if set, else chromium or chromium-headless-shell on the PATH; null if none runs. */
    static Path find() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Files.isExecutable(Path.of(configured)) ? Path.of(configured) : null;
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-headless-shell", "chromium-browser").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** Starts the browser with a fresh profile in {@code profile} and opens one blank page. */
    static HeadlessChromium launch(Path browser, Path profile) throws Exception {
        Path log = profile.resolve("chromium.log");
        Process process = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "--window-size=1000,900", "about:blank")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            return new HeadlessChromium(process, profile, devToolsUrl(process, log));
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static URI devToolsUrl(Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String printed = Files.exists(log) ? Files.readString(log) : "";
            Matcher url = DEVTOOLS_URL.matcher(printed);
            if (url.find()) {
                return URI.create(url.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium exited (" + process.exitValue() + ") before listening: " + printed);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Chromium printed no DevTools URL within 30 s: " + Files.readString(log));
    }

    private HeadlessChromium(Process process, Path profile, URI devTools) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(devTools, new Replies()).get(30, TimeUnit.SECONDS);
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        this.session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId").asText();
    }

    /** Loads {@code url} in the page and waits until it has loaded. */
    void open(URI url) throws Exception {
        call(session, "Page.navigate", Map.of("url", url.toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!"complete".equals(evaluate("document.location.href === '" + url + "' ? document.readyState : 'loading'"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The page " + url + " did not load within 30 s.");
            }
            Thread.sleep(50);
        }
    }

    /** Runs a JavaScript expression in the page; its value as a string (JSON.stringify it for structures). */
    String evaluate(String expression) throws Exception {
        JsonNode result = call(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("The page's script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value").asText();
    }

    /** Clicks the middle of the element {@code selector} with the mouse, as a person would. */
    void click(String selector) throws Exception {
        JsonNode box = JSON.readTree(evaluate("(() => { const r = document.querySelector('" + selector + "').getBoundingClientRect();"
                + " return JSON.stringify({x: r.x + r.width / 2, y: r.y + r.height / 2}); })()"));
        double x = box.get("x").asDouble();
        double y = box.get("y").asDouble();
        call(session, "Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
        call(session, "Input.dispatchMouseEvent", Map.of("type", "mousePressed", "x", x, "y", y, "button", "left", "clickCount", 1));
        call(session, "Input.dispatchMouseEvent", Map.of("type", "mouseReleased", "x", x, "y", y, "button", "left", "clickCount", 1));
    }

    /** Clicks into the field {@code selector}, selects what it holds and types {@code text} over it. */
    void type(String selector, String text) throws Exception {
        click(selector);
        evaluate("document.querySelector('" + selector + "').select()");
        call(session, "Input.insertText", Map.of("text", text));
    }

    /** Saves what the page shows as a PNG. */
    void screenshot(Path png) throws Exception {
        String data = call(session, "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true))
                .get("data").asText();
        Files.write(png, Base64.getDecoder().decode(data));
    }

    private JsonNode call(String sessionId, String method, Map<String, Object> params) throws Exception {
        int id = nextId.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
        JsonNode answer = reply.get(60, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** Ends the browser and its helper processes, and removes the lock links it leaves in the profile. */
    @Override
    public void close() throws IOException, InterruptedException {
        List<ProcessHandle> helpers = process.descendants().toList();
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            helpers.forEach(ProcessHandle::destroyForcibly);
            try (Stream<Path> files = Files.list(profile)) {
                for (Path link : files.filter(Files::isSymbolicLink).toList()) {
                    Files.delete(link);   // SingletonLock and the like point outside the profile
                }
            }
        }
    }

    /** Hands each reply (a message with an id) to its caller; events are ignored. */
    private final class Replies implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> reply = message.has("id") ? pending.remove(message.get("id").asInt()) : null;
                    if (reply != null) {
                        reply.complete(message);
                    }
                } catch (IOException e) {
                    pending.values().forEach(reply -> reply.completeExceptionally(e));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
