package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import dev.agentlaunch.core.sim.SimModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled {@code bin/launch claude} starts the REAL Claude Code (pinned npm install)
 * against the Ollama simulator, headless, stdin closed, in a fresh HOME; the simulator's request
 * log proves which model each tier's requests carried. Tagged with the integration id, as every
 * suite of a plugin is: {@code bench/tool-drift.sh} runs a plugin's suites by it.
 */
@Tag("claude")
class ClaudeEndToEndIT {
    static final String LARGE = "qwen3:32b";
    static final String MEDIUM = "qwen3:14b";
    static final String SMALL = "qwen3:4b";
    static final String EXPLORE_CALL = "{\"subagent_type\":\"Explore\",\"description\":\"Look around\","
            + "\"prompt\":\"List the files in the current directory.\"}";

    /** A phrase of the launcher's own Explore prompt: the subagent that ran is the launcher's. */
    static final String EXPLORE_PROMPT = "You search a codebase and report what you find";
    /** The context the simulator reports for the tier models, large enough that no test compacts unless it means to. */
    static final int CONTEXT = 131072;

    @TempDir
    Path home;

    OllamaSimulator sim;
    Launcher launcher;

    @BeforeEach
    void start() {
        Path clis = AgentClis.require("claude");
        sim = OllamaSimulator.start();
        for (String m : List.of(LARGE, MEDIUM, SMALL, "qwen3:8b")) {
            sim.addModel(SimModel.named(m).capabilities("completion", "tools").contextLength(CONTEXT));
        }
        launcher = new Launcher(home).path(clis, AgentClis.nodeDir()).env("OLLAMA_HOST", sim.url());
    }

    @AfterEach
    void stop(org.junit.jupiter.api.TestInfo test) {
        if (sim != null) {      // null when the test was skipped before the simulator started
            sim.close();
            // The request log is the proof; keep it in the build output.
            sim.requests().forEach(req -> System.out.println(test.getDisplayName() + ": " + req));
        }
    }

    /** The Claude Code version the tests run (its npm package's), e.g. {@code 2.1.332}. */
    static String claudeVersion() throws java.io.IOException {
        java.nio.file.Path pkg = AgentClis.binDir().getParent().resolve("@anthropic-ai/claude-code/package.json");
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(pkg.toFile()).path("version").asText();
    }

    /**
     * Requests that ran a subagent: tools offered, but not the Agent tool of the main conversation
     * (a session title, which 2.1.197 asks in -p mode too, offers an empty tool list).
     */
    static List<RecordedRequest> subagentRequests(List<RecordedRequest> messages) {
        return messages.stream().filter(m -> !offersTool(m, "Agent") && m.json() != null && m.json().path("tools").size() > 0)
                .toList();
    }

    /** The requests that offered Claude Code's Agent tool: main-conversation turns. */
    static boolean offersTool(RecordedRequest r, String tool) {
        return r.json() != null && r.json().has("tools")
                && StreamSupport.stream(r.json().get("tools").spliterator(), false)
                .anyMatch(t -> tool.equals(t.path("name").asText()));
    }

