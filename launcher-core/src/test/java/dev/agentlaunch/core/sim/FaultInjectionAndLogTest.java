package dev.agentlaunch.core.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectionAndLogTest {
    private OllamaSimulator sim;

    @BeforeEach
    void start() {
        sim = OllamaSimulator.start().addModels("qwen3:4b");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void failNextAnswersOneErrorThenTheRealAnswer() {
        sim.failNext("/api/tags", 500);
        HttpResponse<String> failed = SimHttp.get(sim, "/api/tags");
        assertEquals(500, failed.statusCode());
        assertEquals("simulated failure (HTTP 500)", SimHttp.json(failed.body()).path("error").asText());
        assertEquals(200, SimHttp.get(sim, "/api/tags").statusCode());
        assertEquals(2, sim.requests("/api/tags").size(), "the failed request is recorded too");
    }

    @Test
    void injectionsArePerPathAndQueueInOrder() {
        sim.failNext("/api/version", 503, "server busy").failNext("/api/version", 502);
        assertEquals(200, SimHttp.get(sim, "/api/tags").statusCode(), "another path is untouched");
        HttpResponse<String> first = SimHttp.get(sim, "/api/version");
        assertEquals(503, first.statusCode());
        assertEquals("server busy", SimHttp.json(first.body()).path("error").asText());
        assertEquals(502, SimHttp.get(sim, "/api/version").statusCode());
        assertEquals(200, SimHttp.get(sim, "/api/version").statusCode());
    }

    @Test
    void respondRawSendsExactlyTheGivenBody() {
        sim.respondRaw("/api/show", 502, "text/html", "<html><body>Bad Gateway</body></html>")
                .respondRaw("/api/show", 200, "application/json", "{\"details\":{\"fam");
        HttpResponse<String> html = SimHttp.post(sim, "/api/show", "{\"model\":\"qwen3:4b\"}");
        assertEquals(502, html.statusCode());
        assertEquals("text/html", html.headers().firstValue("Content-Type").orElse(null));
        assertEquals("<html><body>Bad Gateway</body></html>", html.body());
        HttpResponse<String> truncated = SimHttp.post(sim, "/api/show", "{\"model\":\"qwen3:4b\"}");
        assertEquals(200, truncated.statusCode());
        assertEquals("{\"details\":{\"fam", truncated.body());
    }

    @Test
    void delayAnswersNormallyAfterThePause() {
        sim.delay("/api/version", Duration.ofMillis(300));
        long start = System.nanoTime();
        HttpResponse<String> resp = SimHttp.get(sim, "/api/version");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(200, resp.statusCode());
        assertTrue(millis >= 300, "answered after " + millis + " ms");
    }

    @Test
    void aBlackHoleNeverAnswersButOtherRequestsStillWork() throws Exception {
        sim.blackHole("/api/tags");
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.url() + "/api/tags"))
                .timeout(Duration.ofSeconds(1)).GET().build();
        CompletableFuture<HttpResponse<String>> pending =
                SimHttp.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        sim.awaitRequest("/api/tags", 1, Duration.ofSeconds(5));
        assertEquals(200, SimHttp.get(sim, "/api/version").statusCode(), "the server still answers other requests");

        ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(10, TimeUnit.SECONDS));
        assertInstanceOf(HttpTimeoutException.class, e.getCause());
        assertEquals(200, SimHttp.get(sim, "/api/tags").statusCode(), "one-shot: the next request is answered");
    }

    @Test
    void closeDropsABlackHoledRequest() throws Exception {
        sim.blackHole("/api/ps");
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.url() + "/api/ps")).GET().build();
        CompletableFuture<HttpResponse<String>> pending =
                SimHttp.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        sim.awaitRequest("/api/ps", 1, Duration.ofSeconds(5));
        sim.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void theLogRecordsEveryRequestInOrderWithModelHeadersAndBody() {
        SimHttp.get(sim, "/");
        SimHttp.post(sim, "/api/show", "{\"name\":\"qwen3:4b\"}");
        SimHttp.send(HttpRequest.newBuilder(URI.create(sim.url() + "/v1/messages?beta=true"))
                .header("Authorization", "Bearer ollama")
                .POST(HttpRequest.BodyPublishers.ofString("not json")));

        List<RecordedRequest> all = sim.requests();
        assertEquals(List.of("GET /", "POST /api/show model=qwen3:4b", "POST /v1/messages"),
                all.stream().map(RecordedRequest::toString).toList());
        RecordedRequest messages = all.get(2);
        assertEquals("Bearer ollama", messages.header("authorization"));
        assertEquals("Bearer ollama", messages.header("AUTHORIZATION"));
        assertEquals("beta=true", messages.query());
        assertEquals("not json", messages.body());
        assertNull(messages.json());
        assertNull(messages.model());
        assertEquals("qwen3:4b", all.get(1).json().path("name").asText());
        assertEquals(1, sim.requests("/v1/messages?beta=true").size());

        sim.clearRequests();
        assertEquals(List.of(), sim.requests());
    }
}
