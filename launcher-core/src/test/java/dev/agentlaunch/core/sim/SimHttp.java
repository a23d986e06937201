package dev.agentlaunch.core.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A tiny HTTP client for the simulator's own tests: requests, JSON, SSE and NDJSON parsing. */
final class SimHttp {
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One server-sent event: its {@code event:} name (null when none) and its parsed {@code data:}. */
    record Event(String name, JsonNode data) { }

    private SimHttp() {
    }

    static HttpResponse<String> get(OllamaSimulator sim, String path) {
        return send(HttpRequest.newBuilder(URI.create(sim.url() + path)).GET());
    }

    static HttpResponse<String> post(OllamaSimulator sim, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(sim.url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return OllamaSimulator.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Parses an SSE body; a {@code data: [DONE]} line becomes an event with a null data. */
    static List<Event> events(String body) {
        List<Event> out = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            String name = null;
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            out.add(new Event(name, data == null || data.equals("[DONE]") ? null : json(data)));
        }
        return out;
    }

    static List<JsonNode> ndjson(String body) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                out.add(json(line));
            }
        }
        return out;
    }
}