    static Set<String> models(List<RecordedRequest> requests) {
        return requests.stream().map(RecordedRequest::model).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Test
    void mainTurnUsesLargeAndExploreSubagentUsesSmall() throws Exception {
        sim.answerWithToolCall("Agent", EXPLORE_CALL);

        Launcher.Result r = launcher.run("claude", "--large", LARGE, "--medium", MEDIUM, "--small", SMALL,
                "--", "-p", "Explore this directory, then say hi to the whole team.");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("simulator"), "Claude Code printed the simulator's answer: " + r);
        List<RecordedRequest> messages = sim.requests("/v1/messages");
        List<RecordedRequest> mainTurns = messages.stream().filter(m -> offersTool(m, "Agent")).toList();
        assertFalse(mainTurns.isEmpty(), "a main-conversation request: " + messages);
        mainTurns.forEach(m -> assertEquals(LARGE, m.model(), "main turn " + m));
        assertEquals(0, sim.pendingToolCalls(), "Claude Code took the scripted Agent call: " + messages);
        List<RecordedRequest> subagent = subagentRequests(messages);
        assertFalse(subagent.isEmpty(), "the Explore subagent ran: " + messages.stream()
                .map(m -> m + " tools=" + (m.json() == null ? null : m.json().path("tools").findValuesAsText("name"))).toList());
        subagent.forEach(m -> assertEquals(SMALL, m.model(), "Explore subagent " + m));
        assertTrue(subagent.get(0).body().contains(EXPLORE_PROMPT), "the launcher's Explore ran, on every Claude Code version");
        assertFalse(models(messages).contains(MEDIUM), "nothing asked for the medium tier: " + messages);
    }

    @Test
    void aUsersOwnAgentsAreMergedWithTheLaunchersExplore() throws Exception {
        sim.answerWithToolCall("Agent", EXPLORE_CALL);
        String theirs = "{\"release-notes-writer\":{\"description\":\"Writes release notes for the e2e test from the git log\","
                + "\"prompt\":\"You write release notes.\"}}";

        Launcher.Result r = launcher.run("claude", "--large", LARGE, "--medium", MEDIUM, "--small", SMALL,
                "--", "--agents", theirs, "-p", "Explore this directory, then say hi to the whole team.");

        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(r.stderr().contains("launch: error"), r::toString);
        List<RecordedRequest> messages = sim.requests("/v1/messages");
        assertEquals(0, sim.pendingToolCalls(), "Claude Code took the scripted Agent call: " + messages);
        List<RecordedRequest> subagent = subagentRequests(messages);
        assertFalse(subagent.isEmpty(), "the Explore subagent ran: " + messages);
        subagent.forEach(m -> assertEquals(SMALL, m.model(), "Explore subagent " + m));
        assertTrue(subagent.get(0).body().contains(EXPLORE_PROMPT), "the launcher's Explore");
        RecordedRequest main = messages.stream().filter(m -> offersTool(m, "Agent")).findFirst().orElseThrow();
        assertEquals(LARGE, main.model());
        assertTrue(main.body().contains("Writes release notes for the e2e test"),
                "the user's agent is offered to the main conversation too");
    }

