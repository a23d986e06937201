package dev.agentlaunch.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import dev.agentlaunch.core.sim.SimKind;
import dev.agentlaunch.core.sim.SimModel;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Server kinds as a user meets them: detection, --server-kind, tokens, named servers, in process. */
class ServerKindCommandTest {
    static final String TOKEN = "sk-team-0123456789abcdef0123456789";

    @TempDir
    Path home;

    private final List<OllamaSimulator> sims = new ArrayList<>();
    private InProcessLauncher launcher;
    private Path plugins;
    private Map<String, String> env;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void setUp() throws Exception {
        launcher = new InProcessLauncher(home);
        plugins = launcher.plugins;
        out = launcher.out;
        err = launcher.err;
        env = launcher.env;
        // The tool is installed (a launch checks that first): what these tests are about is the server.
        for (String name : List.of("fake-agent-not-installed", "messages-tool-not-installed")) {
            Path tool = Files.createDirectories(home.resolve("bin")).resolve(name);
            Files.writeString(tool, "#!/bin/sh\nexit 0\n");
            tool.toFile().setExecutable(true);
        }
    }

    @AfterEach
    void stop() {
        sims.forEach(OllamaSimulator::close);
    }

    private OllamaSimulator sim(SimKind kind) {
        OllamaSimulator sim = OllamaSimulator.start(kind)
                .addModel(SimModel.named("qwen3:32b").sizeBytes(20_200_000_000L).contextLength(40960))
                .addModel(SimModel.named("qwen3:4b").sizeBytes(2_600_000_000L).contextLength(40960));
        sims.add(sim);
        return sim;
    }

    private int run(String... args) {
        return launcher.run(args);
    }

