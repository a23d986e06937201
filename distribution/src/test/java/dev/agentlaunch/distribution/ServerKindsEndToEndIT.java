package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import dev.agentlaunch.core.sim.SimKind;
import dev.agentlaunch.core.sim.SimModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real Claude Code, Codex and OpenCode, started by the assembled launcher against the vLLM,
 * llama.cpp and LiteLLM simulators (LiteLLM requiring a token, named with {@code --api-key-env}).
 * The simulators' request logs prove each tier's model and, for LiteLLM, that the token reached
 * the server with every request while appearing in none of the launcher's output.
 */
class ServerKindsEndToEndIT {
    static final String LARGE = "qwen3:32b";
    static final String MEDIUM = "qwen3:14b";
    static final String SMALL = "qwen3:4b";
    static final String TOKEN = "team-token-7f3a9c1e5b2d4086";
    static final String TOKEN_VAR = "TEAM_LLM_TOKEN";
    private static final List<String> CODEX_OFFLINE = List.of("-c", "analytics.enabled=false", "--disable", "plugins");
    private static final String TASK_PROMPT = "list the files of this project for the team";

    @TempDir
    Path tmp;

    private OllamaSimulator sim;
    private OllamaSimulator laptop;
    private Launcher launcher;

    private void start(SimKind kind, String tool) throws java.io.IOException {
        sim = OllamaSimulator.start(kind);
        for (String m : List.of(LARGE, MEDIUM, SMALL)) {
            sim.addModel(SimModel.named(m).contextLength(65536).capabilities("completion", "tools"));
        }
        if (kind == SimKind.LITELLM) {
            sim.requireToken(TOKEN);
        }
        launcher = new Launcher(tmp, true).env(TOKEN_VAR, TOKEN);
        launcher.requireTool(tool);
    }

    @AfterEach
    void stopLaptop(TestInfo test) {
        if (laptop != null) {
            laptop.close();
            laptop.requests().forEach(req -> System.out.println(test.getDisplayName() + " (laptop Ollama): " + req));
        }
    }

    /** The cluster (vLLM, large and medium) and a laptop's Ollama for the small tier. */
    private Launcher.Result splitLaunch(String tool, String... rest) throws Exception {
        if (laptop == null) {
            laptop = OllamaSimulator.start().addModel(SimModel.named(SMALL).contextLength(65536).capabilities("completion", "tools"));
        }
        sim.removeModel(SMALL);
        List<String> args = new ArrayList<>(List.of(tool, "--host", sim.url(), "--large", LARGE, "--medium", MEDIUM,
                "--small", SMALL, "--tier-server", "small=" + laptop.url()));
        args.addAll(List.of(rest));
        return launcher.run(args.toArray(String[]::new));
    }

    @Tag("opencode")
    @org.junit.jupiter.api.Test
    void openCodeSendsTheSmallTierToItsOwnServer() throws Exception {
        start(SimKind.VLLM, "opencode");
        sim.answerWithToolCall("task", "{\"subagent_type\":\"explore\",\"description\":\"look around\",\"prompt\":\""
                + TASK_PROMPT + "\"}");
        Launcher.Result r = splitLaunch("opencode", "--", "run", "say hi to the whole team");
        assertEquals(0, r.exitCode(), r.toString());
        List<RecordedRequest> onLaptop = laptop.requests("/v1/chat/completions");
        assertFalse(onLaptop.isEmpty(), "the small tier's requests went to the laptop: " + sim.requests() + "\n" + r);
        onLaptop.forEach(req -> assertEquals(SMALL, req.model(), "on the laptop " + req));
        List<RecordedRequest> onCluster = chats();
        assertFalse(onCluster.isEmpty());
        onCluster.forEach(req -> assertEquals(LARGE, req.model(), "on the cluster " + req));
        assertFalse(laptop.requests("/api/show").isEmpty(), "the small tier's model was checked on the laptop");
    }

