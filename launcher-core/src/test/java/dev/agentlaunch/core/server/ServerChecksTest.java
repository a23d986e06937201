package dev.agentlaunch.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.ModelInfo;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import dev.agentlaunch.core.sim.SimModel;
import java.net.ServerSocket;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerChecksTest {
    private static final CheckRequirements CLAUDE_LIKE =
            new CheckRequirements("Claude Code", EnumSet.allOf(Tier.class), 32768, OptionalLong.empty());

    private OllamaSimulator sim;

    @BeforeEach
    void start() {
        sim = OllamaSimulator.start()
                .addModel(SimModel.named("qwen3:32b").sizeBytes(20_200_000_000L).contextLength(40960))
                .addModel(SimModel.named("qwen3:4b").sizeBytes(2_600_000_000L).contextLength(40960));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private ServerReport check(TierPlan plan, CheckRequirements req, Long memory) {
        return Plans.checks(Plans.client(sim), memory).check(ServerChecks.tiersByModel(plan), req);
    }

    @Test
    void oneTagsCallAndOneShowPerDistinctModel() {
        ServerReport r = check(Plans.plan(sim, "qwen3:32b", "qwen3:32b", "qwen3:4b"), CLAUDE_LIKE, 64_000_000_000L);

        assertEquals(1, sim.requests("/api/tags").size(), sim.requests().toString());
        assertEquals(1, sim.requests("/api/version").size());
        assertEquals(List.of("qwen3:32b", "qwen3:4b"),
                sim.requests("/api/show").stream().map(RecordedRequest::model).sorted().toList());
        assertTrue(r.allWell(), r.warnings().toString());
        assertEquals("0.13.0", r.version());
        ModelStatus large = r.models().get(0);
        assertEquals("qwen3:32b", large.name());
        assertEquals(List.of(Tier.LARGE, Tier.MEDIUM), large.tiers());
        assertEquals(OptionalLong.of(20_200_000_000L), large.size());
        assertEquals(40960, large.contextLength().getAsInt());
        assertTrue(large.supportsTools());
        assertEquals(22_800_000_000L, r.memory().total());
        assertTrue(r.memory().fits());
    }

    @Test
    void whatTheServerSaidReachesThePlanForPlugins() {
        TierPlan plan = Plans.plan(sim, "qwen3:32b", "qwen3:32b", "qwen3:4b");
        TierPlan checked = plan.withModelInfo(check(plan, CLAUDE_LIKE, null).modelInfo());
        ModelInfo small = checked.info(Tier.SMALL).orElseThrow();
        assertEquals(40960, small.contextLength().getAsInt());
        assertEquals(2_600_000_000L, small.sizeBytes().getAsLong());
        assertTrue(small.capabilities().contains("tools"));
    }

    @Test
    void aModelWithoutToolCallingIsAWarningNamingModelAndTier() {
        sim.addModel(SimModel.named("gemma:2b").capabilities("completion").contextLength(40960));
        ServerReport r = check(Plans.plan(sim, "qwen3:32b", "qwen3:32b", "gemma:2b"), CLAUDE_LIKE, null);
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        String w = r.warnings().get(0);
        assertTrue(w.startsWith("gemma:2b (small tier) does not support tool calling (capabilities: completion)"), w);
        assertTrue(w.contains("Claude Code"), w);

        CheckRequirements largeOnly = new CheckRequirements("Some Tool", EnumSet.of(Tier.LARGE), 0, OptionalLong.empty());
        assertTrue(check(Plans.plan(sim, "qwen3:32b", "qwen3:32b", "gemma:2b"), largeOnly, null).warnings().isEmpty());
    }

    @Test
    void anOldServerThatListsNoCapabilitiesGetsNoToolWarning() {
        sim.respondRaw("/api/show", 200, "application/json",
                "{\"details\":{},\"model_info\":{\"general.architecture\":\"qwen3\",\"qwen3.context_length\":40960}}");
        ServerReport r = check(Plans.plan(sim, "qwen3:4b", "qwen3:4b", "qwen3:4b"), CLAUDE_LIKE, null);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertFalse(r.models().get(0).capabilitiesKnown());
        assertEquals(40960, r.models().get(0).contextLength().getAsInt());
    }

    @Test
    void aContextWindowSmallerThanTheToolNeedsIsAWarning() {
        sim.addModel(SimModel.named("tiny:1b").contextLength(8192));
        ServerReport r = check(Plans.plan(sim, "qwen3:32b", "qwen3:32b", "tiny:1b"), CLAUDE_LIKE, null);
        assertEquals(List.of("tiny:1b (small tier) has a context window of 8192 tokens but Claude Code needs at least 32768: "
                + "its prompts would be cut; pick a model with a larger context for that tier"), r.warnings());
    }

    @Test
    void aServedContextFromApiPsSmallerThanTheNeedSaysHowToRaiseIt() {
        sim.loaded("qwen3:32b", 4096);
        ServerReport r = check(Plans.plan(sim, "qwen3:32b", "qwen3:32b", "qwen3:4b"), CLAUDE_LIKE, null);
        assertEquals(4096, r.models().get(0).servedContext().getAsInt());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("runs qwen3:32b (large and medium tiers) with a 4096-token context"), r.warnings().get(0));
        assertTrue(r.warnings().get(0).contains("OLLAMA_CONTEXT_LENGTH=32768 ollama serve"), r.warnings().get(0));
        assertEquals(1, sim.requests("/api/ps").size());
    }

    @Test
    void modelsOverTheMemoryBudgetWarn() {
        ServerReport r = check(Plans.plan(sim, "qwen3:32b", "qwen3:32b", "qwen3:4b"), CLAUDE_LIKE, 16_000_000_000L);
        assertFalse(r.memory().fits());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("qwen3:32b 20.2 GB, qwen3:4b 2.6 GB"), r.warnings().get(0));
    }

    @Test
    void aMissingModelIsReportedNotThrown() {
        ServerReport r = check(Plans.plan(sim, "qwen3:32b", "qwen3:32b", "nope:1b"), CLAUDE_LIKE, null);
        assertEquals(List.of("nope:1b"), r.missing().stream().map(ModelStatus::name).toList());
        assertFalse(r.modelInfo().containsKey("nope:1b"));
        assertEquals(20_200_000_000L, r.memory().total());
    }

    @Test
    void namesMatchTheWayOllamaMatchesThem() {
        sim.addModel(SimModel.named("llama3.2").sizeBytes(2_000_000_000L));
        ServerReport r = check(Plans.plan(sim, "llama3.2", "llama3.2", "llama3.2"), CLAUDE_LIKE, null);
        assertTrue(r.models().get(0).present());
        assertEquals(OptionalLong.of(2_000_000_000L), r.models().get(0).size());
    }

    @Test
    void aSlowButAnsweringServerIsWaitedFor() {
        sim.delay("/api/tags", java.time.Duration.ofMillis(300)).delay("/api/show", java.time.Duration.ofMillis(300));
        ServerReport r = check(Plans.plan(sim, "qwen3:32b", "qwen3:32b", "qwen3:4b"), CLAUDE_LIKE, null);
        assertTrue(r.allWell(), r.warnings().toString());
        assertEquals(OptionalLong.of(20_200_000_000L), r.models().get(0).size());
    }

    @Test
    void aServerWithoutApiPsStillGetsChecked() {
        sim.failNext("/api/ps", 404);
        ServerReport r = check(Plans.plan(sim, "qwen3:32b", "qwen3:32b", "qwen3:4b"), CLAUDE_LIKE, null);
        assertTrue(r.allWell(), r.warnings().toString());
    }

    private LauncherException failure(TierPlan plan) {
        LauncherException e = assertThrows(LauncherException.class, () -> check(plan, CLAUDE_LIKE, null));
        assertEquals(ExitCode.NOT_READY, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void aServerError500IsOneLineWithTheServersOwnWords() {
        sim.failNext("/api/tags", 500, "disk I/O error");
        LauncherException e = failure(Plans.plan(sim, "qwen3:4b", "qwen3:4b", "qwen3:4b"));
        assertEquals("the model server at " + sim.url() + " answered GET /api/tags with HTTP 500 (disk I/O error); "
                + "check the server's log, or pass --offline to skip the checks", e.getMessage());
    }

    @Test
    void htmlInsteadOfJsonSaysItIsNotOllama() {
        sim.respondRaw("/api/version", 200, "text/html", "<html><body>Welcome to nginx!</body></html>");
        LauncherException e = failure(Plans.plan(sim, "qwen3:4b", "qwen3:4b", "qwen3:4b"));
        assertTrue(e.getMessage().contains("answered GET /api/version with something that is not Ollama's JSON (text/html: "
                + "'<html><body>Welcome to nginx!</body></ht...')"), e.getMessage());
        assertTrue(e.getMessage().endsWith("pointing at an Ollama server?"), e.getMessage());
    }

    @Test
    void truncatedJsonSaysItIsNotOllama() {
        sim.respondRaw("/api/show", 200, "application/json", "{\"capabilities\":[\"compl");
        LauncherException e = failure(Plans.plan(sim, "qwen3:4b", "qwen3:4b", "qwen3:4b"));
        assertTrue(e.getMessage().contains("answered POST /api/show for qwen3:4b with something that is not Ollama's JSON"),
                e.getMessage());
    }

    @Test
    void nothingListeningIsUnreachableWithWhatToDo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ServerAddress dead = ServerAddress.resolve("127.0.0.1:" + port, null);
        LauncherException e = assertThrows(LauncherException.class, () -> new ServerChecks(new OllamaClient(dead),
                java.util.Optional::empty, System::nanoTime).check(Map.of("qwen3:4b", List.of(Tier.LARGE)), CLAUDE_LIKE));
        assertEquals(ExitCode.NOT_READY, e.exitCode());
        assertEquals("the model server at http://127.0.0.1:" + port + " (--host) is not reachable (connection refused); "
                + "start it with 'ollama serve', point --host (or OLLAMA_HOST) at a running server, or pass --offline to skip "
                + "the checks", e.getMessage());
    }

    @Test
    void aHostThatDropsConnectionAttemptsFailsAtTheConnectTimeout() throws Exception {
        // A listening socket whose accept queue is full: Linux drops further SYNs, as a black-holing host does.
        try (ServerSocket full = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> queued = new java.util.ArrayList<>();
            try {
                while (true) {
                    java.net.Socket s = new java.net.Socket();
                    queued.add(s);
                    s.connect(full.getLocalSocketAddress(), 200);
                }
            } catch (java.net.SocketTimeoutException queueIsFull) {
                // from here on nothing gets through
            }
            ServerAddress holed = ServerAddress.resolve("127.0.0.1:" + full.getLocalPort(), null);
            LauncherException e = assertThrows(LauncherException.class, () -> new ServerChecks(new OllamaClient(holed),
                    java.util.Optional::empty, System::nanoTime).check(Map.of("qwen3:4b", List.of(Tier.LARGE)), CLAUDE_LIKE));
            assertEquals(ExitCode.NOT_READY, e.exitCode());
            assertTrue(e.getMessage().startsWith("the model server at http://127.0.0.1:" + full.getLocalPort()
                    + " (--host) did not accept a connection within 1000 ms; start it with 'ollama serve'"), e.getMessage());
            for (java.net.Socket s : queued) {
                s.close();
            }
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithOneLine() {
        sim.blackHole("/api/version");
        LauncherException e = failure(Plans.plan(sim, "qwen3:4b", "qwen3:4b", "qwen3:4b"));
        assertTrue(e.getMessage().contains("did not answer GET /api/version within 1500 ms; start it with 'ollama serve'"),
                e.getMessage());
    }

    @Test
    void doctorWithoutModelsAsksOnlyTheServer() {
        ServerReport r = Plans.checks(Plans.client(sim), 8_000_000_000L).check(Map.of(),
                CheckRequirements.generic(OptionalLong.empty()));
        assertTrue(r.models().isEmpty());
        assertEquals(0, sim.requests("/api/show").size());
        assertEquals(Set.of(), Set.copyOf(r.warnings()));
    }
}