    @Test
    void agentsThatAreNotAJsonObjectStopTheLaunchNamingTheFlag() throws Exception {
        Launcher.Result r = launcher.run("claude", "--model", LARGE, "--", "--agents", "[\"reviewer\"]", "-p", "hi");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("launch: error: your --agents is not a JSON object"), r::toString);
        assertTrue(sim.requests("/v1/messages").isEmpty(), "Claude Code did not run");
    }

    @Test
    void fableAliasInPassthroughArgsUsesLargeTier() throws Exception {
        Launcher.Result r = launcher.run("claude", "--large", LARGE, "--medium", MEDIUM, "--small", SMALL,
                "--", "--model", "fable", "-p", "say hi");

        assertEquals(0, r.exitCode(), r::toString);
        List<RecordedRequest> mainTurns = sim.requests("/v1/messages").stream().filter(m -> offersTool(m, "Agent")).toList();
        assertFalse(mainTurns.isEmpty(), () -> "a main-conversation request: " + sim.requests());
        mainTurns.forEach(m -> assertEquals(LARGE, m.model(), "main turn with --model fable " + m));
        assertTrue(sim.requests("/v1/messages").stream().noneMatch(m -> m.model().startsWith("claude")),
                "no Anthropic model id reached the server: " + sim.requests());
    }

    /**
     * The large model's context reaches Claude Code: its own context report shows the served
     * window instead of the 1M it assumes for a model it does not know.
     */
    @Test
    void theLargeModelsContextIsTheWindowClaudeCodeCounts() throws Exception {
        sim.addModel(SimModel.named("qwen3:8b").capabilities("completion", "tools").contextLength(32768));

        Launcher.Result told = launcher.run("claude", "--model", "qwen3:8b", "--", "-p", "/context");

        assertEquals(0, told.exitCode(), told::toString);
        assertTrue(told.stdout().contains("/ 32.8k"), "the window is the server's 32768 tokens: " + told);
        assertFalse(told.stdout().contains("[1m]"), "no 1M-context model: " + told);
    }

    /**
     * Claude Code 2.1.332 compacts the conversation in time when it knows the served window: after
     * a tool call it summarises before the next request, which a 1M window never does this early.
     */
    @Test
    void aSmallServedContextMakesClaudeCodeCompactBeforeTheServerTruncates() throws Exception {
        Assumptions.assumeTrue(compareVersions(claudeVersion(), "2.1.332") >= 0, "compaction at this size: seen from 2.1.332");
        sim.addModel(SimModel.named("qwen3:8b").capabilities("completion", "tools").contextLength(32768));
        sim.answerWithToolCall("Bash", "{\"command\":\"ls\",\"description\":\"list files\"}");

        Launcher.Result r = launcher.run("claude", "--model", "qwen3:8b", "--", "-p", "List the files here with ls, then say hi",
                "--allowedTools", "Bash");

        assertEquals(0, r.exitCode(), r::toString);
        List<RecordedRequest> messages = sim.requests("/v1/messages");
        assertTrue(messages.stream().anyMatch(m -> m.body().contains("<summary>")),
                "a compaction request reached the server: " + messages);
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Test
    void doctorWithTheInstalledClaudeCodeAndAHealthyServerSaysAllIsWell() throws Exception {
        Launcher.Result r = launcher.run("doctor", "claude", "--large", LARGE, "--medium", MEDIUM, "--small", SMALL);
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("Claude Code (claude): ") && r.stdout().contains(claudeVersion()), r::toString);
        assertTrue(r.stdout().contains("all well"), r::toString);
    }

    @Test
    void sonnetAliasInPassthroughArgsUsesMediumTier() throws Exception {
        Launcher.Result r = launcher.run("claude", "--large", LARGE, "--medium", MEDIUM, "--small", SMALL,
                "--", "--model", "sonnet", "-p", "say hi");

        assertEquals(0, r.exitCode(), r::toString);
        List<RecordedRequest> mainTurns = sim.requests("/v1/messages").stream().filter(m -> offersTool(m, "Agent")).toList();
        assertFalse(mainTurns.isEmpty(), () -> "a main-conversation request: " + sim.requests());
        mainTurns.forEach(m -> assertEquals(MEDIUM, m.model(), "main turn with --model sonnet " + m));
    }

    @Test
    void modelFlagAloneCoversEveryTier() throws Exception {
        sim.answerWithToolCall("Agent", EXPLORE_CALL);

        Launcher.Result r = launcher.run("claude", "--model", "qwen3:8b", "--", "-p", "Explore this directory, then say hi.");

        assertEquals(0, r.exitCode(), r::toString);
        List<RecordedRequest> messages = sim.requests("/v1/messages");
        assertEquals(0, sim.pendingToolCalls(), "the Explore subagent was started: " + messages);
        assertEquals(Set.of("qwen3:8b"), models(messages), "every request, subagent included: " + messages);
    }

    @Test
    void dryRunChecksTheServerButStartsNothing() throws Exception {
        Launcher.Result r = launcher.run("claude", "--large", LARGE, "--dry-run");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("ANTHROPIC_DEFAULT_OPUS_MODEL") && r.stdout().contains(LARGE), r::toString);
        assertFalse(sim.requests("/api/show").isEmpty(), "the dry run asked the server about the model: " + sim.requests());
        assertTrue(sim.requests("/v1/messages").isEmpty(), "Claude Code did not run: " + sim.requests());
    }
}
