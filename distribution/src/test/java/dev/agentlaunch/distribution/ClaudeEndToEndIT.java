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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled {@code bin/launch claude} starts the REAL Claude Code (pinned npm install)
 * against the Ollama simulator, headless, stdin closed, in a fresh HOME; the simulator's request
 * log proves which model each tier's requests carried.
 */
class ClaudeEndToEndIT {
    static final String LARGE = "qwen3:32b";
    static final String MEDIUM = "qwen3:14b";
    static final String SMALL = "qwen3:4b";
    static final String EXPLORE_CALL = "{\"subagent_type\":\"Explore\",\"description\":\"Look around\","
            + "\"prompt\":\"List the files in the current directory.\"}";

    @TempDir
    Path home;

    OllamaSimulator sim;
    Launcher launcher;

    @BeforeEach
    void start() {
        Path clis = AgentClis.require("claude");
        sim = OllamaSimulator.start();
        for (String m : List.of(LARGE, MEDIUM, SMALL, "qwen3:8b")) {
            sim.addModel(SimModel.named(m).capabilities("completion", "tools"));
        }
        launcher = new Launcher(home).path(clis, AgentClis.nodeDir()).env("OLLAMA_HOST", sim.url());
    }

    @AfterEach
    void stop() {
        if (sim != null) {      // null when the test was skipped before the simulator started
            sim.close();
        }
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
        List<RecordedRequest> subagent = messages.stream()
                .filter(m -> !offersTool(m, "Agent") && m.json() != null && m.json().has("tools")).toList();
        assertFalse(subagent.isEmpty(), "the Explore subagent ran: " + messages.stream()
                .map(m -> m + " tools=" + (m.json() == null ? null : m.json().path("tools").findValuesAsText("name"))).toList());
        subagent.forEach(m -> assertEquals(SMALL, m.model(), "Explore subagent " + m));
        assertFalse(models(messages).contains(MEDIUM), "nothing asked for the medium tier: " + messages);
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
