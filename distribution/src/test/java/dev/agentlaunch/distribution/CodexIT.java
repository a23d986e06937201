package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real Codex CLI started by the assembled launcher against the Ollama simulator: the
 * simulator's request log proves which model each tier's requests carried.
 */
@Tag("codex")
class CodexIT {
    private static final String LARGE = "big-sim:1b";
    private static final String MEDIUM = "mid-sim:1b";
    private static final String SMALL = "small-sim:1b";
    /** Codex would look up analytics and plugin hosts; the test machine has no internet. */
    private static final List<String> OFFLINE = List.of("-c", "analytics.enabled=false", "--disable", "plugins");

    @TempDir
    Path tmp;

    private OllamaSimulator sim;
    private Launcher launcher;

    @BeforeEach
    void start() throws IOException {
        sim = OllamaSimulator.start().addModels(LARGE, MEDIUM, SMALL);
        launcher = new Launcher(tmp, true);
        launcher.requireTool("codex");
    }

    @AfterEach
    void stop(org.junit.jupiter.api.TestInfo test) {
        sim.close();
        // The request log is the proof; keep it in the build output.
        sim.requests().forEach(req -> System.out.println(test.getDisplayName() + ": " + req));
    }

    private Launcher.Result codex(String... toolArgs) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("codex", "--host", sim.url(),
                "--large", LARGE, "--medium", MEDIUM, "--small", SMALL, "--"));
        args.addAll(OFFLINE);
        args.addAll(List.of(toolArgs));
        return launcher.run(args.toArray(String[]::new));
    }

    private List<RecordedRequest> responses() {
        return sim.requests("/v1/responses");
    }

    @Test
    void theMainTurnRunsOnTheLargeTier() throws Exception {
        Launcher.Result r = codex("exec", "--skip-git-repo-check", "say hi");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("Hello from the simulator (model " + LARGE + ")"), r.toString());
        assertFalse(responses().isEmpty(), "Codex sent no request: " + sim.requests());
        responses().forEach(req -> assertEquals(LARGE, req.model(), "request " + req));
        launcher.assertHomeHoldsOnly(".codex");
    }

    @Test
    void aCodeReviewRunsOnTheMediumTier() throws Exception {
        launcher.sh("git", "init", "-q");
        Files.writeString(launcher.work.resolve("app.txt"), "one\n");
        launcher.sh("git", "add", "app.txt");
        launcher.sh("git", "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "commit", "-qm", "first");
        Files.writeString(launcher.work.resolve("app.txt"), "one\ntwo\n");

        Launcher.Result r = codex("exec", "review", "--uncommitted");
        assertEquals(0, r.exitCode(), r.toString());
        RecordedRequest review = responses().stream().filter(req -> MEDIUM.equals(req.model())).findFirst()
                .orElseThrow(() -> new AssertionError("no request on the medium tier: " + responses() + "\n" + r.toString()));
        assertTrue(String.valueOf(review.header("x-codex-turn-metadata")).contains("review"),
                "the medium request is the review: " + review.header("x-codex-turn-metadata"));
    }

    /** A spawned subagent of each role runs on its tier's model, through a role file in the launcher's state dir. */
    @ParameterizedTest(name = "{0} subagent on {1}")
    @CsvSource({"explorer, " + SMALL, "worker, " + MEDIUM})
    void aSpawnedSubagentRunsOnItsRolesTier(String role, String model) throws Exception {
        // codex exec 0.169.0 sometimes ends its session before a spawned subagent's first request
        // (seen in about 1 run of 4, even with the main turn held): an attempt without any subagent
        // request proves nothing either way, so up to three attempts run. A subagent request on the
        // wrong model fails at once.
        RecordedRequest subagent = null;
        Launcher.Result r = null;
        for (int attempt = 1; attempt <= 3 && subagent == null; attempt++) {
            if (attempt > 1) {
                sim.close();
                sim = OllamaSimulator.start().addModels(LARGE, MEDIUM, SMALL);
            }
            sim.answerWithToolCall("spawn_agent", "{\"agent_type\":\"" + role + "\",\"message\":\"list the files\"}");
            // exec ends with its main turn and may take a running subagent down before that subagent's
            // first request: hold the main turn's second request until the subagent's has arrived.
            sim.delay("/v1/responses", Duration.ZERO);     // the first main-turn request passes unheld
            sim.holdUntil("/v1/responses", req -> model.equals(req.model()), Duration.ofSeconds(60));

            r = codex("exec", "--skip-git-repo-check", "explore this repository with a subagent");
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals(0, sim.pendingToolCalls(), "Codex never offered spawn_agent: " + responses());
            List<RecordedRequest> fromSubagents = responses().stream()
                    .filter(req -> String.valueOf(req.header("x-codex-turn-metadata")).contains("\"thread_source\":\"subagent\""))
                    .toList();
            fromSubagents.forEach(req -> assertEquals(model, req.model(), "the " + role + " subagent's request " + req));
            subagent = fromSubagents.isEmpty() ? null : fromSubagents.get(0);
        }
        Launcher.Result last = r;
        assertTrue(subagent != null, () -> "no subagent request in 3 attempts: " + responses() + "\n" + last);
        assertTrue(String.valueOf(subagent.header("x-codex-turn-metadata")).contains("\"thread_source\":\"subagent\""),
                "the request is the spawned subagent's: " + subagent.header("x-codex-turn-metadata"));
        assertEquals(LARGE, responses().get(0).model(), "the main turn stays on the large tier");

        List<Path> roles;
        try (Stream<Path> files = Files.list(launcher.stateDir())) {
            roles = files.filter(f -> f.toString().endsWith(".toml")).toList();
        }
        assertTrue(roles.stream().anyMatch(f -> read(f).contains("model = \"" + model + "\"")), role + " role file: " + roles);
        launcher.assertHomeHoldsOnly(".codex");
        try (Stream<Path> files = Files.walk(launcher.home.resolve(".codex"))) {
            assertTrue(files.filter(Files::isRegularFile).noneMatch(f -> f.toString().endsWith(".toml") && read(f).contains("agent-launch")),
                    "no launcher file in Codex's own dir");
        }
    }

    @Test
    void argumentsThatFightTheTiersAreRefusedBeforeCodexStarts() throws Exception {
        Launcher.Result r = codex("-m", "o3", "exec", "--skip-git-repo-check", "say hi");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals(1, r.stderr().lines().count(), r.toString());
        assertTrue(r.stderr().startsWith("launch: error: ") && r.stderr().contains("--large"), r.toString());
        assertTrue(responses().isEmpty(), "Codex must not have run: " + sim.requests());
    }

    @Test
    void withoutCodexInstalledTheLauncherSaysHowToInstallIt() throws Exception {
        Assumptions.assumeFalse(Files.exists(Path.of("/usr/local/bin/codex")), "codex is installed machine-wide here");
        Launcher bare = new Launcher(tmp.resolve("bare"), false);
        Launcher.Result r = bare.run("codex", "--host", sim.url(), "--model", LARGE, "--", "exec", "say hi");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("npm install -g @openai/codex"), r.toString());
        assertEquals(1, r.stderr().lines().count(), r.toString());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
