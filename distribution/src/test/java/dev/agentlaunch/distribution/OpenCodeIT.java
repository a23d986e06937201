package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real OpenCode CLI started by the assembled launcher against the Ollama simulator: the
 * simulator's request log proves which model each tier's requests carried.
 */
@Tag("opencode")
class OpenCodeIT {
    private static final String LARGE = "big-sim:1b";
    private static final String MEDIUM = "mid-sim:1b";
    private static final String SMALL = "small-sim:1b";
    private static final String TASK_PROMPT = "list the files of this project for the team";
    /**
     * OpenCode's own data dirs: the only places under HOME a launch may change. OpenCode installs
     * its plugin package in the background with npm, whose cache is {@code ~/.npm}.
     */
    private static final String[] OPENCODE_DIRS = {".cache/opencode", ".config/opencode", ".local/share/opencode",
        ".local/state/opencode", ".npm"};

    @TempDir
    Path tmp;

    private OllamaSimulator sim;
    private Launcher launcher;

    @BeforeEach
    void start() throws IOException {
        sim = OllamaSimulator.start().addModels(LARGE, MEDIUM, SMALL);
        launcher = new Launcher(tmp, true);
        launcher.requireTool("opencode");
        // OpenCode looks up a model catalog host at start; the test machine has no internet.
        launcher.env("OPENCODE_DISABLE_MODELS_FETCH", "1");
    }

    @AfterEach
    void stop(org.junit.jupiter.api.TestInfo test) {
        sim.close();
        // The request log is the proof; keep it in the build output.
        sim.requests().forEach(req -> System.out.println(test.getDisplayName() + ": " + req));
    }

    private Launcher.Result opencode(String... toolArgs) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("opencode", "--host", sim.url(),
                "--large", LARGE, "--medium", MEDIUM, "--small", SMALL, "--"));
        args.addAll(List.of(toolArgs));
        return launcher.run(args.toArray(String[]::new));
    }

    private List<RecordedRequest> chats() {
        return sim.requests("/v1/chat/completions");
    }

    /** The session title request: no tools, asks for a title. */
    private static boolean isTitle(RecordedRequest req) {
        return req.json() != null && req.json().path("tools").isEmpty() && req.body().contains("title");
    }

    /** A request of the main agent: it offers the task tool that starts subagents. */
    private static boolean isMain(RecordedRequest req) {
        return req.json() != null && offers(req.json(), "task");
    }

    /** A subagent's request: its user message is the task prompt the main agent handed over. */
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

    private static boolean offers(JsonNode body, String tool) {
        for (JsonNode t : body.path("tools")) {
            if (tool.equals(t.path("function").path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private RecordedRequest only(Predicate<RecordedRequest> kind, String what, Launcher.Result r) {
        List<RecordedRequest> found = chats().stream().filter(kind).toList();
        assertTrue(!found.isEmpty(), "no " + what + " request: " + chats() + "\n" + r.toString());
        return found.get(0);
    }

    private Launcher.Result runWithSubagent(String subagent) throws Exception {
        sim.answerWithToolCall("task", "{\"subagent_type\":\"" + subagent + "\",\"description\":\"look around\",\"prompt\":\""
                + TASK_PROMPT + "\"}");
        // The title is generated in the background: hold the first main request until it has been
        // sent, so a fast run cannot end before it.
        sim.holdUntil("/v1/chat/completions", OpenCodeIT::isTitle, Duration.ofSeconds(60));
        Launcher.Result r = opencode("run", "say hi to the whole team");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(0, sim.pendingToolCalls(), "OpenCode never offered the task tool: " + chats());
        return r;
    }

    @Test
    void titleOnSmallMainTurnOnLargeExploreSubagentOnSmall() throws Exception {
        Launcher.Result r = runWithSubagent("explore");
        assertEquals(SMALL, only(OpenCodeIT::isTitle, "title", r).model(), "session title");
        chats().stream().filter(OpenCodeIT::isMain).forEach(req -> assertEquals(LARGE, req.model(), "main turn " + req));
        only(OpenCodeIT::isMain, "main turn", r);
        assertEquals(SMALL, only(OpenCodeIT::isSubagent, "explore subagent", r).model(), "explore subagent");
        assertTrue(r.stdout().contains("Hello from the simulator (model " + LARGE + ")"), r.toString());
        launcher.assertHomeHoldsOnly(OPENCODE_DIRS);
    }

    @Test
    void generalSubagentOnMedium() throws Exception {
        Launcher.Result r = runWithSubagent("general");
        assertEquals(MEDIUM, only(OpenCodeIT::isSubagent, "general subagent", r).model(), "general subagent");
        launcher.assertHomeHoldsOnly(OPENCODE_DIRS);
    }

    @Test
    void anInlineConfigOfTheUsersThatIsNotJsonIsRefusedNamingTheVariable() throws Exception {
        launcher.env("OPENCODE_CONFIG_CONTENT", "{\"model\": ollama/qwen3");
        Launcher.Result r = opencode("run", "say hi");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals(1, r.stderr().lines().count(), r.toString());
        assertTrue(r.stderr().startsWith("launch: error: your OPENCODE_CONFIG_CONTENT is not valid JSON"), r.toString());
        assertTrue(chats().isEmpty(), "OpenCode must not have run: " + sim.requests());
    }

    @Test
    void theUsersInlineConfigIsMergedAndTheTiersStillRoute() throws Exception {
        launcher.env("OPENCODE_CONFIG_CONTENT", "{\"small_model\":\"ollama/" + MEDIUM + "\",\"share\":\"disabled\"}");
        sim.holdUntil("/v1/chat/completions", OpenCodeIT::isTitle, Duration.ofSeconds(60));
        Launcher.Result r = opencode("run", "say hi to the whole team");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("replacing your OPENCODE_CONFIG_CONTENT small_model=ollama/" + MEDIUM), r.toString());
        assertEquals(SMALL, only(OpenCodeIT::isTitle, "title", r).model(), "--small replaced the user's small_model");
        assertEquals(LARGE, only(OpenCodeIT::isMain, "main turn", r).model());
    }

    @Test
    void withoutOpenCodeInstalledTheLauncherSaysHowToInstallIt() throws Exception {
        Assumptions.assumeFalse(Files.exists(Path.of("/usr/local/bin/opencode")), "opencode is installed machine-wide here");
        Launcher bare = new Launcher(tmp.resolve("bare"), false);
        Launcher.Result r = bare.run("opencode", "--host", sim.url(), "--model", LARGE, "--", "run", "say hi");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("npm install -g opencode-ai"), r.toString());
    }
}