    private JsonNode dryRunJson(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("fake"));
        all.addAll(List.of(args));
        all.addAll(List.of("--large", "qwen3:32b", "--small", "qwen3:4b", "--dry-run", "--json"));
        int code = run(all.toArray(String[]::new));
        assertEquals(0, code, err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    @ParameterizedTest
    @EnumSource(SimKind.class)
    void everyKindIsDetectedFromItsAnswersAndShownInTheDryRun(SimKind kind) throws Exception {
        OllamaSimulator sim = sim(kind);
        JsonNode plan = dryRunJson("--host", sim.url());
        String expected = switch (kind) {
            case OLLAMA -> "ollama";
            case VLLM -> "vllm";
            case SGLANG -> "sglang";
            case LLAMACPP -> "llamacpp";
            case LMSTUDIO -> "lmstudio";
            case LITELLM -> "litellm";
            case OPENAI -> "openai";
        };
        assertEquals(expected, plan.path("server").path("kind").asText(), err.toString());
        assertTrue(plan.path("server").path("kindSource").asText().startsWith("detected from its answer to GET "),
                plan.path("server").toString());
        assertEquals(expected, plan.path("checks").path("kind").asText());
        assertTrue(plan.path("checks").path("models").get(0).path("present").asBoolean(), plan.path("checks").toString());
        assertFalse(err.toString().contains("would stop"), err.toString());

        out.getBuffer().setLength(0);
        run("doctor", "fake", "--host", sim.url(), "--model", "qwen3:4b", "--json");
        JsonNode doctor = new ObjectMapper().readTree(out.toString());
        assertEquals(expected, doctor.path("server").path("kind").asText(), out.toString());
        assertTrue(doctor.path("server").path("reachable").asBoolean());
    }

    @Test
    void vllmTellsTheServedContextAndNoSizesSoTheMemoryFitIsUnknown() throws Exception {
        OllamaSimulator sim = sim(SimKind.VLLM);
        JsonNode checks = dryRunJson("--host", sim.url()).path("checks");
        assertEquals(40960, checks.path("models").get(0).path("servedContext").asInt());
        assertTrue(checks.path("models").get(0).path("sizeBytes").isNull());
        assertTrue(checks.path("memory").path("skipped").asText().contains("vLLM server does not tell model sizes"),
                checks.toString());
    }

    @Test
    void aNamedKindThatTheServerDoesNotAnswerLikeIsExit3NamingWhatItIs() {
        OllamaSimulator sim = sim(SimKind.OLLAMA);
        int code = run("fake", "--host", sim.url(), "--model", "qwen3:4b", "--server-kind", "vllm");
        assertEquals(3, code, err.toString());
        assertEquals("launch: error: the server at " + sim.url() + " does not answer like vLLM (--server-kind says vllm): it "
                + "answers like Ollama; pass --server-kind ollama or drop --server-kind\n", err.toString());
    }

    @Test
    void anUnknownKindIsBadUsage() {
        OllamaSimulator sim = sim(SimKind.OLLAMA);
        assertEquals(2, run("fake", "--host", sim.url(), "--model", "qwen3:4b", "--server-kind", "tgi"));
        assertTrue(err.toString().startsWith("launch: error: unknown server kind 'tgi' in --server-kind (known: ollama, "),
                err.toString());
        assertEquals(1, err.toString().lines().count());
    }

    @Test
    void aServerThatAnswersLikeNoKindSaysSo() {
        OllamaSimulator sim = sim(SimKind.OLLAMA);
        for (String p : List.of("/api/version", "/v1/models", "/props", "/api/v1/models", "/health/readiness", "/version")) {
            sim.respondRaw(p, 200, "text/html", "<html><body>Welcome to nginx!</body></html>");
        }
        int code = run("fake", "--host", sim.url(), "--model", "qwen3:4b");
        assertEquals(3, code);
        assertTrue(err.toString().contains("answers like none of the known server kinds"), err.toString());
        assertTrue(err.toString().contains("name its kind with --server-kind KIND"), err.toString());
    }

    @Test
    void theTokenGoesWithEveryCheckAndIsNeverPrinted() throws Exception {
        OllamaSimulator sim = sim(SimKind.LITELLM).requireToken(TOKEN);
        env.put("TEAM_TOKEN", TOKEN);
        JsonNode plan = dryRunJson("--host", sim.url(), "--api-key-env", "TEAM_TOKEN");
        assertEquals("litellm", plan.path("server").path("kind").asText());
        assertEquals("TEAM_TOKEN", plan.path("server").path("apiKeyEnv").asText());
        List<RecordedRequest> info = sim.requests("/model/info");
        assertEquals(1, info.size());
        assertEquals("Bearer " + TOKEN, info.get(0).header("Authorization"));
        assertFalse(out.toString().contains(TOKEN) || err.toString().contains(TOKEN), "the token is never printed");
    }

    @Test
    void aServerThatRefusesTheChecksNamesTheVariableToSet() {
        OllamaSimulator sim = sim(SimKind.LITELLM).requireToken(TOKEN);
        env.put("TEAM_TOKEN", "wrong-token");
        assertEquals(3, run("fake", "--host", sim.url(), "--model", "qwen3:4b", "--api-key-env", "TEAM_TOKEN"));
        assertEquals("launch: error: the LiteLLM server at " + sim.url() + " answered GET /model/info with HTTP 401 "
                + "(unauthorized): the token in TEAM_TOKEN (from --api-key-env) was refused; put a valid token in TEAM_TOKEN\n",
                err.toString());
        assertFalse(err.toString().contains("wrong-token"));
    }

    @Test
    void withoutATokenA401SaysHowToPassOne() {
        OllamaSimulator sim = sim(SimKind.VLLM).requireToken(TOKEN);
        assertEquals(3, run("fake", "--host", sim.url(), "--model", "qwen3:4b"));
        assertTrue(err.toString().contains("with HTTP 401 (unauthorized): it needs a token: export it in a variable and pass "
                + "--api-key-env VAR"), err.toString());
    }

    @Test
    void aTokenWhereAVariableNameBelongsIsRefusedWithoutEchoingIt() {
        OllamaSimulator sim = sim(SimKind.VLLM);
        assertEquals(2, run("fake", "--host", sim.url(), "--model", "qwen3:4b", "--api-key-env", TOKEN));
        assertTrue(err.toString().contains("--api-key-env takes the name of an environment variable that holds the token, and "
                + "what was given looks like a token"), err.toString());
        assertFalse(err.toString().contains(TOKEN));
        assertTrue(sim.requests().isEmpty(), "refused before asking the server");
    }

    @Test
    void anUnsetOrEmptyVariableIsExit3() {
        OllamaSimulator sim = sim(SimKind.VLLM);
        assertEquals(3, run("fake", "--host", sim.url(), "--model", "qwen3:4b", "--api-key-env", "NOT_SET_HERE"));
        assertEquals("launch: error: --api-key-env names NOT_SET_HERE, which is not set; export NOT_SET_HERE with the "
                + "server's token first\n", err.toString());
        env.put("EMPTY_TOKEN", "");
        err.getBuffer().setLength(0);
        assertEquals(3, run("fake", "--host", sim.url(), "--model", "qwen3:4b", "--api-key-env", "EMPTY_TOKEN"));
        assertTrue(err.toString().contains("EMPTY_TOKEN, which is empty"), err.toString());
    }

    @Test
    void aModelTheServerDoesNotServeStopsWithTheClosestNames() {
        OllamaSimulator sim = sim(SimKind.VLLM);
        assertEquals(0, run("fake", "--host", sim.url(), "--dry-run", "--model", "qwen3:8b"));
        assertTrue(err.toString().startsWith("launch: warning: the launch would stop here: "), err.toString());
        assertTrue(err.toString().contains("qwen3:8b (large, medium and small tiers) is not served by the vLLM server at "
                + sim.url() + " (closest it serves: qwen3:4b, qwen3:32b); pick a model it serves"), err.toString());
        assertTrue(sim.requests("/api/pull").isEmpty(), "a vLLM server cannot pull");
    }

    @Test
    void aDryRunWhoseServerIsDownDoesNotClaimItRanOffline() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        JsonNode plan = dryRunJson("--host", "http://127.0.0.1:" + port);
        assertTrue(err.toString().contains("the launch would stop here"), err.toString());
        String source = plan.path("server").path("kindSource").asText();
        assertFalse(source.contains("--offline"), source);
        assertTrue(source.contains("not detected"), source);
    }

