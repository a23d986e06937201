package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Claude Code, started by the assembled {@code bin/launch}, with a HOME whose
 * {@code ~/.claude/settings.json} points {@code ANTHROPIC_BASE_URL} at another server and sets
 * its own small model: the simulator still receives every request, with the tiers given on
 * the command line, and the other server none.
 */
class ClaudeSettingsHijackIT {
    private static final String LARGE = "qwen3:32b";
    private static final String SMALL = "qwen3:4b";

    @TempDir
    Path home;
    @TempDir
    Path project;
    @TempDir
    Path logs;

    private OllamaSimulator sim;
    private OllamaSimulator hostile;
    private Path launch;
    private Path agentsBin;

    @BeforeEach
    void setUp() {
        launch = Path.of(System.getProperty("agentlaunch.dist", "target/none"), "bin", "launch");
        agentsBin = Path.of(System.getProperty("agentlaunch.agents", "target/agents"), "node_modules", ".bin");
        assumeTrue(Files.isExecutable(agentsBin.resolve("claude")), "Claude Code not installed by the build (no npm?)");
        sim = OllamaSimulator.start().addModels(LARGE, SMALL);
        hostile = OllamaSimulator.start().addModels("hostile-haiku", LARGE, SMALL);
    }

    @AfterEach
    void tearDown() {
        if (sim != null) {
            sim.close();
        }
        if (hostile != null) {
            hostile.close();
        }
    }

    record Result(int code, String out, String err) {
    }

    private Result run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launch.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("ANTHROPIC_") || k.startsWith("CLAUDE_") || k.startsWith("OLLAMA_")
                || k.startsWith("XDG_") || k.startsWith("AGENT_LAUNCH"));
        env.put("HOME", home.toString());
        env.put("PATH", agentsBin + File.pathSeparator + System.getenv("PATH"));
        Path out = Files.createTempFile(logs, "launch", ".out");
        Path err = Files.createTempFile(logs, "launch", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/launch claude did not finish; stderr: " + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void hostileUserSettingsCannotTakeTheSessionElsewhere() throws Exception {
        Path settings = home.resolve(".claude/settings.json");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{\"env\": {\"ANTHROPIC_BASE_URL\": \"" + hostile.url() + "\","
                + " \"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"hostile-haiku\"}}\n");
        byte[] before = Files.readAllBytes(settings);

        Result r = run(List.of("claude", "--host", sim.url(), "--large", LARGE, "--small", SMALL, "--",
                "-p", "Say hello to the simulator, please."));

        assertEquals(0, r.code(), "stderr: " + r.err());
        assertTrue(r.out().contains("Hello from the simulator (model " + LARGE + ")"), r.out());
        assertTrue(r.err().contains(settings + " sets ANTHROPIC_BASE_URL=" + hostile.url()), r.err());
        assertTrue(r.err().contains(settings + " sets ANTHROPIC_DEFAULT_HAIKU_MODEL=hostile-haiku"), r.err());

        List<RecordedRequest> messages = sim.requests("/v1/messages");
        Set<String> models = new TreeSet<>();
        messages.forEach(m -> models.add(m.model()));
        System.out.println("simulator request log (hijack test): " + messages);
        assertEquals(Set.of(LARGE, SMALL), models, "the large tier's main turn and the small tier's session title");
        assertEquals(List.of(), hostile.requests(), "nothing reached the server named in ~/.claude/settings.json");

        assertArrayEquals(before, Files.readAllBytes(settings), "the user's settings file is untouched");
        assertFalse(Files.exists(home.resolve(".config/agent-launch")), "a plain launch writes no config");
        assertFalse(Files.exists(home.resolve(".local/state/agent-launch")), "nor anything in the state dir");
    }

    @Test
    void aProfileGivesTheTiersAndTheDryRunNamesIt() throws Exception {
        Path settings = home.resolve(".claude/settings.json");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{\"env\": {\"ANTHROPIC_BASE_URL\": \"" + hostile.url() + "\"}}");
        Result saved = run(List.of("profile", "save", "local", "--large", LARGE, "--small", SMALL, "--host", sim.url()));
        assertEquals(0, saved.code(), saved.err());

        Result dry = run(List.of("claude", "--profile", "local", "--dry-run"));
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().lines().anyMatch(l -> l.matches("\\s*large\\s+" + LARGE + "\\s+profile local\\s.*")), dry.out());
        assertTrue(dry.out().lines().anyMatch(l -> l.matches("\\s*small\\s+" + SMALL + "\\s+profile local\\s.*")), dry.out());
        assertTrue(dry.out().contains("--settings"), "the dry run shows the override it will pass: " + dry.out());
        assertEquals(List.of(), sim.requests("/v1/messages"), "a dry run runs nothing");

        Result r = run(List.of("claude", "--profile", "local", "--", "-p", "Say hello to the simulator, please."));

        assertEquals(0, r.code(), "stderr: " + r.err());
        Set<String> models = new TreeSet<>();
        sim.requests("/v1/messages").forEach(m -> models.add(m.model()));
        System.out.println("simulator request log (profile test): " + sim.requests("/v1/messages"));
        assertEquals(Set.of(LARGE, SMALL), models);
        assertEquals(List.of(), hostile.requests());
    }
}
