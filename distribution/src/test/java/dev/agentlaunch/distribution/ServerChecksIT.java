package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import dev.agentlaunch.core.sim.SimModel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled {@code bin/launch} with the built-in Claude plugin, checking the simulator
 * before a launch; the last test lets the real Claude Code run after a pull. Not a terminal:
 * stdin is closed, so the launcher never asks.
 */
class ServerChecksIT {
    private static final Path DIST = Path.of(System.getProperty("agentlaunch.dist", "target/none"));
    private static final Path AGENTS_BIN = Path.of(System.getProperty("agentlaunch.agents", "target/agents"), "node_modules", ".bin");

    @TempDir
    Path home;
    @TempDir
    Path tools;

    private OllamaSimulator sim;
    /** A directory put first on PATH, or null. */
    private Path firstOnPath;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void start() {
        assumeTrue(Files.isExecutable(DIST.resolve("bin/launch")), "the distribution is assembled by mvn package");
        sim = OllamaSimulator.start()
                .addModel(SimModel.named("qwen3:32b").sizeBytes(20_200_000_000L).contextLength(40960))
                .pullable(SimModel.named("qwen3:4b").sizeBytes(2_600_000_000L).contextLength(40960));
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private Run launch(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(DIST.resolve("bin/launch").toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        Map<String, String> keep = new HashMap<>();
        for (String name : List.of("PATH", "JAVA_HOME", "LANG")) {
            if (System.getenv(name) != null) {
                keep.put(name, System.getenv(name));
            }
        }
        env.clear();
        env.putAll(keep);
        env.put("PATH", (firstOnPath == null ? "" : firstOnPath + File.pathSeparator) + AGENTS_BIN + File.pathSeparator
                + keep.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launch finished");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void dryRunAsksTheServerOnceForTagsAndOncePerModelAndPrintsWhatItSaid() throws Exception {
        sim.addModel(SimModel.named("qwen3:4b").sizeBytes(2_600_000_000L).contextLength(40960));
        Run r = launch("claude", "--host", sim.url(), "--large", "qwen3:32b", "--small", "qwen3:4b", "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  qwen3:32b  present, 20.2 GB, context 40960, tools; large and medium tiers\n"), r.out());
        assertTrue(r.out().contains("  qwen3:4b   present, 2.6 GB, context 40960, tools; small tier\n"), r.out());
        assertEquals(1, sim.requests("/api/tags").size());
        assertEquals(List.of("qwen3:32b", "qwen3:4b"), sim.requests("/api/show").stream().map(RecordedRequest::model).sorted().toList());
    }

    @Test
    void aMissingModelStopsTheLaunchBeforeTheToolStarts() throws Exception {
        // A stand-in claude: the launch must find a tool to get as far as the checks, which stop it before it runs.
        StubTool claude = new StubTool(tools, "claude", 0);
        firstOnPath = claude.binDir;
        Run r = launch("claude", "--host", sim.url(), "--model", "qwen3:4b", "--", "-p", "hello there");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().startsWith("launch: error: qwen3:4b (large, medium and small tiers) is not on the model server at "),
                r.err());
        assertTrue(r.err().contains("ollama pull qwen3:4b', or pass --pull"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(claude.ran(), "Claude Code never started");
        assertTrue(sim.requests("/v1/messages").isEmpty(), "Claude Code never started: " + sim.requests());
        assertTrue(sim.requests("/api/pull").isEmpty());
    }

    @Test
    void pullThenTheRealClaudeCodeUsesThePulledModel() throws Exception {
        AgentClis.require("claude");
        Run r = launch("claude", "--host", sim.url(), "--model", "qwen3:4b", "--pull", "--", "-p", "hello there");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.err().contains("launch: pulling qwen3:4b: layer "), r.err());
        assertTrue(r.err().contains("launch: pulled qwen3:4b in "), r.err());
        List<String> log = sim.requests().stream().map(RecordedRequest::toString).toList();
        int pulled = log.indexOf("POST /api/pull model=qwen3:4b");
        int asked = log.indexOf("POST /v1/messages model=qwen3:4b");
        assertTrue(pulled >= 0 && asked > pulled, "pulled, then Claude Code asked the pulled model: " + log);
        assertTrue(r.out().contains("Hello from the simulator (model qwen3:4b)."), r.out());
    }

    @Test
    void doctorReportsTheRealToolsVersionAndExits0WhenAllIsWell() throws Exception {
        AgentClis.require("claude");
        Run r = launch("doctor", "claude", "--host", sim.url(), "--model", "qwen3:32b", "--memory", "64GB");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("integration  Claude Code (claude): " + AGENTS_BIN.resolve("claude")), r.out());
        assertTrue(r.out().matches("(?s).*\\.bin/claude, \\d+\\.\\d+\\.\\d+\n.*"), "the tool's version: " + r.out());
        assertTrue(r.out().contains("result       all well\n"), r.out());
    }
}