    @Test
    void offlineDetectsNothingAndTakesTheNamedKind() throws Exception {
        OllamaSimulator sim = sim(SimKind.VLLM);
        JsonNode plan = dryRunJson("--host", sim.url(), "--offline", "--server-kind", "vllm");
        assertEquals("vllm", plan.path("server").path("kind").asText());
        assertEquals("--server-kind", plan.path("server").path("kindSource").asText());
        assertTrue(sim.requests().isEmpty());
    }

    @Test
    void aNamedServerFromTheConfigBringsItsKindAndToken() throws Exception {
        OllamaSimulator sim = sim(SimKind.VLLM).requireToken(TOKEN);
        env.put("GPU_TOKEN", TOKEN);
        Path config = home.resolve("config.json");
        Files.writeString(config, "{\"servers\": {\"cluster\": {\"url\": \"" + sim.url() + "\", \"kind\": \"vllm\", "
                + "\"apiKeyEnv\": \"GPU_TOKEN\"}}, \"profiles\": {\"team\": {\"large\": \"qwen3:32b\", \"small\": \"qwen3:4b\", "
                + "\"server\": \"cluster\"}}}");
        int code = run("fake", "--config", config.toString(), "--profile", "team", "--dry-run", "--json");
        assertEquals(0, code, err.toString());
        JsonNode server = new ObjectMapper().readTree(out.toString()).path("server");
        assertEquals(sim.url(), server.path("url").asText());
        assertEquals("server cluster", server.path("source").asText());
        assertEquals("vllm", server.path("kind").asText());
        assertEquals("GPU_TOKEN", server.path("apiKeyEnv").asText());
        assertTrue(server.path("kindSource").asText().startsWith("server cluster in the config, confirmed by"), server.toString());
        assertEquals("Bearer " + TOKEN, sim.requests("/v1/models").get(0).header("Authorization"));
    }

