package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.charrnn.CharRnn;
import io.github.charrnn.evaluation.ScoredText;
import io.github.charrnn.generation.GeneratedText;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.vocabulary.UnknownCharacters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.github.charrnn.cli.CommandLineTest.assertOneLineError;
import static io.github.charrnn.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code charrnn serve} end to end: the command itself runs on a thread (as on the command line, but with small
 * limits), and the tests call it over loopback HTTP with {@link HttpClient}.
 */
class ServeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 2048;
    private static final int MAX_LENGTH = 300;
    private static final int MAX_COUNT = 8;

    @TempDir
    static Path dir;
    static Path model;
    static CharRnn rnn;
    static RunningServe serve;
    static URI base;
    static HttpClient client;

    record Answer(int status, String contentType, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    @BeforeAll
    static void serveATinyModel() throws Exception {
        CommandLineTest.Run train = CommandLineTest.trainTinyModel(dir);
        assertEquals(0, train.exitCode(), train.err());
        model = dir.resolve("tiny.zip");
        rnn = CharRnn.loadForGeneration(model);
        serve = RunningServe.start("--model", model.toString(), "--port", "0", "--max-body-bytes", String.valueOf(MAX_BODY_BYTES),
                "--max-length", String.valueOf(MAX_LENGTH), "--max-count", String.valueOf(MAX_COUNT),
                "--allow-origin", "https://allowed.example", "--quiet");
        base = serve.url();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stopServing() throws Exception {
        assertEquals(0, serve.stop());
    }

    private static Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private static Answer post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** The texts a direct call on the model gives: what the server must answer. */
    private static List<String> expected(String prime, int length, long seed, int count, String stopAt) {
        SamplingOptions options = SamplingOptions.builder().length(length).topK(Samples.DEFAULT_TOP_K).seed(seed).build();
        return Samples.generate(rnn, prime, count, options, stopAt);
    }

    private static List<String> texts(JsonNode answer) {
        List<String> texts = new ArrayList<>();
        answer.get("texts").forEach(text -> texts.add(text.asText()));
        return texts;
    }

    @Test
    void infoIsTheModelsMetadata() throws Exception {
        Answer info = get("info");
        assertEquals(200, info.status());
        assertTrue(info.contentType().startsWith("application/json"), info.contentType());
        JsonNode json = info.json();
        assertEquals(rnn.vocabulary().size(), json.get("vocabulary_size").asInt());
        assertEquals(16, json.get("hidden").asInt());
        assertTrue(json.get("steps").asLong() > 0 && json.get("dl4j_version").asText().startsWith("1.0.0"), json.toString());
    }

    @Test
    void generateGivesTheModelsTextForTheSeedAndEchoesTheSettings() throws Exception {
        String request = "{\"prime\": \"I'm looking for\", \"length\": 40, \"seed\": 3}";
        JsonNode first = post("generate", request).json();
        assertEquals(List.of(expected("I'm looking for", 40, 3, 1, null).get(0)), texts(first));
        assertEquals(texts(first), texts(post("generate", request).json()), "the same seed gives the same text");
        assertEquals("I'm looking for", first.get("prime").asText());
        assertEquals(40, first.get("length").asInt());
        assertEquals(Samples.DEFAULT_TOP_K, first.get("top_k").asInt());
        assertEquals(Samples.DEFAULT_TEMPERATURE, first.get("temperature").asDouble());
        assertFalse(first.get("greedy").asBoolean());
        assertEquals(3, first.get("seed").asLong());
        assertEquals(1, first.get("count").asInt());
        assertTrue(first.get("stop_at").isNull());
    }

    @Test
    void anEmptyRequestUsesTheDefaultsAndReportsItsRandomSeed() throws Exception {
        Answer answer = post("generate", "{}");
        assertEquals(200, answer.status(), answer.body());
        JsonNode json = answer.json();
        String text = json.get("texts").get(0).asText();
        assertTrue(text.startsWith(SampleCommand.defaultPrime(rnn.vocabulary())), text);
        int length = Math.min(Samples.DEFAULT_LENGTH, MAX_LENGTH);   // sample's default, capped at --max-length
        assertEquals(length, json.get("length").asInt());
        assertEquals(1 + length, text.codePointCount(0, text.length()));
        long seed = json.get("seed").asLong();
        assertTrue(seed >= 0 && seed < 1L << 53, "a random seed JavaScript holds exactly: " + seed);
        assertEquals(List.of(text), expected(json.get("prime").asText(), length, seed, 1, null));
    }

    @Test
    void countGeneratesABatchAndStopAtCutsEachText() throws Exception {
        JsonNode three = post("generate", "{\"prime\": \"a\", \"length\": 60, \"seed\": 5, \"count\": 3}").json();
        assertEquals(expected("a", 60, 5, 3, null), texts(three));
        assertEquals(expected("a", 60, 5, 1, null).get(0), texts(three).get(0), "text 1 of a batch is the single text of its seed");
        JsonNode cut = post("generate", "{\"prime\": \"a\", \"length\": 60, \"seed\": 5, \"count\": 3, \"stop_at\": \" \"}").json();
        assertEquals(expected("a", 60, 5, 3, " "), texts(cut));
        assertEquals(" ", cut.get("stop_at").asText());
    }

    @Test
    void parallelRequestsEachGetTheirSeedsText() throws Exception {
        int threads = 8;
        List<List<String>> oneByOne = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            oneByOne.add(texts(post("generate", request(i)).json()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch together = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String request = request(i);
                answers.add(pool.submit(() -> {
                    together.await();
                    return post("generate", request);
                }));
            }
            together.countDown();
            for (int i = 0; i < threads; i++) {
                Answer answer = answers.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(200, answer.status(), answer.body());
                assertEquals(oneByOne.get(i), texts(answer.json()), "request " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Request i of the parallel test: its own seed, prime and length; every third a batch of two. */
    private static String request(int i) {
        return "{\"prime\": \"" + (i % 2 == 0 ? "I'm" : "good") + "\", \"length\": " + (120 + 10 * i) + ", \"seed\": " + (100 + i)
                + ", \"count\": " + (i % 3 == 0 ? 2 : 1) + "}";
    }

    @Test
    void thePageIsServedWithTheElementsTheBrowserCheckUses() throws Exception {
        Answer page = get("");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        for (String id : new String[]{"prime", "length", "top_k", "temperature", "top_p", "count", "generate", "output", "error"}) {
            assertTrue(page.body().contains("id=\"" + id + "\""), id);
        }
        assertFalse(page.body().contains("src=\"http") || page.body().contains("href=\"http"), "self-contained: no CDN");
    }

    @Test
    void badRequestsGet400WithOneSentence() throws Exception {
        assertRefused(400, "{\"prime\": \"I\",}", "not valid JSON (line 1, column");
        assertRefused(400, "[1, 2]", "must be a JSON object");
        assertRefused(400, "{\"lenght\": 3}", "Unknown field \"lenght\"; the fields are prime, length, top_k");
        assertRefused(400, "{\"length\": \"30\"}", "Field \"length\" must be a whole number, not a string");
        assertRefused(400, "{\"length\": 2.5}", "Field \"length\" must be a whole number");
        assertRefused(400, "{\"temperature\": \"hot\"}", "Field \"temperature\" must be a number");
        assertRefused(400, "{\"greedy\": 1}", "Field \"greedy\" must be true or false");
        assertRefused(400, "{\"prime\": 7}", "Field \"prime\" must be a string");
        assertRefused(400, "{\"seed\": 123456789012345678901234567890}", "fits in 64 bits");
        assertRefused(400, "{\"prime\": \"xyz#\"}", "'#'");
        assertRefused(400, "{\"prime\": \"\"}", "prime needs at least one character");
        assertRefused(400, "{\"top_k\": 500}", "top_k 500 is larger than the model's vocabulary");
        assertRefused(400, "{\"top_k\": -1}", "top_k must be at least 1");
        assertRefused(400, "{\"length\": -5}", "length must be at least 1, got -5.");
        assertRefused(400, "{\"count\": 0}", "count must be at least 1, got 0.");
        assertRefused(400, "{\"temperature\": 0}", "temperature must be a finite number greater than 0");
        assertRefused(400, "{\"stop_at\": \"\"}", "stop_at needs at least one character");
        assertRefused(400, "{\"a\": 1, \"a\": 2}", "Duplicate field 'a'");
        assertRefused(400, "{} {}", "not valid JSON");
    }

    @Test
    void requestsPastTheLimitsGet413() throws Exception {
        assertRefused(413, "{\"length\": " + (MAX_LENGTH + 1) + "}", "length 301 is past this server's limit of 300");
        assertRefused(413, "{\"count\": " + (MAX_COUNT + 1) + "}", "count 9 is past this server's limit of 8");
        assertRefused(413, "{\"prime\": \"" + "I".repeat(MAX_BODY_BYTES) + "\"}", "larger than this server's limit of 2048 bytes");
        assertEquals(200, post("generate", "{\"length\": " + MAX_LENGTH + ", \"count\": " + MAX_COUNT + "}").status(),
                "the limits themselves are allowed");
    }

    @Test
    void unknownPathsAndMethodsGetJsonErrors() throws Exception {
        Answer missing = get("nothing");
        assertEquals(404, missing.status());
        assertTrue(missing.json().get("error").asText().contains("the endpoints are GET /, GET /info, GET /health"), missing.body());
        assertEquals(405, get("generate").status());
    }

    @Test
    void serveRefusesBadSettingsInOneLine() {
        assertOneLineError(run("serve", "--model", dir.resolve("none.zip").toString()), "There is no model file");
        assertOneLineError(run("serve", "--model", model.toString(), "--port", "70000"), "--port must be from 0 to 65535");
        assertOneLineError(run("serve", "--model", model.toString(), "--max-length", "0"), "--max-length must be from 1 to 1000000, got 0.");
        assertOneLineError(run("serve", "--model", model.toString(), "--max-body-bytes", "2147483647"),
                "--max-body-bytes must be from 1 to 1048576, got 2147483647.");
        assertOneLineError(run("serve", "--model", model.toString(), "--max-count", "100"),
                "--max-count 100 is more than --max-streams 64");
        assertOneLineError(run("serve", "--model", model.toString(), "--port", String.valueOf(base.getPort())),
                "something else is listening there");
        assertOneLineError(run("serve", "--model", model.toString(), "--max-copy", "20"),
                "--max-copy and --corpus go together: --max-copy N --corpus CORPUS.");
        assertOneLineError(run("serve", "--model", model.toString(), "--max-copy", "20", "--corpus", "profiles-en",
                "--max-copy-tries", "1000"), "--max-copy-tries must be from 1 to 100 for serve, got 1000.");
        assertOneLineError(run("serve", "--model", model.toString(), "--max-copy", "20", "--corpus", "profiles-en",
                "--max-copy-action", "drop"), "--max-copy-action must be reject or report, got drop.");
        assertEquals(2, run("serve", "--port", "http").exitCode());
    }

    @Test
    void foreignHostsOriginsAndBodiesAreRefused() throws Exception {
        RawAnswer foreignHost = raw("GET /info HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertEquals(403, foreignHost.status(), foreignHost.text());
        assertTrue(foreignHost.error().contains("Host evil.example is not a name of this server"), foreignHost.text());
        RawAnswer loopbackName = raw("GET /health HTTP/1.1\r\nHost: localhost:" + base.getPort() + "\r\nConnection: close\r\n\r\n");
        assertEquals(200, loopbackName.status(), loopbackName.text());

        Answer foreignOrigin = send(HttpRequest.newBuilder(base.resolve("generate")).header("Content-Type", "application/json")
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, foreignOrigin.status(), foreignOrigin.body());
        assertTrue(foreignOrigin.json().get("error").asText().contains("--allow-origin http://evil.example"), foreignOrigin.body());
        Answer sameOrigin = send(HttpRequest.newBuilder(base.resolve("generate")).header("Content-Type", "application/json")
                .header("Origin", "http://" + base.getAuthority()).POST(HttpRequest.BodyPublishers.ofString("{\"length\": 5}")));
        assertEquals(200, sameOrigin.status(), sameOrigin.body());

        HttpResponse<String> preflight = client.send(HttpRequest.newBuilder(base.resolve("generate"))
                .header("Origin", "https://allowed.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode(), preflight.body());
        assertEquals("https://allowed.example", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Content-Type"));
        HttpResponse<String> allowed = client.send(HttpRequest.newBuilder(base.resolve("generate"))
                .header("Content-Type", "application/json").header("Origin", "https://allowed.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"length\": 5}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertEquals("https://allowed.example", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));

        Answer plain = send(HttpRequest.newBuilder(base.resolve("generate")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(415, plain.status(), plain.body());
        assertTrue(plain.json().get("error").asText().contains("Content-Type: application/json, not text/plain"), plain.body());

        assertEquals("tiny.zip", get("info").json().get("file").asText(), "the file's name, not its path");
    }

    @Test
    void jettysOwnRefusalsAreJsonToo() throws Exception {
        RawAnswer tooLarge = raw("GET /info HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "x".repeat(20_000) + "\r\n\r\n");
        assertEquals(431, tooLarge.status(), tooLarge.text());
        assertTrue(tooLarge.error().contains("headers are larger than this server accepts"), tooLarge.text());
    }

    @Test
    void healthAndMetricsAnswer() throws Exception {
        Answer health = get("health");
        assertEquals(200, health.status());
        assertEquals("ok", health.json().get("status").asText());
        post("generate", "{\"length\": 20, \"seed\": 1}");
        Answer metrics = get("metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.contentType().startsWith("text/plain; version=0.0.4"), metrics.contentType());
        for (String line : new String[]{"charrnn_requests_total{status=\"200\"} ", "charrnn_queue_depth 0", "charrnn_active_streams ",
                "charrnn_characters_generated_total ", "charrnn_generation_seconds_bucket{le=\"+Inf\"} ", "charrnn_generation_seconds_count "}) {
            assertTrue(metrics.body().contains("\n" + line), line + " in\n" + metrics.body());
        }
    }

    @Test
    void anEventStreamSendsTheTextAsItComesThenTheAnswer() throws Exception {
        String request = "{\"prime\": \"I'm\", \"length\": 200, \"seed\": 4, \"count\": 2}";
        Answer events = send(HttpRequest.newBuilder(base.resolve("generate")).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(request)));
        assertEquals(200, events.status(), events.body());
        assertTrue(events.contentType().startsWith("text/event-stream"), events.contentType());
        StringBuilder[] streamed = {new StringBuilder("I'm"), new StringBuilder("I'm")};
        JsonNode done = null;
        for (String event : events.body().split("\n\n")) {
            String[] lines = event.split("\n", 2);
            JsonNode data = JSON.readTree(lines[1].substring("data: ".length()));
            if (lines[0].equals("event: text")) {
                streamed[data.get("index").asInt()].append(data.get("text").asText());
            } else {
                assertEquals("event: done", lines[0]);
                done = data;
            }
        }
        assertTrue(done != null, events.body());
        assertEquals(texts(post("generate", request).json()), texts(done), "the final event is the JSON answer");
        assertEquals(texts(done), List.of(streamed[0].toString(), streamed[1].toString()), "the chunks add up to the texts");
        assertEquals(4, done.get("seed").asLong());
    }

    @Test
    void topPAndUnknownWorkInTheSharedBatch() throws Exception {
        JsonNode nucleus = post("generate", "{\"prime\": \"I'm\", \"length\": 50, \"seed\": 8, \"top_k\": 0, \"top_p\": 0.7,"
                + " \"count\": 2}").json();
        SamplingOptions options = SamplingOptions.builder().length(50).topK(0).topP(0.7).seed(8).build();
        assertEquals(Samples.generate(rnn, "I'm", 2, options, null), texts(nucleus));
        assertEquals(0.7, nucleus.get("top_p").asDouble());

        Answer skipped = post("generate", "{\"prime\": \"I'm#\", \"length\": 30, \"seed\": 3, \"unknown\": \"skip\"}");
        assertEquals(200, skipped.status(), skipped.body());
        assertEquals(expected("I'm", 30, 3, 1, null), texts(skipped.json()));
        assertEquals(1, skipped.json().get("unknown_chars").asInt());
        JsonNode replaced = post("generate", "{\"prime\": \"I'm#\", \"length\": 30, \"seed\": 3, \"unknown\": \"replace: \"}").json();
        assertEquals(expected("I'm ", 30, 3, 1, null), texts(replaced));
        assertRefused(400, "{\"prime\": \"I'm#\"}", "prime has 1 character that the model's vocabulary does not contain: '#'");
        assertRefused(400, "{\"top_p\": 2}", "top_p must be above 0 and at most 1");
        assertRefused(400, "{\"unknown\": \"ignore\"}", "unknown must be \"error\", \"skip\" or \"replace:C\"");
    }

    @Test
    void bestOfAndBeamAnswerWholeTextsAndAreNotStreamed() throws Exception {
        Answer best = post("generate", "{\"prime\": \"I'm\", \"length\": 40, \"seed\": 12, \"best_of\": 3}");
        assertEquals(200, best.status(), best.body());
        List<GeneratedText> candidates = rnn.generateTexts("I'm", 3,
                SamplingOptions.builder().length(40).topK(Samples.DEFAULT_TOP_K).seed(12).build()).texts();
        GeneratedText likeliest = candidates.get(0);
        for (GeneratedText candidate : candidates) {
            if (candidate.meanLogProbability() > likeliest.meanLogProbability()) {
                likeliest = candidate;
            }
        }
        assertEquals(List.of("I'm" + likeliest.text()), texts(best.json()));
        assertEquals(likeliest.meanLogProbability(), best.json().get("mean_log_probabilities").get(0).asDouble(), 1e-9);

        Answer beam = post("generate", "{\"prime\": \"I'm\", \"length\": 20, \"beam\": 2}");
        assertEquals(200, beam.status(), beam.body());
        assertEquals(List.of("I'm" + rnn.generateTexts("I'm", 1, SamplingOptions.builder().length(20).beam(2).build())
                .texts().get(0).text()), texts(beam.json()));

        assertRefused(413, "{\"best_of\": 9, \"count\": 8}", "count × best_of = 72 candidates is past this server's 64 streams");
        assertRefused(400, "{\"best_of\": 2, \"beam\": 2}", "best_of and beam cannot be combined");
        Answer streamed = send(HttpRequest.newBuilder(base.resolve("generate")).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString("{\"best_of\": 2}")));
        assertEquals(400, streamed.status(), streamed.body());
        assertEquals("best_of and beam choose among whole texts, so they cannot be streamed; ask without Accept:"
                + " text/event-stream.", streamed.json().get("error").asText());
    }

    @Test
    void scoreAgreesWithTheLibraryAndRefusesInOneSentence() throws Exception {
        String text = "I'm looking for someone who loves dogs";
        Answer answer = post("score", "{\"text\": \"" + text + "\", \"per_char\": true}");
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        JsonNode json = answer.json();
        ScoredText scored = rnn.score(null, text, UnknownCharacters.ERROR);
        assertEquals(scored.score().meanLoss(), json.get("mean_loss").asDouble(), 1e-9);
        assertEquals(scored.score().totalLoss(), json.get("total_loss").asDouble(), 1e-9);
        assertEquals(scored.score().bitsPerCharacter(), json.get("bits_per_char").asDouble(), 1e-9);
        assertEquals(text.length() - 1, json.get("chars").asInt());
        assertEquals(text.length() - 1, json.get("per_char").size());
        assertEquals("error", json.get("unknown").asText());

        JsonNode primed = post("score", "{\"text\": \"dogs\", \"prime\": \"I'm \"}").json();
        assertEquals(rnn.score("I'm ", "dogs", UnknownCharacters.ERROR).score().meanLoss(), primed.get("mean_loss").asDouble(), 1e-9);
        assertEquals(4, primed.get("chars").asInt());
        assertTrue(primed.get("per_char") == null, "per_char only when asked");
        JsonNode skipped = post("score", "{\"text\": \"I'm #looking\", \"unknown\": \"skip\"}").json();
        assertEquals(1, skipped.get("unknown_chars").asInt());
        assertEquals(rnn.score(null, "I'm looking", UnknownCharacters.ERROR).score().meanLoss(), skipped.get("mean_loss").asDouble(), 1e-9);

        assertScoreRefused(400, "{}", "text is missing");
        assertScoreRefused(400, "{\"text\": \"I\"}", "needs at least 2 characters the model knows");
        assertScoreRefused(400, "{\"text\": \"I'm #\"}", "text has 1 character that the model's vocabulary does not contain: '#'");
        assertScoreRefused(400, "{\"text\": \"dogs\", \"prime\": \"#\"}", "prime has 1 character");
        assertScoreRefused(400, "{\"txt\": \"dogs\"}", "Unknown field \"txt\"; the fields are text, prime, unknown, per_char.");
        assertScoreRefused(400, "{\"text\": \"dogs\", \"per_char\": \"yes\"}", "Field \"per_char\" must be true or false");
        assertScoreRefused(413, "{\"text\": \"" + "I".repeat(MAX_LENGTH + 1) + "\"}", "past this server's limit of 300");
        Answer plain = send(HttpRequest.newBuilder(base.resolve("score")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"dogs\"}")));
        assertEquals(415, plain.status(), plain.body());
        assertTrue(plain.json().get("error").asText().startsWith("POST /score takes a JSON body"), plain.body());
        RawAnswer foreignHost = raw("POST /score HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertEquals(403, foreignHost.status(), foreignHost.text());

        String metrics = get("metrics").body();
        assertTrue(metrics.contains("\ncharrnn_texts_scored_total ") && !metrics.contains("\ncharrnn_texts_scored_total 0\n"), metrics);
        assertTrue(metrics.contains("\ncharrnn_characters_scored_total "), metrics);
    }

    @Test
    void theCopyGuardRedrawsAPlantedCopy() throws Exception {
        SamplingOptions options = SamplingOptions.builder().length(60).topK(Samples.DEFAULT_TOP_K).seed(21).build();
        String planted = rnn.generate("I'm", options);
        Path corpus = java.nio.file.Files.writeString(dir.resolve("planted.txt"), "Some text.\nI'm" + planted + "\nMore text.\n");
        RunningServe guarded = RunningServe.start("--model", model.toString(), "--port", "0", "--max-copy", "20",
                "--corpus", corpus.toString(), "--quiet");
        try {
            URI url = guarded.url();
            HttpResponse<String> redrawn = client.send(HttpRequest.newBuilder(url.resolve("generate"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"prime\": \"I'm\", \"length\": 60, \"seed\": 21}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, redrawn.statusCode(), redrawn.body());
            JsonNode json = JSON.readTree(redrawn.body());
            assertFalse(texts(json).get(0).equals("I'm" + planted), "the planted copy is not answered");
            assertTrue(json.get("longest_copy").get(0).asInt() <= 20, redrawn.body());
            assertTrue(json.get("copy_tries").get(0).asInt() >= 2, redrawn.body());

            HttpResponse<String> scored = client.send(HttpRequest.newBuilder(url.resolve("score"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(java.util.Map.of("text", "I'm" + planted)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scored.statusCode(), scored.body());
            assertEquals(63, JSON.readTree(scored.body()).get("longest_copy").asInt(), scored.body());

            HttpResponse<String> streamed = client.send(HttpRequest.newBuilder(url.resolve("generate"))
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, streamed.statusCode(), streamed.body());
            assertTrue(streamed.body().contains("cannot stream"), streamed.body());
        } finally {
            assertEquals(0, guarded.stop());
        }
    }

    private static void assertScoreRefused(int status, String body, String expectedPart) throws Exception {
        Answer answer = post("score", body);
        assertEquals(status, answer.status(), body + " -> " + answer.body());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        String error = answer.json().get("error").asText();
        assertTrue(error.contains(expectedPart), body + " -> " + error);
        assertFalse(error.contains("\n") || error.contains("Exception"), error);
    }

    record RawAnswer(int status, String text) {
        String error() throws Exception {
            return JSON.readTree(text.substring(text.indexOf('{'), text.lastIndexOf('}') + 1)).get("error").asText();
        }
    }

    /** A request written byte for byte, for what HttpClient will not send (a Host of one's choosing, huge headers). */
    private static RawAnswer raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new RawAnswer(Integer.parseInt(text.split(" ", 3)[1]), text);
        }
    }

    private static void assertRefused(int status, String body, String expectedPart) throws Exception {
        Answer answer = post("generate", body);
        assertEquals(status, answer.status(), body + " -> " + answer.body());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        JsonNode json = answer.json();
        assertEquals(1, json.size(), answer.body());
        String error = json.get("error").asText();
        assertTrue(error.contains(expectedPart), body + " -> " + error);
        assertFalse(error.contains("\n") || error.contains("Exception") || error.contains("\tat "), error);
    }
}
