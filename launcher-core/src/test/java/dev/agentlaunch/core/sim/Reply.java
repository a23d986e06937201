package dev.agentlaunch.core.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes one HTTP answer: a whole body, or a stream of SSE events / NDJSON lines. */
final class Reply {
    private final HttpExchange exchange;
    private final boolean head;
    private OutputStream stream;

    Reply(HttpExchange exchange) {
        this.exchange = exchange;
        this.head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
    }

    void json(int status, JsonNode body) throws IOException {
        text(status, "application/json; charset=utf-8", OllamaSimulator.JSON.writeValueAsString(body));
    }

    void text(int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (head) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Starts a chunked 200 answer of the given type; then call {@link #sse}, {@link #line} and {@link #end}. */
    void startStream(String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        stream = exchange.getResponseBody();
    }

    /** One SSE message {@code event: <name>\ndata: <json>\n\n}; without a name only the data line. */
    void sse(String event, JsonNode data) throws IOException {
        String json = OllamaSimulator.JSON.writeValueAsString(data);
        write((event == null ? "" : "event: " + event + "\n") + "data: " + json + "\n\n");
    }

    /** One NDJSON line. */
    void line(JsonNode data) throws IOException {
        write(OllamaSimulator.JSON.writeValueAsString(data) + "\n");
    }

    void write(String raw) throws IOException {
        stream.write(raw.getBytes(StandardCharsets.UTF_8));
        stream.flush();
    }

    void end() throws IOException {
        stream.close();
    }
}
