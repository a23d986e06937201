package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import dev.agentlaunch.core.sim.SimModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The out-of-tree example plugin, installed the way its README tells a user (its jar copied into
 * {@code ~/.local/share/agent-launch/plugins}), starts the REAL Qwen Code (pinned by the example's
 * own package-lock.json) through the assembled {@code bin/launch}; the simulator's request log
 * proves the large model ran the main turn and the small one a background request.
 *
 * <p>It lives here, not in the example module, because this module has the assembled launcher,
 * the simulator wiring and the e2e helpers; the example module stays what a third party's
 * project is: launcher-api only, plus its own unit tests.
 */
@Tag("qwen")
class QwenExamplePluginIT {
    static final String LARGE = "qwen3:32b";
    static final String MEDIUM = "qwen3:14b";
    static final String SMALL = "qwen3:4b";

    @TempDir
    Path home;

    OllamaSimulator sim;
    Launcher launcher;
    Path jar;

    static Path qwenBin() {
        Path bin = Path.of(System.getProperty("agentlaunch.qwen", "../plugins/examples/qwen/target/qwen-code"))
                .resolve("node_modules/.bin");
        if (!Files.isExecutable(bin.resolve("qwen"))) {
            String message = "the real Qwen Code is not installed in " + bin + " (node/npm missing?): SKIPPING the "
                    + "example plugin's end-to-end test";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true: " + message);
            }
            System.err.println("######## " + message);
            Assumptions.abort(message);
        }
        return bin;
    }

    static Path exampleJar() throws IOException {
        Path dir = Path.of(System.getProperty("agentlaunch.examplePlugins", "target/example-plugins"));
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("example-plugin-qwen-")).findFirst()
                    .orElseThrow(() -> new AssertionError("the example plugin jar is not in " + dir));
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        Path bin = qwenBin();
        Path plugins = Files.createDirectories(home.resolve(".local/share/agent-launch/plugins"));
        jar = Files.copy(exampleJar(), plugins.resolve(exampleJar().getFileName()));
        sim = OllamaSimulator.start();
        for (String m : List.of(LARGE, MEDIUM, SMALL)) {
            sim.addModel(SimModel.named(m).capabilities("completion", "tools"));
        }
        launcher = new Launcher(home).path(bin, AgentClis.nodeDir()).env("OLLAMA_HOST", sim.url());
    }

    @AfterEach
    void stop(org.junit.jupiter.api.TestInfo test) {
        if (sim != null) {
            sim.close();
            sim.requests().forEach(req -> System.out.println(test.getDisplayName() + ": " + req));
        }
    }

    @Test
    void theExampleIsNotBundledButListedOnceInstalledWithItsSource() throws Exception {
        try (Stream<Path> bundled = Files.list(Launcher.dist().resolve("plugins"))) {
            assertTrue(bundled.noneMatch(p -> p.getFileName().toString().contains("qwen")), "not in the distribution");
        }

        Launcher.Result r = launcher.run("list-integrations");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("qwen         Qwen Code"), r::toString);
        assertTrue(r.stdout().contains("plugin    qwen " ), r::toString);
        assertTrue(r.stdout().contains("(user, " + jar + "); proven on Qwen Code 0.15.10 to 0.24.4"), "its source: " + r);
        assertTrue(r.stdout().contains("(" + installedVersion() + ")"), "the installed version: " + r);
        assertTrue(r.stdout().contains("medium    folded into large"), r::toString);
        assertFalse(r.stderr().contains("Qwen Code"), "the pinned Qwen Code is a proven version: " + r);
    }

    /** The Qwen Code version the test runs (its npm package's). */
    static String installedVersion() throws IOException {
        Path pkg = qwenBin().getParent().resolve("@qwen-code/qwen-code/package.json");
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(pkg.toFile()).path("version").asText();
    }

    /** Requests of the built-in Explore subagent: its own system prompt. */
    static boolean isExplore(RecordedRequest r) {
        return r.json() != null && r.json().path("messages").path(0).path("content").asText().contains("file search specialist");
    }

    @Test
    void theExploreSubagentRunsOnTheSmallTier() throws Exception {
        Assumptions.assumeFalse(installedVersion().startsWith("0.15."), "Qwen Code 0.15 runs Explore on fastModel by itself");
        sim.answerWithToolCall("agent", "{\"subagent_type\":\"Explore\",\"description\":\"Look around\","
                + "\"prompt\":\"List the files in the current directory.\"}");

        Launcher.Result r = launcher.run("qwen", "--large", LARGE, "--medium", MEDIUM, "--small", SMALL,
                "--", "--approval-mode", "yolo", "-p", "Explore this directory, then say hi");

        assertEquals(0, r.exitCode(), r::toString);
        List<RecordedRequest> chats = sim.requests("/v1/chat/completions");
        assertEquals(0, sim.pendingToolCalls(), "Qwen Code took the scripted agent call: " + chats);
        List<RecordedRequest> explore = chats.stream().filter(QwenExamplePluginIT::isExplore).toList();
        assertFalse(explore.isEmpty(), "the Explore subagent ran: " + chats);
        explore.forEach(c -> assertEquals(SMALL, c.model(), "Explore request " + c));
        chats.stream().filter(c -> !isExplore(c) && !isBackground(c)).forEach(c -> assertEquals(LARGE, c.model(), "main " + c));
    }

    /** The main turn carries the user's prompt; background agents run on their own system prompt. */
    static boolean isBackground(RecordedRequest r) {
        return r.json() != null && r.json().path("messages").path(0).path("content").toString().contains("managed memory");
    }

    @Test
    void largeRunsTheMainTurnAndSmallABackgroundRequest() throws Exception {
        Launcher.Result r = launcher.run("qwen", "--large", LARGE, "--medium", MEDIUM, "--small", SMALL,
                "--", "-p", "say hi to the whole team please");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("simulator"), "Qwen Code printed the simulator's answer: " + r);
        List<RecordedRequest> chats = sim.requests("/v1/chat/completions");
        List<RecordedRequest> main = chats.stream().filter(c -> !isBackground(c)).toList();
        List<RecordedRequest> background = chats.stream().filter(QwenExamplePluginIT::isBackground).toList();
        assertFalse(main.isEmpty(), "a main turn: " + chats);
        assertTrue(main.get(0).body().contains("say hi to the whole team please"), "the first main request is the user's turn");
        main.forEach(c -> assertEquals(LARGE, c.model(), "main turn " + c));
        assertFalse(background.isEmpty(), "a background (memory extraction) request: " + chats);
        background.forEach(c -> assertEquals(SMALL, c.model(), "background request " + c));
        assertTrue(chats.stream().noneMatch(c -> MEDIUM.equals(c.model())), "medium folds into large: " + chats);
        assertFalse(Files.exists(home.resolve(".qwen/settings.json")), "the launcher wrote no user settings");
        try (Stream<Path> state = Files.list(home.resolve(".local/state/agent-launch"))) {
            assertTrue(state.anyMatch(p -> p.toString().endsWith(".json")), "the session settings live in the state dir");
        }
    }

    @Test
    void theUsersOwnSettingsFileIsReadNotWrittenAndWhatIsHiddenIsSaid() throws Exception {
        Path settings = Files.createDirectories(home.resolve(".qwen")).resolve("settings.json");
        // In Qwen Code's current settings format: an older one Qwen Code itself migrates (rewrites) on start.
        String own = """
                {
                  "fastModel": "gpt-4o-mini",
                  "modelProviders": {
                    "openai": [
                      {
                        "id": "gpt-4o-mini"
                      }
                    ]
                  },
                  "$version": 4
                }""";
        Files.writeString(settings, own);

        Launcher.Result r = launcher.run("qwen", "--large", LARGE, "--small", SMALL, "--", "-p", "say hi to the whole team please");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("the modelProviders of " + settings + " are hidden in this session"), r::toString);
        assertEquals(own, Files.readString(settings), "the user's file is untouched");
        List<RecordedRequest> chats = sim.requests("/v1/chat/completions");
        assertTrue(chats.stream().filter(QwenExamplePluginIT::isBackground).allMatch(c -> SMALL.equals(c.model())), chats::toString);
        assertTrue(chats.stream().noneMatch(c -> "gpt-4o-mini".equals(c.model())), "the user's fastModel is overridden: " + chats);
    }
}