    @Test
    void aServerEntryWithoutAUrlIsBadInputWithItsPlace() throws Exception {
        Path config = home.resolve("config.json");
        Files.writeString(config, "{\"servers\": {\"cluster\": {\"kind\": \"vllm\"}}}");
        assertEquals(2, run("fake", "--config", config.toString(), "--server", "cluster", "--model", "qwen3:4b", "--dry-run"));
        assertEquals("launch: error: " + config + ":1:25: the server entry servers.cluster has no url; add \"url\": "
                + "\"http://host:port\"\n", err.toString());
    }

    @Test
    void aThirdPartyKindFromAPluginJarIsDetectedAndUsed() throws Exception {
        TestPlugin.jar(plugins, "fake-server-kind", FakeServerKind.class);
        OllamaSimulator sim = sim(SimKind.OPENAI);
        sim.respondRaw("/fake/hello", 200, "application/json", "{\"fake\":true}");
        JsonNode plan = dryRunJson("--host", sim.url());
        assertEquals("fakekind", plan.path("server").path("kind").asText(), err.toString());
        assertEquals("fake-1", plan.path("checks").path("version").asText());
        assertEquals(12345, plan.path("checks").path("models").get(0).path("contextLength").asInt());
    }

    /** The third party's kind above, whose server can pull ({@code POST /fake/pull}), the small tier's model missing. */
    private OllamaSimulator fakeServerThatCanPull() throws Exception {
        TestPlugin.jar(plugins, "fake-server-kind", FakeServerKind.class);
        OllamaSimulator sim = sim(SimKind.OPENAI).pullAt("/fake/pull").pullable(SimModel.named("qwen3:14b").sizeBytes(9_300_000_000L));
        sim.respondRaw("/fake/hello", 200, "application/json", "{\"fake\":true}");
        return sim;
    }

    @Test
    void aThirdPartyKindThatCanPullPullsAMissingModelThroughTheSeam() throws Exception {
        OllamaSimulator sim = fakeServerThatCanPull();

        int code = run("fake", "--host", sim.url(), "--large", "qwen3:32b", "--small", "qwen3:14b", "--pull");

        assertEquals(0, code, err.toString());
        assertEquals(1, sim.requests("/fake/pull").size(), "pulled through the kind's own route: " + sim.requests());
        assertEquals("qwen3:14b", sim.requests("/fake/pull").get(0).model());
        assertTrue(err.toString().contains("launch: pulling qwen3:14b: pulling manifest\n"), err.toString());
        assertTrue(err.toString().contains("launch: pulled qwen3:14b in "), err.toString());
        assertTrue(sim.models().stream().anyMatch(m -> m.name().equals("qwen3:14b")), "the server has it now");
    }

    @Test
    void aThirdPartyKindThatCanPullAsksFirstLikeOllama() throws Exception {
        OllamaSimulator sim = fakeServerThatCanPull();

        assertEquals(3, run("fake", "--host", sim.url(), "--large", "qwen3:32b", "--small", "qwen3:14b"));

        assertEquals("launch: error: qwen3:14b (small tier) is not on the model server at " + sim.url() + "; pull it onto the "
                + "Fake Server server, or pass --pull to let the launcher do it\n", err.toString());
        assertTrue(sim.requests("/fake/pull").isEmpty(), "nobody could answer, so nothing was pulled");
    }

    @Test
    void aPullTheThirdPartysServerRefusesIsOneLineExit3() throws Exception {
        OllamaSimulator sim = fakeServerThatCanPull();

        assertEquals(3, run("fake", "--host", sim.url(), "--large", "qwen3:32b", "--small", "qwen3:8b", "--yes"));

        assertTrue(err.toString().endsWith("launch: error: pulling qwen3:8b failed: the fake server says 'pull model manifest: "
                + "file does not exist'; check the name\n"), err.toString());
        assertEquals(1, sim.requests("/fake/pull").size());
    }

