package dev.agentlaunch.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.SimModel;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks as a user meets them: {@code launch fake ...} and {@code launch doctor ...}, in process. */
class ServerChecksCommandTest {
    @TempDir
    Path home;

    private OllamaSimulator sim;
    private InProcessLauncher launcher;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() throws Exception {
        sim = OllamaSimulator.start()
                .addModel(SimModel.named("qwen3:32b").sizeBytes(20_200_000_000L).contextLength(40960))
                .addModel(SimModel.named("qwen3:4b").sizeBytes(2_600_000_000L).contextLength(40960));
        launcher = new InProcessLauncher(home);
        out = launcher.out;
        err = launcher.err;
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private int run(String... args) {
        return launcher.run(args);
    }

    @Test
    void dryRunShowsWhatTheServerSaidAndThePluginSeesIt() {
        int code = run("fake", "--host", sim.url(), "--large", "qwen3:32b", "--small", "qwen3:4b", "--dry-run");
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("server       " + sim.url() + " (--host), Ollama 0.13.0\n"), text);
        assertTrue(text.contains("  qwen3:32b  present, 20.2 GB, context 40960, tools; large and medium tiers\n"), text);
        assertTrue(text.contains("  qwen3:4b   present, 2.6 GB, context 40960, tools; small tier\n"), text);
        assertTrue(text.contains("\nchecks       ok ("), text);
        assertTrue(text.contains("FAKE_SMALL_CONTEXT = 40960"), "the plugin read the context from the checked plan: " + text);
        assertEquals(1, sim.requests("/api/tags").size());
        assertEquals(2, sim.requests("/api/show").size());
    }

    @Test
    void offlineAsksTheServerNothing() {
        int code = run("fake", "--host", sim.url(), "--model", "qwen3:4b", "--dry-run", "--offline");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("checks       skipped (--offline)\n"), out.toString());
        assertTrue(out.toString().contains("FAKE_SMALL_CONTEXT = unknown"), out.toString());
        assertTrue(sim.requests().isEmpty(), sim.requests().toString());
    }

    @Test
    void dryRunJsonCarriesTheChecks() throws Exception {
        int code = run("fake", "--host", sim.url(), "--model", "qwen3:4b", "--dry-run", "--json", "--memory", "1GB");
        assertEquals(0, code, err.toString());
        JsonNode checks = new ObjectMapper().readTree(out.toString()).path("checks");
        assertEquals("0.13.0", checks.path("version").asText());
        assertEquals(2_600_000_000L, checks.path("models").get(0).path("sizeBytes").asLong());
        assertEquals(40960, checks.path("models").get(0).path("contextLength").asInt());
        assertFalse(checks.path("memory").path("fits").asBoolean());
        assertEquals("--memory", checks.path("memory").path("budgetSource").asText());
        assertEquals(1, checks.path("warnings").size());
        assertTrue(err.toString().contains("launch: warning: qwen3:4b needs 2.6 GB but the server has 1 GB (--memory)"), err.toString());
    }

    @Test
    void aMissingModelWithoutATerminalStopsTheLaunchWithExit3() throws Exception {
        // The tool is installed (the launcher checks that first); the model is what is missing.
        java.nio.file.Path tool = Files.createDirectories(home.resolve("bin")).resolve("fake-agent-not-installed");
        Files.writeString(tool, "#!/bin/sh\nexit 0\n");
        tool.toFile().setExecutable(true);
        int code = run("fake", "--host", sim.url(), "--model", "qwen3:8b");
        assertEquals(3, code);
        assertEquals("launch: error: qwen3:8b (large, medium and small tiers) is not on the model server at " + sim.url()
                + "; pull it with 'OLLAMA_HOST=" + sim.url() + " ollama pull qwen3:8b', or pass --pull to let the launcher do it\n",
                err.toString());
        assertTrue(sim.requests("/api/pull").isEmpty());
    }

    @Test
    void memoryThatIsNotASizeIsBadUsage() {
        assertEquals(2, run("fake", "--host", sim.url(), "--model", "qwen3:4b", "--memory", "lots", "--dry-run"));
        assertEquals("launch: error: --memory 'lots' is not a size: use a number with a unit, e.g. 24GiB or 16GB\n", err.toString());
        assertTrue(sim.requests().isEmpty());
    }

    @Test
    void doctorIsHappyWhenAllIsWell() throws Exception {
        int code = run("doctor", "--host", sim.url(), "--model", "qwen3:4b", "--memory", "8GiB", "--json");
        assertEquals(0, code, out + "" + err);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertTrue(root.path("ok").asBoolean());
        assertTrue(root.path("server").path("reachable").asBoolean());
        assertEquals("qwen3:4b", root.path("tiers").path("small").asText());
        assertTrue(root.path("checks").path("memory").path("fits").asBoolean());
        assertTrue(sim.requests("/api/pull").isEmpty());
    }

    @Test
    void doctorListsEveryProblemAndExits3() {
        sim.addModel(SimModel.named("tiny:1b").contextLength(8192).capabilities("completion"));
        int code = run("doctor", "fake", "--host", sim.url(), "--large", "qwen3:32b", "--medium", "nope:3b", "--small", "tiny:1b");
        assertEquals(3, code);
        String text = out.toString();
        assertTrue(text.contains("integration  Fake Agent (fake): NOT INSTALLED; install with: there is nothing to install"), text);
        assertTrue(text.contains("  nope:3b    MISSING; medium tier"), text);
        assertTrue(text.contains("  tiny:1b    present, 1 GB, context 8192, NO tool calling; small tier"), text);
        assertTrue(text.contains("result       4 problems\n"), text);
        assertTrue(text.contains("  - nope:3b (medium tier) is not on the server; pull it with 'ollama pull nope:3b'"), text);
        assertTrue(text.contains("  - tiny:1b (small tier) does not support tool calling"), text);
        assertTrue(text.contains("  - tiny:1b (small tier) has a context window of 8192 tokens but Fake Agent needs at least 16384"), text);
        assertTrue(text.contains("  - Fake Agent is not installed"), text);
        assertTrue(sim.requests("/api/pull").isEmpty(), "doctor pulls nothing");
    }

    @Test
    void doctorReportsAnUnreachableServerInItsOutput() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int code = run("doctor", "--host", "127.0.0.1:" + port);
        assertEquals(3, code);
        assertTrue(out.toString().startsWith("server       http://127.0.0.1:" + port + " (--host), NOT REACHABLE\n"), out.toString());
        assertTrue(out.toString().contains("  - the model server at http://127.0.0.1:" + port + " (--host) is not reachable"), out.toString());
    }
}
