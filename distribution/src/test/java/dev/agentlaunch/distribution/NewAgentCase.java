package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the end-to-end tests of Copilot, Kilo, Droid, Cline, Kimi Code and Pi share: the real CLI
 * started by the assembled launcher against the Ollama simulator, with the tool's telemetry and
 * update checks off (the user's choice in real use; the test machine has no internet), the
 * simulator's request log as the proof of which model each request carried, and the check that
 * nothing the launch started is still running afterwards.
 */
abstract class NewAgentCase {
    static final String LARGE = "big-sim:1b";
    static final String MEDIUM = "mid-sim:1b";
    static final String SMALL = "small-sim:1b";
    /** The prompt a scripted subagent call hands over: the subagent's own requests carry it. */
    static final String TASK_PROMPT = "list the files of this project for the team";

    @TempDir
    Path tmp;

    OllamaSimulator sim;
    Launcher launcher;

    /** The integration id and executable name. */
    abstract String tool();

    @BeforeEach
    void startSimulatorAndLauncher() throws IOException {
        sim = OllamaSimulator.start().addModels(LARGE, MEDIUM, SMALL);
        launcher = new Launcher(tmp, true);
        launcher.requireTool(tool());
        for (String[] off : new String[][] {
            {"COPILOT_OFFLINE", "true"},
            {"KILO_TELEMETRY_LEVEL", "off"}, {"KILO_DISABLE_AUTOUPDATE", "1"}, {"KILO_DISABLE_MODELS_FETCH", "1"},
            {"CLINE_NO_AUTO_UPDATE", "1"},
            {"KIMI_DISABLE_TELEMETRY", "1"}, {"KIMI_CODE_NO_AUTO_UPDATE", "1"},
            {"PI_OFFLINE", "1"}, {"PI_TELEMETRY", "0"}, {"PI_SKIP_VERSION_CHECK", "1"},
        }) {
            launcher.env(off[0], off[1]);
        }
    }

    @AfterEach
    void stopSimulator(TestInfo test) {
        sim.close();
        // The request log is the proof; keep it in the build output.
        sim.requests().forEach(req -> System.out.println(test.getDisplayName() + ": " + req));
    }

    /** {@code launch TOOL --host SIM --large L --medium M --small S -- toolArgs}. */
    Launcher.Result launch(String... toolArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(tool(), "--host", sim.url(),
                "--large", LARGE, "--medium", MEDIUM, "--small", SMALL, "--"));
        args.addAll(List.of(toolArgs));
        return launcher.run(args.toArray(String[]::new));
    }

    /** A launch that must succeed and answer with the simulator's reply on the large model. */
    Launcher.Result launchOk(String... toolArgs) throws IOException, InterruptedException {
        Launcher.Result r = launch(toolArgs);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("Hello from the simulator (model " + LARGE + ")"), r.toString());
        return r;
    }

    List<RecordedRequest> chats() {
        return sim.requests("/v1/chat/completions");
    }

    /** The first chat request of a kind. */
    RecordedRequest first(Predicate<RecordedRequest> kind, String what) {
        List<RecordedRequest> found = chats().stream().filter(kind).toList();
        assertTrue(!found.isEmpty(), "no " + what + " request: " + chats());
        return found.get(0);
    }

    /** A subagent's request: a user message carries the task prompt the main agent handed over. */
    static boolean isSubagent(RecordedRequest req) {
        return req.json() != null && userText(req.json()).contains(TASK_PROMPT);
    }

    /** A request of the main agent: its first user message is the prompt of the launch. */
    static Predicate<RecordedRequest> isMain(String prompt) {
        return req -> req.json() != null && userText(req.json()).contains(prompt) && !isSubagent(req);
    }

    private static String userText(JsonNode body) {
        StringBuilder text = new StringBuilder();
        for (JsonNode m : body.path("messages")) {
            if (m.path("role").asText().equals("user")) {
                text.append(m.path("content").toString());
            }
        }
        return text.toString();
    }

    /**
     * Asserts that no process of this test's HOME outlives the launch (a daemon the tool left
     * behind inherits the HOME it was started with). A process still exiting gets a few seconds.
     */
    void assertNothingLeftRunning() throws IOException {
        String marker = "HOME=" + launcher.home;
        List<String> left = new ArrayList<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path dir : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(dir.getFileName().toString());
                if (pid == ProcessHandle.current().pid() || !environmentHas(dir, marker)) {
                    continue;
                }
                ProcessHandle.of(pid).ifPresent(p -> {
                    try {
                        p.onExit().get(5, TimeUnit.SECONDS);
                    } catch (Exception stillRunning) {
                        left.add(pid + " " + p.info().commandLine().orElse("?"));
                    }
                });
            }
        }
        assertTrue(left.isEmpty(), "left running after the launch: " + left);
    }

    private static boolean environmentHas(Path procDir, String entry) {
        try {
            for (String e : new String(Files.readAllBytes(procDir.resolve("environ")), StandardCharsets.UTF_8).split("\0")) {
                if (e.equals(entry)) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // exited meanwhile, or another user's process
        }
        return false;
    }
}