    @Test
    void lmStudioDownloadsAMissingModelThroughItsRestApi() throws Exception {
        OllamaSimulator sim = sim(SimKind.LMSTUDIO).pullable(SimModel.named("qwen3:14b").sizeBytes(9_300_000_000L));

        int code = run("fake", "--host", sim.url(), "--large", "qwen3:32b", "--small", "qwen3:14b", "--pull");

        assertEquals(0, code, err.toString());
        assertEquals(1, sim.requests("/api/v1/models/download").size(), sim.requests().toString());
        assertEquals("qwen3:14b", sim.requests("/api/v1/models/download").get(0).model());
        assertEquals(1, sim.requests().stream().filter(r -> r.path().startsWith("/api/v1/models/download/status/job_")).count(),
                "the job was followed to its end: " + sim.requests());
        assertTrue(err.toString().contains("launch: pulling qwen3:14b: 50% of 9.3 GB\n"), err.toString());
        assertTrue(err.toString().contains("launch: pulled qwen3:14b in "), err.toString());
    }

    @Test
    void doctorSaysLmStudioCanGetAMissingModel() {
        OllamaSimulator sim = sim(SimKind.LMSTUDIO);

        run("doctor", "fake", "--host", sim.url(), "--model", "qwen3:8b");

        assertTrue((out + "" + err).contains("qwen3:8b (large, medium and small tiers) is not on the LM Studio server; download it "
                + "with 'lms get qwen3:8b' or launch with --pull"), out + "" + err);
    }

    @Test
    void lmStudioAnsweringThatItHasNoSuchModelIsOneLineExit3() throws Exception {
        OllamaSimulator sim = sim(SimKind.LMSTUDIO);

        assertEquals(3, run("fake", "--host", sim.url(), "--large", "qwen3:32b", "--small", "qwen3:8b", "--yes"));

        assertTrue(err.toString().endsWith("launch: error: the LM Studio server at " + sim.url() + " answered POST "
                + "/api/v1/models/download for qwen3:8b with HTTP 400 (Model qwen3:8b not found); check the server's log, or "
                + "pass --offline to skip the checks\n"), err.toString());
    }

