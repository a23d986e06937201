package dev.agentlaunch.core.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeApiTest {
    private OllamaSimulator sim;

    @BeforeEach
    void start() {
        sim = OllamaSimulator.start()
                .addModel(SimModel.named("qwen3:4b").sizeBytes(2_600_000_000L).contextLength(40960)
                        .capabilities("completion", "tools"));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private List<String> installedNames() {
        JsonNode tags = SimHttp.json(SimHttp.get(sim, "/api/tags").body());
        return tags.path("models").findValuesAsText("name");
    }

    @Test
    void rootSaysOllamaIsRunningAndThatItIsASimulator() {
        HttpResponse<String> get = SimHttp.get(sim, "/");
        assertEquals(200, get.statusCode());
        assertTrue(get.body().startsWith("Ollama is running"), get.body());
        assertTrue(get.body().contains("simulator"), get.body());
        assertEquals(OllamaSimulator.DISCLAIMER, get.headers().firstValue("X-Simulator").orElse(null));

        HttpResponse<String> head = SimHttp.send(HttpRequest.newBuilder(URI.create(sim.url() + "/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertTrue(sim.url().matches("http://127\\.0\\.0\\.1:\\d+"), sim.url());
    }

    @Test
    void versionIsConfigurable() {
        assertEquals("0.13.0", SimHttp.json(SimHttp.get(sim, "/api/version").body()).path("version").asText());
        sim.version("0.6.2");
        assertEquals("0.6.2", SimHttp.json(SimHttp.get(sim, "/api/version").body()).path("version").asText());
    }

    @Test
    void tagsListsTheConfiguredModelsWithOllamasFields() {
        sim.addModels("gpt-oss:20b");
        JsonNode models = SimHttp.json(SimHttp.get(sim, "/api/tags").body()).path("models");
        assertEquals(2, models.size());
        JsonNode qwen = models.get(0);
        assertEquals("qwen3:4b", qwen.path("name").asText());
        assertEquals("qwen3:4b", qwen.path("model").asText());
        assertEquals(2_600_000_000L, qwen.path("size").asLong());
        assertTrue(qwen.path("digest").asText().matches("[0-9a-f]{64}"));
        assertFalse(qwen.path("modified_at").asText().isEmpty());
        assertEquals("gguf", qwen.path("details").path("format").asText());
        assertEquals("qwen3", qwen.path("details").path("family").asText());
        assertEquals("4B", qwen.path("details").path("parameter_size").asText());
        assertEquals("Q4_K_M", qwen.path("details").path("quantization_level").asText());
        assertEquals("20B", models.get(1).path("details").path("parameter_size").asText());
    }

    @Test
    void showReportsContextLengthAndCapabilities() {
        HttpResponse<String> resp = SimHttp.post(sim, "/api/show", "{\"model\":\"qwen3:4b\"}");
        assertEquals(200, resp.statusCode());
        JsonNode show = SimHttp.json(resp.body());
        assertEquals("qwen3", show.path("model_info").path("general.architecture").asText());
        assertEquals(40960, show.path("model_info").path("qwen3.context_length").asInt());
        assertEquals("[\"completion\",\"tools\"]", show.path("capabilities").toString());
        assertEquals("4B", show.path("details").path("parameter_size").asText());
    }

    @Test
    void cloudModelsAreServedAsOllamaServesThem() {
        sim.addCloudModel(SimModel.named("gpt-oss:20b").contextLength(131072))
                .addModel(SimModel.named("gpt-oss:20b-cloud").remote(SimModel.OLLAMA_CLOUD, "gpt-oss:20b"));
        // the stub a legacy pull installs: listed, with where it really runs
        JsonNode stub = SimHttp.json(SimHttp.get(sim, "/api/tags").body()).path("models").get(1);
        assertEquals("gpt-oss:20b-cloud", stub.path("name").asText());
        assertEquals("gpt-oss:20b", stub.path("remote_model").asText());
        assertEquals("https://ollama.com:443", stub.path("remote_host").asText());
        assertTrue(SimHttp.json(SimHttp.get(sim, "/api/tags").body()).path("models").get(0).path("remote_host").isMissingNode(),
                "a local model has no remote_host");
        // :cloud in any case reaches the cloud model, and /api/show says what the cloud says
        HttpResponse<String> show = SimHttp.post(sim, "/api/show", "{\"model\":\"gpt-oss:20b:CLOUD\"}");
        assertEquals(200, show.statusCode(), show.body());
        assertEquals(131072, SimHttp.json(show.body()).path("model_info").path("gpt-oss.context_length").asInt());
        assertEquals(200, SimHttp.post(sim, "/v1/chat/completions",
                "{\"model\":\"gpt-oss:20b:cloud\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").statusCode());
        // :local never reaches a stub of a remote model
        assertEquals(404, SimHttp.post(sim, "/api/show", "{\"model\":\"gpt-oss:20b-cloud:local\"}").statusCode());
        assertEquals(404, SimHttp.post(sim, "/api/show", "{\"model\":\"qwen3:4b:cloud\"}").statusCode(),
                "a :cloud name never means the installed model");
    }

    @Test
    void withoutSignInACloudRequestIsUnauthorizedWithASigninUrl() {
        sim.addCloudModel(SimModel.named("gpt-oss:20b")).cloudSignedIn(false);
        HttpResponse<String> resp = SimHttp.post(sim, "/api/show", "{\"model\":\"gpt-oss:20b:cloud\"}");
        assertEquals(401, resp.statusCode());
        assertEquals("unauthorized", SimHttp.json(resp.body()).path("error").asText());
        assertTrue(SimHttp.json(resp.body()).path("signin_url").asText().startsWith("https://ollama.com/connect"));
        assertEquals(401, SimHttp.post(sim, "/v1/messages", "{\"model\":\"gpt-oss:20b:cloud\",\"max_tokens\":5,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").statusCode());
        assertEquals(200, SimHttp.post(sim, "/api/show", "{\"model\":\"qwen3:4b\"}").statusCode(), "local models still work");
    }

    @Test
    void showMatchesNamesTheWayOllamaDoes() {
        sim.addModel(SimModel.named("qwen3").contextLength(8192));
        // older clients send "name"; "qwen3" means "qwen3:latest"; case does not matter
        HttpResponse<String> resp = SimHttp.post(sim, "/api/show", "{\"name\":\"Qwen3\"}");
        assertEquals(200, resp.statusCode(), resp.body());
        assertEquals(8192, SimHttp.json(resp.body()).path("model_info").path("qwen3.context_length").asInt());
        assertEquals(200, SimHttp.post(sim, "/api/show", "{\"model\":\"qwen3:latest\"}").statusCode());
    }

    @Test
    void showOfAnUnknownModelIs404WithAnOllamaError() {
        HttpResponse<String> resp = SimHttp.post(sim, "/api/show", "{\"model\":\"llama9:70b\"}");
        assertEquals(404, resp.statusCode());
        assertEquals("model 'llama9:70b' not found", SimHttp.json(resp.body()).path("error").asText());
    }

    @Test
    void psIsEmptyUntilAModelIsLoaded() {
        assertEquals(0, SimHttp.json(SimHttp.get(sim, "/api/ps").body()).path("models").size());
        sim.loaded("qwen3:4b", 8192);
        JsonNode loaded = SimHttp.json(SimHttp.get(sim, "/api/ps").body()).path("models");
        assertEquals(1, loaded.size());
        assertEquals("qwen3:4b", loaded.get(0).path("name").asText());
        assertEquals(8192, loaded.get(0).path("context_length").asInt());
        assertEquals(2_600_000_000L, loaded.get(0).path("size_vram").asLong());
        assertFalse(loaded.get(0).path("expires_at").asText().isEmpty());
    }

    @Test
    void pullStreamsProgressAndThenTheModelIsInstalled() {
        sim.pullable(SimModel.named("qwen3:14b").sizeBytes(9_300_000_000L));
        assertFalse(installedNames().contains("qwen3:14b"));

        HttpResponse<String> resp = SimHttp.post(sim, "/api/pull", "{\"model\":\"qwen3:14b\",\"stream\":true}");
        assertEquals(200, resp.statusCode());
        assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
        List<JsonNode> lines = SimHttp.ndjson(resp.body());
        assertEquals("pulling manifest", lines.get(0).path("status").asText());
        JsonNode lastProgress = lines.stream().filter(l -> l.has("completed")).findFirst().orElseThrow();
        assertTrue(lastProgress.path("status").asText().startsWith("pulling "));
        assertTrue(lastProgress.path("digest").asText().startsWith("sha256:"));
        long total = 9_300_000_000L;
        assertTrue(lines.stream().anyMatch(l -> l.path("total").asLong() == total && l.path("completed").asLong() == total),
                "the model layer reaches completed == total");
        List<String> tail = lines.subList(lines.size() - 3, lines.size()).stream()
                .map(l -> l.path("status").asText()).toList();
        assertEquals(List.of("verifying sha256 digest", "writing manifest", "success"), tail);
        assertTrue(installedNames().contains("qwen3:14b"));
    }

    @Test
    void pullWithoutStreamingAnswersOneObject() {
        sim.pullable(SimModel.named("qwen3:14b"));
        HttpResponse<String> resp = SimHttp.post(sim, "/api/pull", "{\"model\":\"qwen3:14b\",\"stream\":false}");
        assertEquals(200, resp.statusCode());
        assertEquals("{\"status\":\"success\"}", resp.body());
        assertTrue(installedNames().contains("qwen3:14b"));
    }

    @Test
    void pullOfAnUnknownModelReportsOllamasManifestError() {
        List<JsonNode> lines = SimHttp.ndjson(SimHttp.post(sim, "/api/pull", "{\"model\":\"nope:1b\"}").body());
        assertEquals("pulling manifest", lines.get(0).path("status").asText());
        assertEquals("pull model manifest: file does not exist", lines.get(lines.size() - 1).path("error").asText());

        HttpResponse<String> single = SimHttp.post(sim, "/api/pull", "{\"model\":\"nope:1b\",\"stream\":false}");
        assertEquals(500, single.statusCode());
        assertEquals("pull model manifest: file does not exist", SimHttp.json(single.body()).path("error").asText());
        assertFalse(installedNames().contains("nope:1b"));
    }

    @Test
    void aPullInterruptedMidwayLeavesTheModelUninstalled() throws Exception {
        sim.pullable(SimModel.named("qwen3:14b")).pullChunkDelay(Duration.ofMillis(100));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.url() + "/api/pull"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"qwen3:14b\"}")).build();
        HttpResponse<InputStream> resp = SimHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = resp.body()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertEquals("pulling manifest", SimHttp.json(reader.readLine()).path("status").asText());
            assertTrue(SimHttp.json(reader.readLine()).path("status").asText().startsWith("pulling "));
        }
        assertFalse(installedNames().contains("qwen3:14b"));
    }

    @Test
    void unknownPathsAre404WithAnErrorAndStillRecorded() {
        HttpResponse<String> resp = SimHttp.post(sim, "/api/generate", "{\"model\":\"qwen3:4b\"}");
        assertEquals(404, resp.statusCode());
        assertTrue(SimHttp.json(resp.body()).path("error").asText().contains("/api/generate"));
        assertEquals("POST /api/generate model=qwen3:4b", sim.requests("/api/generate").get(0).toString());
    }
}