    /** The same split from a profile: {@code "tierServers": {"small": "laptop"}}, the laptop a named server. */
    @Tag("opencode")
    @org.junit.jupiter.api.Test
    void openCodeSendsAProfilesSmallTierToItsOwnServer() throws Exception {
        start(SimKind.VLLM, "opencode");
        laptop = OllamaSimulator.start().addModel(SimModel.named(SMALL).contextLength(65536).capabilities("completion", "tools"));
        sim.removeModel(SMALL);
        sim.answerWithToolCall("task", "{\"subagent_type\":\"explore\",\"description\":\"look around\",\"prompt\":\""
                + TASK_PROMPT + "\"}");
        Path config = Files.writeString(tmp.resolve("team-config.json"), "{\"servers\": {\"laptop\": {\"url\": \"" + laptop.url()
                + "\"}, \"cluster\": {\"url\": \"" + sim.url() + "\"}},\n \"profiles\": {\"team\": {\"large\": \"" + LARGE
                + "\", \"medium\": \"" + MEDIUM + "\", \"small\": \"" + SMALL + "\", \"server\": \"cluster\", "
                + "\"tierServers\": {\"small\": \"laptop\"}}}}\n");
        Launcher.Result r = launcher.run("opencode", "--config", config.toString(), "--profile", "team", "--", "run",
                "say hi to the whole team");
        assertEquals(0, r.exitCode(), r.toString());
        List<RecordedRequest> onLaptop = laptop.requests("/v1/chat/completions");
        assertFalse(onLaptop.isEmpty(), "the small tier's requests went to the laptop: " + sim.requests() + "\n" + r);
        onLaptop.forEach(req -> assertEquals(SMALL, req.model(), "on the laptop " + req));
        List<RecordedRequest> onCluster = chats();
        assertFalse(onCluster.isEmpty());
        onCluster.forEach(req -> assertEquals(LARGE, req.model(), "on the cluster " + req));
    }

    /** Codex ignores a role file's model_provider (tried with 0.169.0), so it cannot split tiers across servers. */
    @Tag("codex")
    @org.junit.jupiter.api.Test
    void codexRefusesASplitNamingTheGateway() throws Exception {
        start(SimKind.VLLM, "codex");
        Launcher.Result r = splitLaunch("codex", "--", "exec", "--skip-git-repo-check", "say hi");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals(1, r.stderr().lines().count(), r.toString());
        assertTrue(r.stderr().startsWith("launch: error: Codex sends every tier to one endpoint, so --tier-server cannot "
                + "split them; put a LiteLLM gateway in front"), r.toString());
        assertTrue(responses().isEmpty(), "Codex never started");
    }

    @AfterEach
    void stop(TestInfo test) {
        if (sim != null) {
            sim.close();
            // The request log is the proof; keep it in the build output.
            sim.requests().forEach(req -> System.out.println(test.getDisplayName() + ": " + req
                    + (req.header("Authorization") == null ? "" : " auth=" + (req.header("Authorization").equals("Bearer " + TOKEN)
                    ? "Bearer $" + TOKEN_VAR : "other"))));
        }
    }

    private Launcher.Result launch(SimKind kind, String tool, String... rest) throws Exception {
        List<String> args = new ArrayList<>(List.of(tool, "--host", sim.url(), "--large", LARGE, "--medium", MEDIUM,
                "--small", SMALL));
        if (kind == SimKind.LITELLM) {
            args.addAll(List.of("--api-key-env", TOKEN_VAR));
        }
        args.addAll(List.of(rest));
        Launcher.Result r = launcher.run(args.toArray(String[]::new));
        assertFalse(r.stdout().contains(TOKEN) || r.stderr().contains(TOKEN), "the token is never printed: " + r);
        return r;
    }

    /** Every chat request carried the token (LiteLLM) and the checks named the kind. */
    private void assertTokenReachedEveryRequest(SimKind kind, String chatPath) {
        if (kind != SimKind.LITELLM) {
            return;
        }
        List<RecordedRequest> chats = sim.requests(chatPath);
        assertFalse(chats.isEmpty());
        chats.forEach(req -> assertEquals("Bearer " + TOKEN, req.header("Authorization"), "the token on " + req));
        assertEquals("Bearer " + TOKEN, sim.requests("/model/info").get(0).header("Authorization"), "the checks sent it too");
    }

