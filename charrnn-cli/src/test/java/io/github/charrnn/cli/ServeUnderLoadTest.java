package io.github.charrnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code charrnn serve} with requests that outlast their clients or its limits: a generation whose client has gone
 * stops at once, and past the queue a request gets 503 with Retry-After while the server goes on answering.
 */
class ServeUnderLoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void generationsStopWhenTheirClientsLeaveAndPastTheQueueIs503() throws Exception {
        CommandLineTest.Run train = CommandLineTest.trainTinyModel(dir);
        assertEquals(0, train.exitCode(), train.err());
        RunningServe serve = RunningServe.start("--model", dir.resolve("tiny.zip").toString(), "--port", "0", "--quiet",
                "--max-length", "1000000", "--max-count", "2", "--max-streams", "2", "--max-queue", "1");
        URI base = serve.url();
        List<Socket> clients = new ArrayList<>();
        try {
            String endless = "{\"length\": 1000000, \"count\": 2}";
            clients.add(send(base, endless, false));   // runs (both rows)
            waitFor(base, "active_streams", 2);
            clients.add(send(base, endless, true));    // waits in the queue (as an event stream)
            waitFor(base, "queued", 1);
            try (Socket refused = send(base, endless, false)) {
                String answer = new String(readAll(refused.getInputStream()), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
                assertTrue(answer.contains("Retry-After: 1"), answer);
                assertTrue(answer.contains("--max-queue"), answer);
            }
            for (Socket client : clients) {
                client.close();
            }
            long left = System.nanoTime();
            waitFor(base, "active_streams", 0);
            waitFor(base, "queued", 0);
            double seconds = (System.nanoTime() - left) / 1e9;
            assertTrue(seconds < 2, "the generations stopped " + seconds + " s after their clients left");
        } finally {
            for (Socket client : clients) {
                client.close();
            }
            assertEquals(0, serve.stop());
        }
    }

    /** A POST /generate written on a socket of its own, left open (HTTP/1.1 without Connection: close). */
    private static Socket send(URI base, String body, boolean events) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(10_000);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String request = "POST /generate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + (events ? "Accept: text/event-stream\r\n" : "") + "Content-Length: " + bytes.length + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return socket;
    }

    /** The answer up to the end of its JSON body (the connection stays open, so not up to its end). */
    private static byte[] readAll(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int read;
        while ((read = in.read(buffer)) > 0) {
            answer.write(buffer, 0, read);
            if (answer.toString(StandardCharsets.UTF_8).endsWith("}")) {
                break;
            }
        }
        return answer.toByteArray();
    }

    /** Polls GET /health until {@code field} is {@code value} (at most 10 s). */
    private static void waitFor(URI base, String field, int value) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode health = null;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                health = JSON.readTree(answer.substring(answer.indexOf('{')));
            }
            if (health.get(field).asInt() == value) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(field + " did not reach " + value + " within 10 s: " + health);
    }
}
