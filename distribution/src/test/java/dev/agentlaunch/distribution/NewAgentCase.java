package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import dev.agentlaunch.core.sim.SimKind;
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
 * nothing the launch started is still running afterwards. A test may put the simulator behind a
 * token first ({@link #behindATokenGateway()}): a LiteLLM gateway that answers only requests
 * carrying it, named to the launcher with {@code --api-key-env}.
 */
abstract class NewAgentCase {
    static final String LARGE = "big-sim:1b";
    static final String MEDIUM = "mid-sim:1b";
    static final String SMALL = "small-sim:1b";
    /** The prompt a scripted subagent call hands over: the subagent's own requests carry it. */
    static final String TASK_PROMPT = "list the files of this project for the team";
    /** The gateway's token (shaped like a real one) and the variable the user keeps it in. */
    static final String TOKEN = "team-token-7f3a9c1e5b2d4086";
    static final String TOKEN_VAR = "TEAM_LLM_TOKEN";

    @TempDir
    Path tmp;

    OllamaSimulator sim;
    Launcher launcher;
    /** Set by {@link #behindATokenGateway()}: every launch passes {@code --api-key-env} with it. */
    private String tokenVar;

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
        String name = test.getTestClass().map(Class::getSimpleName).orElse("") + " " + test.getDisplayName();
        sim.requests().forEach(req -> System.out.println(name + ": " + req + (tokenVar == null ? ""
                : " auth=" + (req.header("Authorization") == null ? "none"
                : req.header("Authorization").equals("Bearer " + TOKEN) ? "Bearer $" + TOKEN_VAR : "other"))));
    }

    /**
     * Replaces the Ollama simulator with a LiteLLM gateway that requires {@link #TOKEN} on every
     * route it guards; the user's environment holds the token in {@link #TOKEN_VAR}, and the
     * launches name that variable with {@code --api-key-env}.
     */
    void behindATokenGateway() {
        sim.close();
        sim = OllamaSimulator.start(SimKind.LITELLM).addModels(LARGE, MEDIUM, SMALL).requireToken(TOKEN);
        launcher.env(TOKEN_VAR, TOKEN);
        tokenVar = TOKEN_VAR;
    }

    /**
     * Every chat request carried the token (none was refused), the launcher's checks sent it too,
     * and the launcher printed it nowhere and left it in none of its state files.
     */
    void assertTheTokenReachedTheGatewayAndNothingElse(Launcher.Result r) throws IOException {
        assertFalse(chats().isEmpty(), "no chat request: " + sim.requests());
        chats().forEach(req -> assertEquals("Bearer " + TOKEN, req.header("Authorization"), "the token on " + req));
        assertEquals("Bearer " + TOKEN, sim.requests("/model/info").get(0).header("Authorization"), "the checks sent it too");
        assertFalse(r.stdout().contains(TOKEN) || r.stderr().contains(TOKEN), "the launcher never prints the token: " + r);
        if (Files.isDirectory(launcher.stateDir())) {
            try (var files = Files.walk(launcher.stateDir())) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(TOKEN), "the token written to " + f);
                }
            }
        }
    }

    /** {@code launch TOOL --host SIM --large L --medium M --small S -- toolArgs}. */
    Launcher.Result launch(String... toolArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(tool(), "--host", sim.url(),
                "--large", LARGE, "--medium", MEDIUM, "--small", SMALL));
        if (tokenVar != null) {
            args.addAll(List.of("--api-key-env", tokenVar));
        }
        args.add("--");
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
     * behind inherits the HOME it was started with). A process still exiting gets a few seconds;
     * the launcher's own background archive job gets until its time limit.
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
                        // The launcher's own start-up-archive job (bin/launch forks it when this Java has no
                        // archive yet) is bounded by its training run's time limit; the tool's daemons are not.
                        boolean archiveJob = p.info().commandLine().orElse("").contains("/bin/launch ");
                        p.onExit().get(archiveJob ? 120 : 5, TimeUnit.SECONDS);
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
