package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.SimKind;
import dev.agentlaunch.core.sim.SimModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person at a terminal runs {@code launch claude} with no model at all: the picker opens (a tmux
 * window is the terminal), one list per tier with the cursor on what {@code --auto} would choose;
 * arrow keys move, Enter accepts, the choice can be saved as a profile; Ctrl-C leaves the terminal
 * sane and launches nothing.
 */
@Timeout(180)
class ModelPickerIT {
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    OllamaSimulator sim;
    Tmux tmux;
    Path home;
    Path results;
    Path ran;

    @BeforeEach
    void start() throws Exception {
        sim = OllamaSimulator.start()
                .addModel(SimModel.named("llama3.3:70b").sizeBytes(42_500_000_000L).contextLength(131072))
                .addModel(SimModel.named("qwen3:32b").sizeBytes(20_200_000_000L).contextLength(40960))
                .addModel(SimModel.named("gemma3:27b").sizeBytes(17_400_000_000L).contextLength(131072)
                        .capabilities("completion", "vision"))
                .addModel(SimModel.named("qwen3:14b").sizeBytes(9_300_000_000L).contextLength(40960))
                .addModel(SimModel.named("qwen3:4b").sizeBytes(2_600_000_000L).contextLength(40960))
                .loaded("qwen3:4b", 40960);
        home = Files.createDirectories(tmp.resolve("home"));
        results = Files.createDirectories(tmp.resolve("results"));
        ran = tmp.resolve("claude-ran");
        // A stand-in Claude Code that only records that it ran: the picker's job ends before any tool starts.
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path claude = Files.writeString(bin.resolve("claude"), "#!/bin/sh\necho ran > '" + ran + "'\n");
        Files.setPosixFilePermissions(claude, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
        sim.close();
    }

    /** Runs {@code launch claude ARGS} in a tmux window with a clean environment, then records how it ended. */
    private void session(String args) throws Exception {
        Path script = Files.writeString(tmp.resolve("session.sh"), "cd '" + home + "'\n"
                + "exec env -i TERM=\"$TERM\" HOME='" + home + "' PATH='" + tmp.resolve("bin") + ":/usr/bin:/bin' "
                + "JAVA_HOME='" + System.getProperty("java.home") + "' LANG=C.UTF-8 NO_COLOR=1 OLLAMA_HOST='" + sim.url() + "' "
                + "sh -c '\"$0\" claude " + args + "; echo $? > \"$1/exit\"; stty -a > \"$1/stty\"; echo SESSION-OVER; "
                + "exec sleep 600' '" + Launcher.script() + "' '" + results + "'\n");
        tmux = Tmux.start(tmp, 120, 30, "sh", script.toString());
    }

    @Test
    void arrowsMoveEnterAcceptsAndTheChoiceIsSavedAsAProfile() throws Exception {
        session("--memory 40GB --dry-run");
        String screen = tmux.awaitScreen("the large tier's list", s -> s.contains("large tier:") && s.contains("> "), WAIT);
        assertTrue(screen.contains("Claude Code: a model per tier from " + sim.url()), screen);
        assertTrue(selected(screen).contains("qwen3:32b"), "preselected as --auto would: " + screen);
        assertTrue(screen.lines().anyMatch(l -> l.contains("* qwen3:4b") && l.contains("4B") && l.contains("2.6 GB")
                && l.contains("yes") && l.contains("40k") && l.contains("fits")), "loaded, parameters, size, tools, context, fit: " + screen);
        assertTrue(screen.lines().anyMatch(l -> l.contains("gemma3:27b") && l.contains(" no ")), "no tools shown: " + screen);
        assertTrue(screen.lines().anyMatch(l -> l.contains("llama3.3:70b") && l.contains("too big for 40 GB")), screen);

        tmux.press("Down");
        tmux.awaitScreen("the cursor on gemma3:27b", s -> selected(s).contains("gemma3:27b"), WAIT);
        tmux.press("Down");
        tmux.awaitScreen("the cursor on qwen3:14b", s -> selected(s).contains("qwen3:14b"), WAIT);
        tmux.press("Enter");
        screen = tmux.awaitScreen("the medium tier's list", s -> s.contains("medium tier:") && s.contains("> "), WAIT);
        assertTrue(screen.contains("large tier: ") && screen.contains(" -> qwen3:14b"), "the large choice stays on screen: " + screen);
        tmux.press("Enter");
        tmux.awaitScreen("the small tier's list", s -> s.contains("small tier:") && selected(s).contains("qwen3:4b"), WAIT);
        tmux.press("Up");
        tmux.awaitScreen("the cursor on qwen3:14b", s -> selected(s).contains("qwen3:14b"), WAIT);
        tmux.press("Down");
        tmux.press("Enter");
        tmux.awaitScreen("the offer to save a profile", s -> s.contains("Save these tiers as a profile?"), WAIT);
        tmux.type("picked");
        tmux.press("Enter");
        String after = tmux.awaitScreen("the session's end", s -> s.contains("SESSION-OVER"), WAIT);

        assertEquals("0", Files.readString(results.resolve("exit")).trim(), after);
        String history = tmux.historyWithEscapes();
        assertTrue(history.matches("(?s).*\n  large   qwen3:14b  picked .*"), history);
        assertTrue(history.matches("(?s).*\n  medium  qwen3:14b  picked .*"), history);
        assertTrue(history.matches("(?s).*\n  small   qwen3:4b   picked .*"), history);
        String config = Files.readString(home.resolve(".config/agent-launch/config.json"));
        assertTrue(config.contains("\"picked\" : {\n      \"large\" : \"qwen3:14b\",\n      \"medium\" : \"qwen3:14b\",\n"
                + "      \"small\" : \"qwen3:4b\""), config);
        assertSane();
    }

    @Test
    void ctrlCLeavesTheTerminalSaneAndLaunchesNothing() throws Exception {
        session("--memory 40GB");
        tmux.awaitScreen("the large tier's list", s -> s.contains("large tier:") && s.contains("> "), WAIT);
        tmux.press("Down");
        tmux.awaitScreen("the cursor moved", s -> selected(s).contains("gemma3:27b"), WAIT);
        tmux.press("C-c");
        String after = tmux.awaitScreen("the session's end", s -> s.contains("SESSION-OVER"), WAIT);

        assertEquals("130", Files.readString(results.resolve("exit")).trim(), after);
        assertTrue(after.contains("launch: error: cancelled in the model picker: nothing was launched"), after);
        assertFalse(after.contains("large tier:"), "the list is erased: " + after);
        assertFalse(Files.exists(ran), "the tool never started");
        assertTrue(sim.requests("/v1/messages").isEmpty(), sim.requests().toString());
        assertSane();
    }

    @Test
    void aVllmClusterListsItsModelsLoadedWithWhatItDoesNotTellUnknown() throws Exception {
        sim.close();
        sim = OllamaSimulator.start(SimKind.VLLM)
                .addModel(SimModel.servedAs("Qwen/Qwen3-32B").contextLength(40960))
                .addModel(SimModel.servedAs("Qwen/Qwen3-14B").contextLength(40960))
                .addModel(SimModel.servedAs("Qwen/Qwen3-4B").contextLength(40960));
        session("--dry-run");
        String screen = tmux.awaitScreen("the large tier's list", s -> s.contains("large tier:") && s.contains("> "), WAIT);
        assertTrue(selected(screen).contains("Qwen/Qwen3-32B"), "preselected as --auto would: " + screen);
        assertTrue(screen.lines().anyMatch(l -> l.contains("* Qwen/Qwen3-14B") && l.contains("14B") && l.contains("?")
                && l.contains("40k")), "loaded (vLLM serves only what it loaded), count from the name, size and tools unknown, "
                + "context from max_model_len: " + screen);
        tmux.press("Enter");
        tmux.awaitScreen("the medium tier's list", s -> s.contains("medium tier:") && selected(s).contains("Qwen/Qwen3-14B"), WAIT);
        tmux.press("Enter");
        tmux.awaitScreen("the small tier's list", s -> s.contains("small tier:") && selected(s).contains("Qwen/Qwen3-4B"), WAIT);
        tmux.press("Enter");
        tmux.awaitScreen("the offer to save a profile", s -> s.contains("Save these tiers as a profile?"), WAIT);
        tmux.press("Enter");
        String after = tmux.awaitScreen("the session's end", s -> s.contains("SESSION-OVER"), WAIT);
        assertEquals("0", Files.readString(results.resolve("exit")).trim(), after);
        String history = tmux.historyWithEscapes();
        assertTrue(history.matches("(?s).*\n  large   Qwen/Qwen3-32B  picked .*"), history);
        assertTrue(history.matches("(?s).*\n  small   Qwen/Qwen3-4B   picked .*"), history);
        assertTrue(history.contains("kind         vllm (detected"), history);
        assertSane();
    }

    /** The line the cursor is on. */
    private static String selected(String screen) {
        return screen.lines().filter(l -> l.startsWith("> ")).findFirst().orElse("");
    }

    private void assertSane() throws Exception {
        String stty = Files.readString(results.resolve("stty"));
        for (String mode : List.of("icanon", "echo", "isig", "icrnl", "opost")) {
            assertTrue(stty.matches("(?s).*(^|\\s)" + mode + "(\\s|$).*"), "terminal left in '" + mode + "' mode: " + stty);
        }
        assertEquals("1", tmux.display("#{cursor_flag}"), "cursor visible again");
        assertEquals("0", tmux.display("#{keypad_flag}"), "keypad back in normal mode");
    }
}
