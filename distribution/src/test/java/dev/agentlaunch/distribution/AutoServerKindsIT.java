package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import dev.agentlaunch.core.sim.SimKind;
import dev.agentlaunch.core.sim.SimModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --auto} through the assembled launcher against servers other than Ollama: a vLLM cluster
 * (names and served contexts only) for a dry run, and a LiteLLM gateway behind a token for a real
 * Claude Code launch, whose request log proves the chosen models and the token reached the gateway.
 */
class AutoServerKindsIT {
    static final String TOKEN = "gateway-token-5c1d9e7a3f28b604";
    static final String TOKEN_VAR = "TEAM_GATEWAY_TOKEN";

    @TempDir
    Path tmp;

    private OllamaSimulator sim;

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

    @Test
    void claudeAutoDryRunAgainstVllm() throws Exception {
        sim = OllamaSimulator.start(SimKind.VLLM)
                .addModel(SimModel.servedAs("Qwen/Qwen3-235B-A22B").contextLength(131072))
                .addModel(SimModel.servedAs("Qwen/Qwen3-32B").contextLength(40960))
                .addModel(SimModel.servedAs("Qwen/Qwen3-8B").contextLength(40960))
                .addModel(SimModel.servedAs("meta-llama/Llama-3.2-1B-Instruct").contextLength(8192))
                .addModel(SimModel.servedAs("team-finetune").contextLength(65536));
        Launcher.Result r = new Launcher(tmp, false).run("claude", "--host", sim.url(), "--auto", "--dry-run");
        System.out.println(r.stdout());
        assertEquals(0, r.exitCode(), r.toString());
        String out = r.stdout();
        assertTrue(out.matches("(?s).*\n  large   Qwen/Qwen3-235B-A22B  auto  +main conversation.*"), out);
        assertTrue(out.matches("(?s).*\n  medium  Qwen/Qwen3-32B  +auto  .*"), "nearest the middle of 235B and 8B: " + out);
        assertTrue(out.matches("(?s).*\n  small   Qwen/Qwen3-8B  +auto  .*"), out);
        assertTrue(out.contains("kind         vllm (detected from its answer to GET "), out);
        assertTrue(out.contains("  large Qwen/Qwen3-235B-A22B: the biggest (235B)"), out);
        assertTrue(out.contains("  skipped meta-llama/Llama-3.2-1B-Instruct (context 8192 < "), out);
        assertTrue(out.contains("team-finetune (parameter count unknown)"), out);
        assertTrue(out.contains("ANTHROPIC_DEFAULT_OPUS_MODEL   = Qwen/Qwen3-235B-A22B"), out);
        assertTrue(out.contains("ANTHROPIC_DEFAULT_HAIKU_MODEL  = Qwen/Qwen3-8B"), out);
        assertEquals(1, sim.requests("/health/readiness").size(), "the kind was detected once: " + sim.requests());
    }

    @Tag("claude")
    @Test
    void claudeAutoAgainstLiteLlmWithAToken() throws Exception {
        sim = OllamaSimulator.start(SimKind.LITELLM).requireToken(TOKEN)
                .addModel(SimModel.servedAs("coder-32b").contextLength(131072))
                .addModel(SimModel.servedAs("general-14b").contextLength(131072))
                .addModel(SimModel.servedAs("helper-4b").contextLength(131072))
                .addModel(SimModel.servedAs("chat-70b").contextLength(131072).capabilities("completion"))
                .addModel(SimModel.servedAs("embedder").capabilities("embedding"));
        sim.answerWithToolCall("Agent", ClaudeEndToEndIT.EXPLORE_CALL);
        Launcher launcher = new Launcher(tmp, true).env(TOKEN_VAR, TOKEN);
        launcher.requireTool("claude");
        Launcher.Result r = launcher.run("claude", "--host", sim.url(), "--api-key-env", TOKEN_VAR, "--auto", "--",
                "-p", "Explore this directory, then say hi to the whole team.");
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(r.stdout().contains(TOKEN) || r.stderr().contains(TOKEN), "the token is never printed: " + r);
        assertTrue(r.stderr().contains("launch: --auto: large coder-32b: the biggest (32B)"), r.stderr());
        assertTrue(r.stderr().contains("chat-70b (no tool calling)"), r.stderr());
        List<RecordedRequest> messages = sim.requests("/v1/messages");
        List<RecordedRequest> main = messages.stream().filter(m -> ClaudeEndToEndIT.offersTool(m, "Agent")).toList();
        assertFalse(main.isEmpty(), "a main-conversation request: " + messages);
        main.forEach(m -> assertEquals("coder-32b", m.model(), "main turn on the auto large tier " + m));
        List<RecordedRequest> explore = messages.stream()
                .filter(m -> !ClaudeEndToEndIT.offersTool(m, "Agent") && m.json() != null && m.json().has("tools")).toList();
        assertFalse(explore.isEmpty(), "the Explore subagent ran: " + messages);
        explore.forEach(m -> assertEquals("helper-4b", m.model(), "Explore on the auto small tier " + m));
        messages.forEach(m -> assertEquals("Bearer " + TOKEN, m.header("Authorization"), "the token on " + m));
        assertFalse(sim.requests("/model/info").isEmpty());
        sim.requests("/model/info").forEach(m -> assertEquals("Bearer " + TOKEN, m.header("Authorization"),
                "the listing for --auto carried the token: " + m));
    }
}