    @Test
    void anIntegrationWhoseWireApiTheServerLacksStopsNamingAGateway() throws Exception {
        OllamaSimulator sim = sim(SimKind.OPENAI);
        TestPlugin.jar(plugins, "messages-plugin", MessagesIntegration.class);
        int code = run("messages-tool", "--host", sim.url(), "--model", "qwen3:4b", "--dry-run");
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("launch: warning: the launch would stop here: Messages Tool speaks Anthropic "
                + "messages (POST /v1/messages), which the OpenAI-compatible server at " + sim.url() + " does not serve; put a "
                + "LiteLLM gateway in front of it (it translates), or use a server that serves it ("), err.toString());
    }

    @Test
    void aTierCanGoToAnotherServerWhenTheToolCanRouteIt() throws Exception {
        OllamaSimulator cluster = sim(SimKind.VLLM);
        OllamaSimulator laptop = sim(SimKind.OLLAMA);
        JsonNode plan = dryRunJson("--host", cluster.url(), "--tier-server", "small=" + laptop.url());
        assertEquals("vllm", plan.path("server").path("kind").asText());
        assertEquals(laptop.url(), plan.path("server").path("tiers").path("small").path("url").asText(), plan.toString());
        assertEquals("ollama", plan.path("server").path("tiers").path("small").path("kind").asText());
        assertEquals("ollama", plan.path("tierChecks").get(0).path("kind").asText());
        assertEquals(1, laptop.requests("/api/show").size(), "the small tier's model was checked on its own server");
        assertTrue(cluster.requests("/api/show").isEmpty());
    }

    /** A profile with {@code "tierServers": {"small": "laptop"}}, the main tiers on {@code cluster}. */
    private Path splitProfile(OllamaSimulator cluster, OllamaSimulator laptop) throws Exception {
        Path config = home.resolve("config.json");
        Files.writeString(config, "{\"servers\": {\"laptop\": {\"url\": \"" + laptop.url() + "\"}},\n"
                + " \"profiles\": {\"team\": {\"large\": \"qwen3:32b\", \"small\": \"qwen3:4b\", \"host\": \"" + cluster.url()
                + "\",\n  \"tierServers\": {\"small\": \"laptop\"}}}}\n");
        return config;
    }

    @Test
    void aProfileSendsATierToItsOwnServer() throws Exception {
        OllamaSimulator cluster = sim(SimKind.VLLM);
        OllamaSimulator laptop = sim(SimKind.OLLAMA);
        Path config = splitProfile(cluster, laptop);

        assertEquals(0, run("fake", "--config", config.toString(), "--profile", "team", "--dry-run", "--json"), err.toString());

        JsonNode plan = new ObjectMapper().readTree(out.toString());
        assertEquals("vllm", plan.path("server").path("kind").asText());
        assertEquals(laptop.url(), plan.path("server").path("tiers").path("small").path("url").asText(), plan.toString());
        assertEquals("ollama", plan.path("tierChecks").get(0).path("kind").asText());
        assertEquals(1, laptop.requests("/api/show").size(), "the small tier's model was checked on its own server");
    }

    /** A cluster that serves only the large model: the small tier's lives on the laptop alone. */
    private OllamaSimulator clusterWithoutTheSmallModel() {
        OllamaSimulator cluster = OllamaSimulator.start(SimKind.VLLM)
                .addModel(SimModel.named("qwen3:32b").sizeBytes(20_200_000_000L).contextLength(40960));
        sims.add(cluster);
        return cluster;
    }

    @Test
    void doctorChecksAProfilesSplitTierOnItsOwnServer() throws Exception {
        OllamaSimulator cluster = clusterWithoutTheSmallModel();
        OllamaSimulator laptop = sim(SimKind.OLLAMA);
        Path config = splitProfile(cluster, laptop);

        assertEquals(0, run("doctor", "fake", "--config", config.toString(), "--profile", "team"), out + err.toString());

        assertTrue(out.toString().contains("server       " + laptop.url() + " ("), out.toString());
        assertTrue(out.toString().contains("result       all well"), out.toString());
        assertEquals(1, laptop.requests("/api/show").size(), "the small tier's model was checked on the laptop");
    }

    @Test
    void doctorNamesTheSplitTiersServerWhenItLacksTheModel() throws Exception {
        OllamaSimulator cluster = clusterWithoutTheSmallModel();
        OllamaSimulator laptop = OllamaSimulator.start(SimKind.OLLAMA)
                .addModel(SimModel.named("qwen3:32b").sizeBytes(20_200_000_000L).contextLength(40960));
        sims.add(laptop);
        Path config = splitProfile(cluster, laptop);

        assertEquals(3, run("doctor", "fake", "--config", config.toString(), "--profile", "team", "--json"));

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertEquals("ollama", report.path("tierChecks").get(0).path("kind").asText(), report.toString());
        assertEquals(1, report.path("problems").size(), report.toString());
        assertTrue(report.path("problems").get(0).asText().startsWith("on " + laptop.url() + ": qwen3:4b ("),
                report.path("problems").toString());
    }

    @Test
    void doctorSaysWhenTheToolCannotSplitTheProfilesTiers() throws Exception {
        TestPlugin.jar(plugins, "messages-plugin", MessagesIntegration.class);
        OllamaSimulator cluster = sim(SimKind.VLLM);
        OllamaSimulator laptop = sim(SimKind.OLLAMA);
        Path config = splitProfile(cluster, laptop);

        assertEquals(3, run("doctor", "messages-tool", "--config", config.toString(), "--profile", "team"));

        assertTrue(out.toString().contains("  - Messages Tool sends every tier to one endpoint, so the tierServers of profile team "
                + "cannot split them; put a LiteLLM gateway in front"), out.toString());
    }

    @Test
    void envSendsAProfilesSplitTierToItsServerWithoutAskingAny() throws Exception {
        OllamaSimulator cluster = sim(SimKind.VLLM);
        OllamaSimulator laptop = sim(SimKind.OLLAMA);
        Path config = splitProfile(cluster, laptop);

        assertEquals(0, run("env", "fake", "--config", config.toString(), "--profile", "team"), err.toString());

        assertTrue(out.toString().contains("FAKE_SMALL_URL='" + laptop.url() + "'"), out.toString());
        assertTrue(out.toString().contains("FAKE_BASE_URL='" + cluster.url() + "'"), out.toString());
        assertTrue(cluster.requests().isEmpty() && laptop.requests().isEmpty(), "env asks no server");

        TestPlugin.jar(plugins, "messages-plugin", MessagesIntegration.class);
        err.getBuffer().setLength(0);
        assertEquals(2, run("env", "messages-tool", "--config", config.toString(), "--profile", "team"));
        assertTrue(err.toString().startsWith("launch: error: Messages Tool sends every tier to one endpoint, so the tierServers "
                + "of profile team cannot split them"), err.toString());
    }

    @Test
    void theTierServerFlagWinsOverTheProfilePerTier() throws Exception {
        OllamaSimulator cluster = sim(SimKind.VLLM);
        OllamaSimulator laptop = sim(SimKind.OLLAMA);
        OllamaSimulator other = sim(SimKind.OLLAMA);
        Path config = splitProfile(cluster, laptop);

        assertEquals(0, run("fake", "--config", config.toString(), "--profile", "team", "--tier-server", "small=" + other.url(),
                "--dry-run", "--json"), err.toString());

        JsonNode plan = new ObjectMapper().readTree(out.toString());
        assertEquals(other.url(), plan.path("server").path("tiers").path("small").path("url").asText(), plan.toString());
        assertTrue(laptop.requests().isEmpty(), "the profile's server for the small tier was not asked: " + laptop.requests());
        assertEquals(1, other.requests("/api/show").size());
    }

    @Test
    void aToolThatCannotSplitTiersNamesTheProfilesKey() throws Exception {
        TestPlugin.jar(plugins, "messages-plugin", MessagesIntegration.class);
        OllamaSimulator cluster = sim(SimKind.VLLM);
        OllamaSimulator laptop = sim(SimKind.OLLAMA);
        Path config = splitProfile(cluster, laptop);

        assertEquals(2, run("messages-tool", "--config", config.toString(), "--profile", "team", "--dry-run"));

        assertEquals("launch: error: Messages Tool sends every tier to one endpoint, so the tierServers of profile team cannot "
                + "split them; put a LiteLLM gateway in front of the servers (it routes each model name to its server) and point "
                + "--server or --host at it\n", err.toString());
    }

    @Test
    void aBadTierServerInTheConfigIsOneLineNamingTheProfileAndKey() throws Exception {
        Path config = home.resolve("config.json");
        Files.writeString(config, "{\"profiles\": {\"team\": {\"large\": \"qwen3:32b\", \"tierServers\": {\"tiny\": \"x\"}}}}");
        assertEquals(2, run("fake", "--config", config.toString(), "--profile", "team", "--dry-run"));
        assertEquals("launch: error: " + config + ":1:62: unknown key \"tiny\" at profiles.team.tierServers (known: large, "
                + "medium, small); fix the spelling or remove it\n", err.toString());

        err.getBuffer().setLength(0);
        Files.writeString(config, "{\"profiles\": {\"team\": {\"large\": \"qwen3:32b\", \"tierServers\": {\"small\": \"lap top\"}}}}");
        assertEquals(2, run("fake", "--config", config.toString(), "--profile", "team", "--dry-run"));
        assertEquals("launch: error: " + config + ": profiles.team.tierServers.small is 'lap top', neither a server in servers "
                + "(there are none) nor an address (host:port or http://host:port); fix it\n", err.toString());
    }

    @Test
    void aToolThatSendsEveryTierToOneEndpointSaysHowToSplitThem() throws Exception {
        TestPlugin.jar(plugins, "messages-plugin", MessagesIntegration.class);
        OllamaSimulator cluster = sim(SimKind.VLLM);
        OllamaSimulator laptop = sim(SimKind.OLLAMA);
        assertEquals(2, run("messages-tool", "--host", cluster.url(), "--model", "qwen3:4b", "--tier-server",
                "small=" + laptop.url(), "--dry-run"));
        assertEquals("launch: error: Messages Tool sends every tier to one endpoint, so --tier-server cannot split them; "
                + "put a LiteLLM gateway in front of the servers (it routes each model name to its server) and point --server "
                + "or --host at it\n", err.toString());
    }

    @Test
    void aTruncatedBodyWhereJsonWasExpectedIsOneLineNamingTheKind() {
        OllamaSimulator sim = sim(SimKind.VLLM);
        sim.delay("/v1/models", java.time.Duration.ZERO);        // detection gets the real answer
        sim.respondRaw("/v1/models", 200, "application/json", "{\"object\":\"list\",\"data\":[{\"id\":\"qw");
        assertEquals(3, run("fake", "--host", sim.url(), "--model", "qwen3:4b"));
        assertEquals("launch: error: the server at " + sim.url() + " answered GET /v1/models with something that is not JSON "
                + "(application/json: '{\"object\":\"list\",\"data\":[{\"id\":\"qw'); is --host pointing at a vLLM server?\n",
                err.toString());
    }

    @Test
    void lmStudiosOkForUnknownRoutesIsReadAsWhatItIs() throws Exception {
        OllamaSimulator sim = sim(SimKind.LMSTUDIO);
        JsonNode plan = dryRunJson("--host", sim.url());
        assertEquals("lmstudio", plan.path("server").path("kind").asText(), "not Ollama, though /api/version answered 200");
        assertFalse(sim.requests("/api/version").isEmpty(), "it was asked, and its 200 with an error body was not taken for Ollama");
    }

    @Test
    void listIntegrationsShowsEachToolsWireApiAndEveryServerKind() throws Exception {
        TestPlugin.jar(plugins, "messages-plugin", MessagesIntegration.class);
        TestPlugin.jar(plugins, "fake-server-kind", FakeServerKind.class);
        assertEquals(0, run("list-integrations", "--json"), err.toString());
        JsonNode root = new ObjectMapper().readTree(out.toString());
        for (JsonNode row : root.path("integrations")) {
            assertEquals(row.path("id").asText().equals("messages-tool") ? "anthropic_messages" : "openai_chat",
                    row.path("wireApi").asText(), row.toString());
        }
        List<String> kinds = new ArrayList<>();
        root.path("serverKinds").forEach(k -> kinds.add(k.path("kind").asText()));
        assertEquals(List.of("ollama", "litellm", "lmstudio", "vllm", "sglang", "llamacpp", "openai", "fakekind"), kinds);
        assertTrue(root.path("failedPlugins").isEmpty(), "a plugin with only a server kind is not a failed plugin: " + root);
    }

    @Test
    void aServerThatIsDownWithNoKindNamedGetsOllamasOwnLine() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertEquals(3, run("fake", "--host", "127.0.0.1:" + port, "--model", "qwen3:4b"));
        assertEquals("launch: error: the model server at http://127.0.0.1:" + port + " (--host) is not reachable (connection "
                + "refused); start it with 'ollama serve', point --host (or OLLAMA_HOST) at a running server, or pass --offline "
                + "to skip the checks\n", err.toString());
    }
}
