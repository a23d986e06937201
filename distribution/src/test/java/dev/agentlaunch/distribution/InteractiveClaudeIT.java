package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import dev.agentlaunch.core.sim.SimModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person at a terminal: {@code bin/launch claude} starts the REAL Claude Code in a tmux
 * window against the simulator; the test gets past a notice Claude Code may show first (a billing
 * notice for a non-Anthropic server: Enter), types a prompt, reads the reply, sees the session's
 * title asked of the small tier, resizes the window, quits with Ctrl-C twice, and checks the
 * terminal is left sane (cooked mode, echo, visible cursor, no alternate screen). The test HOME is seeded with a {@code ~/.claude.json} that
 * marks onboarding done and the project trusted so Claude Code opens straight at its prompt:
 * that is the test's doing, never the launcher's.
 */
@Tag("claude")
@Timeout(240)
class InteractiveClaudeIT {
    static final String MODEL = "qwen3:8b";
    static final String SMALL = "qwen3:1.7b";
    static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path home;
    @TempDir
    Path work;

    OllamaSimulator sim;
    Tmux tmux;

    @BeforeEach
    void start() {
        AgentClis.require("claude");
        sim = OllamaSimulator.start();
        sim.addModel(SimModel.named(MODEL).capabilities("completion", "tools").contextLength(131072));
        sim.addModel(SimModel.named(SMALL).capabilities("completion", "tools").contextLength(131072));
    }

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
        if (sim != null) {      // null when the test was skipped before the simulator started
            sim.close();
        }
    }

    @Test
    void typeAPromptSeeTheReplyResizeQuitAndTheTerminalIsSane() throws Exception {
        Path project = Files.createDirectories(work.resolve("project")).toRealPath();
        Files.writeString(home.resolve(".claude.json"), """
                {"hasCompletedOnboarding": true, "theme": "dark",
                 "projects": {"%s": {"hasTrustDialogAccepted": true, "hasCompletedProjectOnboarding": true}}}
                """.formatted(project));
        Path results = Files.createDirectories(work.resolve("results"));
        Map<String, String> env = new Launcher(home).path(AgentClis.binDir(), AgentClis.nodeDir())
                .env("OLLAMA_HOST", sim.url()).env("DISABLE_AUTOUPDATER", "1")
                .processBuilder(List.of()).environment();
        // The pane runs a clean environment (plus tmux's TERM), then records how the terminal was left.
        String exports = env.entrySet().stream().map(e -> e.getKey() + "='" + e.getValue() + "'")
                .collect(Collectors.joining(" "));
        Path session = Files.writeString(work.resolve("session.sh"), "cd '" + project + "'\n"
                + "exec env -i TERM=\"$TERM\" " + exports + " sh -c '"
                + "\"$0\" claude --model " + MODEL + " --small " + SMALL + "; echo $? > \"$1/exit\"; stty -a > \"$1/stty\"; echo SESSION-OVER; "
                + "exec sleep 600' '" + Launcher.script() + "' '" + results + "'\n");

        tmux = Tmux.start(work, 100, 30, "sh", session.toString());

        // The input line: "❯" under a rule (the footer's wording changes between versions). A modal
        // notice first (2.1.332 shows one about billing to some non-Anthropic servers) takes Enter.
        String first = tmux.awaitScreen("Claude Code's prompt or a notice", s -> prompt(s) || notice(s), WAIT);
        if (!prompt(first)) {
            tmux.press("Enter");
            tmux.awaitScreen("Claude Code's prompt after the notice", InteractiveClaudeIT::prompt, WAIT);
        }
        assertTrue(tmux.screen().contains(MODEL), "the banner names the large-tier model: " + tmux.screen());
        assertFalse(javaStillRunning(), "the launcher's JVM handed off and is gone during the session");

        tmux.type("say hello please");
        tmux.press("Enter");
        tmux.awaitScreen("the simulator's reply", s -> s.contains("Hello from the simulator (model " + MODEL + ")"), WAIT);
        List<RecordedRequest> turns = sim.requests("/v1/messages");
        assertFalse(turns.isEmpty());
        List<RecordedRequest> conversation = turns.stream().filter(r -> ClaudeEndToEndIT.offersTool(r, "Agent")).toList();
        assertFalse(conversation.isEmpty(), "the main turn: " + turns);
        conversation.forEach(r -> assertEquals(MODEL, r.model(), "the conversation runs on the large tier: " + turns));
        assertTrue(turns.stream().anyMatch(r -> SMALL.equals(r.model())), "the session's title was asked of the small tier: " + turns);

        tmux.resize(60, 20);
        String resized = tmux.awaitScreen("the prompt redrawn at 60 columns",
                s -> s.lines().anyMatch(l -> l.equals("─".repeat(60))), WAIT);
        assertFalse(resized.lines().anyMatch(l -> l.contains("─".repeat(61))), "no line drawn for the old width: " + resized);

        tmux.press("C-c");
        tmux.awaitScreen("Claude Code's exit prompt", s -> s.contains("Press Ctrl-C again to exit"), WAIT);
        tmux.press("C-c");
        String after = tmux.awaitScreen("the session's end", s -> s.contains("SESSION-OVER"), WAIT);

        assertEquals("0", Files.readString(results.resolve("exit")).trim(), "exit code of bin/launch: " + after);
        String stty = Files.readString(results.resolve("stty"));
        for (String mode : List.of("icanon", "echo", "isig", "icrnl", "opost")) {
            assertTrue(stty.matches("(?s).*(^|\\s)" + mode + "(\\s|$).*"), "terminal left in '" + mode + "' mode: " + stty);
        }
        assertEquals("1", tmux.display("#{cursor_flag}"), "cursor visible again");
        assertEquals("0", tmux.display("#{alternate_on}"), "back on the main screen");
        assertEquals("0", tmux.display("#{mouse_any_flag}"), "mouse reporting off");
    }

    /** Claude Code's input line: "❯" at the start of a line, below the banner. */
    static boolean prompt(String screen) {
        return screen.contains("Claude Code v") && screen.lines().anyMatch(l -> l.startsWith("❯"));
    }

    /** A modal notice that waits for Enter. */
    static boolean notice(String screen) {
        return screen.lines().anyMatch(l -> l.contains("Enter to") || l.contains("Press Enter"));
    }

    /** Whether any process under the tmux server is a JVM (the launcher's, had it not handed off). */
    private boolean javaStillRunning() throws Exception {
        long pane = Long.parseLong(tmux.display("#{pane_pid}"));
        return ProcessHandle.of(pane).stream().flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p),
                        p.descendants()))
                .anyMatch(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false));
    }
}
