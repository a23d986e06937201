package dev.agentlaunch.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HoldTest {
    private OllamaSimulator sim;

    @BeforeEach
    void start() {
        sim = OllamaSimulator.start().addModels("big:1b", "small:1b");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private CompletableFuture<HttpResponse<String>> chat(String model) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.url() + "/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build();
        return SimHttp.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHeldRequestIsAnsweredOnlyAfterTheAwaitedRequestArrives() throws Exception {
        sim.holdUntil("/v1/chat/completions", r -> "small:1b".equals(r.model()), Duration.ofMinutes(1));
        CompletableFuture<HttpResponse<String>> held = chat("big:1b");
        CompletableFuture<Boolean> awaitedFirst = held.thenApply(
                r -> sim.requests().stream().anyMatch(req -> "small:1b".equals(req.model())));
        sim.awaitRequest("/v1/chat/completions", 1, Duration.ofSeconds(30));
        assertFalse(held.isDone(), "answered before the awaited request arrived");

        assertEquals(200, chat("small:1b").get(30, TimeUnit.SECONDS).statusCode(), "later requests are not held");
        HttpResponse<String> answer = held.get(30, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("model big:1b"), answer.body());
        assertTrue(awaitedFirst.get(), "the held answer came before the awaited request");
    }

    @Test
    void aRequestMatchingItsOwnConditionIsNotHeld() throws Exception {
        sim.holdUntil("/v1/chat/completions", r -> "small:1b".equals(r.model()), Duration.ofMinutes(1));
        assertEquals(200, chat("small:1b").get(30, TimeUnit.SECONDS).statusCode());
    }
}