    @ParameterizedTest(name = "--dry-run --json names the kind of the {0} simulator")
    @EnumSource(value = SimKind.class, names = {"VLLM", "LLAMACPP", "LITELLM"})
    void dryRunNamesTheKind(SimKind kind) throws Exception {
        start(kind, "claude");
        Launcher.Result r = launch(kind, "claude", "--dry-run", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode plan = new ObjectMapper().readTree(r.stdout());
        assertEquals(kind.name().toLowerCase(java.util.Locale.ROOT), plan.path("server").path("kind").asText(), r.toString());
        assertTrue(plan.path("server").path("kindSource").asText().startsWith("detected from its answer to GET "), r.stdout());
        Launcher.Result doctor = launcher.run(kind == SimKind.LITELLM
                ? new String[] {"doctor", "claude", "--host", sim.url(), "--model", LARGE, "--api-key-env", TOKEN_VAR, "--json"}
                : new String[] {"doctor", "claude", "--host", sim.url(), "--model", LARGE, "--json"});
        assertEquals(plan.path("server").path("kind").asText(),
                new ObjectMapper().readTree(doctor.stdout()).path("server").path("kind").asText(), doctor.toString());
        if (kind == SimKind.LITELLM) {
            JsonNode token = null;
            for (JsonNode e : plan.path("env")) {
                if (e.path("name").asText().equals("ANTHROPIC_AUTH_TOKEN")) {
                    token = e;
                }
            }
            assertEquals("$" + TOKEN_VAR, token == null ? null : token.path("value").asText(), "shown as a reference: " + r.stdout());
        }
    }

    // ---------------------------------------------------------------- Claude Code

    private static boolean offersTool(RecordedRequest r, String tool) {
        return ClaudeEndToEndIT.offersTool(r, tool);
    }

    @Tag("claude")
    @ParameterizedTest(name = "Claude Code against the {0} simulator: main turn large, Explore small")
    @EnumSource(value = SimKind.class, names = {"VLLM", "LLAMACPP", "LITELLM"})
    void claudeLargeAndSmall(SimKind kind) throws Exception {
        start(kind, "claude");
        sim.answerWithToolCall("Agent", ClaudeEndToEndIT.EXPLORE_CALL);
        Launcher.Result r = launch(kind, "claude", "--", "-p", "Explore this directory, then say hi to the whole team.");
        assertEquals(0, r.exitCode(), r.toString());
        List<RecordedRequest> messages = sim.requests("/v1/messages");
        List<RecordedRequest> main = messages.stream().filter(m -> offersTool(m, "Agent")).toList();
        assertFalse(main.isEmpty(), "a main-conversation request: " + messages);
        main.forEach(m -> assertEquals(LARGE, m.model(), "main turn " + m));
        List<RecordedRequest> explore = messages.stream()
                .filter(m -> !offersTool(m, "Agent") && m.json() != null && m.json().has("tools")).toList();
        assertFalse(explore.isEmpty(), "the Explore subagent ran: " + messages);
        explore.forEach(m -> assertEquals(SMALL, m.model(), "Explore subagent " + m));
        assertTokenReachedEveryRequest(kind, "/v1/messages");
    }

    @Tag("claude")
    @ParameterizedTest(name = "Claude Code against the {0} simulator: --model sonnet runs on medium")
    @EnumSource(value = SimKind.class, names = {"VLLM", "LLAMACPP", "LITELLM"})
    void claudeMedium(SimKind kind) throws Exception {
        start(kind, "claude");
        Launcher.Result r = launch(kind, "claude", "--", "--model", "sonnet", "-p", "say hi");
        assertEquals(0, r.exitCode(), r.toString());
        List<RecordedRequest> main = sim.requests("/v1/messages").stream().filter(m -> offersTool(m, "Agent")).toList();
        assertFalse(main.isEmpty(), "a main-conversation request: " + sim.requests());
        main.forEach(m -> assertEquals(MEDIUM, m.model(), "main turn with --model sonnet " + m));
        assertTokenReachedEveryRequest(kind, "/v1/messages");
    }

    // ---------------------------------------------------------------- Codex

    private List<RecordedRequest> responses() {
        return sim.requests("/v1/responses");
    }

    @Tag("codex")
    @ParameterizedTest(name = "Codex against the {0} simulator: main turn large, explorer small")
    @EnumSource(value = SimKind.class, names = {"VLLM", "LLAMACPP", "LITELLM"})
    void codexLargeAndSmall(SimKind kind) throws Exception {
        start(kind, "codex");
        // As in CodexIT: codex exec may end before a spawned subagent's first request; up to three attempts.
        RecordedRequest subagent = null;
        Launcher.Result r = null;
        for (int attempt = 1; attempt <= 3 && subagent == null; attempt++) {
            sim.clearRequests();
            sim.answerWithToolCall("spawn_agent", "{\"agent_type\":\"explorer\",\"message\":\"list the files\"}");
            sim.delay("/v1/responses", Duration.ZERO);
            sim.holdUntil("/v1/responses", req -> SMALL.equals(req.model()), Duration.ofSeconds(60));
            List<String> args = new ArrayList<>(List.of("--"));
            args.addAll(CODEX_OFFLINE);
            args.addAll(List.of("exec", "--skip-git-repo-check", "explore this repository with a subagent"));
            r = launch(kind, "codex", args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.toString());
            List<RecordedRequest> sub = responses().stream()
                    .filter(req -> String.valueOf(req.header("x-codex-turn-metadata")).contains("\"thread_source\":\"subagent\""))
                    .toList();
            sub.forEach(req -> assertEquals(SMALL, req.model(), "the explorer subagent's request " + req));
            subagent = sub.isEmpty() ? null : sub.get(0);
        }
        Launcher.Result last = r;
        assertTrue(subagent != null, () -> "no subagent request in 3 attempts: " + responses() + "\n" + last);
        assertEquals(LARGE, responses().get(0).model(), "the main turn is on the large tier");
        assertTokenReachedEveryRequest(kind, "/v1/responses");
    }

    @Tag("codex")
    @ParameterizedTest(name = "Codex against the {0} simulator: a review runs on medium")
    @EnumSource(value = SimKind.class, names = {"VLLM", "LLAMACPP", "LITELLM"})
    void codexMedium(SimKind kind) throws Exception {
        start(kind, "codex");
        launcher.sh("git", "init", "-q");
        Files.writeString(launcher.work.resolve("app.txt"), "one\n");
        launcher.sh("git", "add", "app.txt");
        launcher.sh("git", "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "commit", "-qm", "first");
        Files.writeString(launcher.work.resolve("app.txt"), "one\ntwo\n");
        List<String> args = new ArrayList<>(List.of("--"));
        args.addAll(CODEX_OFFLINE);
        args.addAll(List.of("exec", "review", "--uncommitted"));
        Launcher.Result r = launch(kind, "codex", args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(responses().stream().anyMatch(req -> MEDIUM.equals(req.model())), "a request on the medium tier: "
                + responses() + "\n" + r);
        assertTokenReachedEveryRequest(kind, "/v1/responses");
    }

    // ---------------------------------------------------------------- OpenCode

    private List<RecordedRequest> chats() {
        return sim.requests("/v1/chat/completions");
    }

    private static boolean isTitle(RecordedRequest req) {
        return req.json() != null && req.json().path("tools").isEmpty() && req.body().contains("title");
    }

    private static boolean isMain(RecordedRequest req) {
        if (req.json() == null) {
            return false;
        }
        for (JsonNode t : req.json().path("tools")) {
            if ("task".equals(t.path("function").path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSubagent(RecordedRequest req) {
        if (req.json() == null) {
            return false;
        }
        for (JsonNode m : req.json().path("messages")) {
            if (m.path("role").asText().equals("user") && m.path("content").toString().contains(TASK_PROMPT)) {
                return true;
            }
        }
        return false;
    }

    private RecordedRequest first(Predicate<RecordedRequest> which, String what, Launcher.Result r) {
        return chats().stream().filter(which).findFirst()
                .orElseThrow(() -> new AssertionError("no " + what + " request: " + chats() + "\n" + r));
    }

    private Launcher.Result openCodeWithSubagent(SimKind kind, String subagent) throws Exception {
        sim.answerWithToolCall("task", "{\"subagent_type\":\"" + subagent + "\",\"description\":\"look around\",\"prompt\":\""
                + TASK_PROMPT + "\"}");
        sim.holdUntil("/v1/chat/completions", ServerKindsEndToEndIT::isTitle, Duration.ofSeconds(60));
        Launcher.Result r = launch(kind, "opencode", "--", "run", "say hi to the whole team");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(0, sim.pendingToolCalls(), "OpenCode never offered the task tool: " + chats());
        return r;
    }

    @Tag("opencode")
    @ParameterizedTest(name = "OpenCode against the {0} simulator: title small, main large, explore small")
    @EnumSource(value = SimKind.class, names = {"VLLM", "LLAMACPP", "LITELLM"})
    void openCodeLargeAndSmall(SimKind kind) throws Exception {
        start(kind, "opencode");
        Launcher.Result r = openCodeWithSubagent(kind, "explore");
        assertEquals(SMALL, first(ServerKindsEndToEndIT::isTitle, "title", r).model(), "session title");
        chats().stream().filter(ServerKindsEndToEndIT::isMain).forEach(req -> assertEquals(LARGE, req.model(), "main " + req));
        first(ServerKindsEndToEndIT::isMain, "main turn", r);
        assertEquals(SMALL, first(ServerKindsEndToEndIT::isSubagent, "explore subagent", r).model(), "explore subagent");
        assertTokenReachedEveryRequest(kind, "/v1/chat/completions");
    }

    @Tag("opencode")
    @ParameterizedTest(name = "OpenCode against the {0} simulator: the general subagent on medium")
    @EnumSource(value = SimKind.class, names = {"VLLM", "LLAMACPP", "LITELLM"})
    void openCodeMedium(SimKind kind) throws Exception {
        start(kind, "opencode");
        Launcher.Result r = openCodeWithSubagent(kind, "general");
        assertEquals(MEDIUM, first(ServerKindsEndToEndIT::isSubagent, "general subagent", r).model(), "general subagent");
        assertTokenReachedEveryRequest(kind, "/v1/chat/completions");
    }
}
