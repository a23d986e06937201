package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A missing tool, at a terminal: the launcher asks before installing it with the npm command its
 * plugin names, and installs nothing without a yes (or without a terminal). npm is a stub that
 * records its argv and puts a stub Claude Code where npm's global bin dir would be.
 */
@Timeout(180)
class ToolInstallQuestionIT {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String QUESTION = "Claude Code is not installed. Install it now with 'npm install -g @anthropic-ai/claude-code'? [y/N]";

    @TempDir
    Path tmp;

    /** A launcher with a stub npm on PATH and no Claude Code anywhere. */
    private Launcher launcher(Path record) throws Exception {
        Launcher launcher = new Launcher(tmp, false);
        Path npmBin = Files.createDirectories(tmp.resolve("npm-bin"));
        Path globalBin = launcher.home.resolve(".npm-global/bin");
        String mkdir = Files.isExecutable(Path.of("/bin/mkdir")) ? "/bin/mkdir" : "/usr/bin/mkdir";
        String cp = Files.isExecutable(Path.of("/bin/cp")) ? "/bin/cp" : "/usr/bin/cp";
        Path claude = Files.writeString(tmp.resolve("claude-stub"), "#!/bin/sh\nprintf '%s\\n' \"$@\" > '"
                + record.resolve("claude-argv") + "'\n");
        Files.setPosixFilePermissions(claude, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path npm = Files.writeString(npmBin.resolve("npm"), "#!/bin/sh\n"
                + "printf '%s\\n' \"$@\" > '" + record.resolve("npm-argv") + "'\n"
                + mkdir + " -p '" + globalBin + "'\n"
                + cp + " -p '" + claude + "' '" + globalBin.resolve("claude") + "'\n"
                + "echo 'added 1 package in 0.1s (stub npm)'\n");
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher.path(npmBin);
    }

    @Test
    void yesInstallsWithThePluginsNpmCommandThenLaunches() throws Exception {
        Path record = Files.createDirectories(tmp.resolve("record"));
        Launcher launcher = launcher(record);
        try (Tmux tmux = session(launcher, record, "claude --model qwen3:8b --offline -- -p hi")) {
            tmux.awaitScreen("the install question", s -> s.contains(QUESTION), WAIT);
            assertFalse(Files.exists(record.resolve("npm-argv")), "nothing installed before the answer");
            tmux.type("y");
            tmux.press("Enter");
            String screen = tmux.awaitScreen("the session's end", s -> s.contains("SESSION-OVER"), WAIT);

            assertEquals("0", Files.readString(record.resolve("exit")).trim(), screen);
            assertEquals(List.of("install", "-g", "@anthropic-ai/claude-code"), Files.readAllLines(record.resolve("npm-argv")),
                    "npm ran with the plugin's command, no sudo");
            assertTrue(screen.contains("added 1 package in 0.1s (stub npm)"), "npm's output is shown: " + screen);
            assertTrue(screen.contains("launch: installed Claude Code: " + launcher.home.resolve(".npm-global/bin/claude")),
                    screen);
            List<String> argv = Files.readAllLines(record.resolve("claude-argv"));
            assertEquals(List.of("-p", "hi"), argv.subList(argv.size() - 2, argv.size()), "then the launch went on");
        }
    }

    @Test
    void noInstallsNothingAndYesFlagAnswersTheQuestion() throws Exception {
        Path record = Files.createDirectories(tmp.resolve("record"));
        Launcher launcher = launcher(record);
        try (Tmux tmux = session(launcher, record, "claude --model qwen3:8b --offline -- -p hi")) {
            tmux.awaitScreen("the install question", s -> s.contains(QUESTION), WAIT);
            tmux.press("Enter");            // the default is No
            String screen = tmux.awaitScreen("the session's end", s -> s.contains("SESSION-OVER"), WAIT);
            assertEquals("3", Files.readString(record.resolve("exit")).trim(), screen);
            assertFalse(Files.exists(record.resolve("npm-argv")), "nothing installed: " + screen);
            assertTrue(screen.contains("launch: error: Claude Code is not installed"), screen);
        }
        try (Tmux tmux = session(launcher, record, "claude --yes --model qwen3:8b --offline -- -p hi")) {
            String screen = tmux.awaitScreen("the session's end", s -> s.contains("SESSION-OVER"), WAIT);
            assertFalse(screen.contains("[y/N]"), "--yes answers: " + screen);
            assertTrue(screen.contains("installing it with 'npm install -g @anthropic-ai/claude-code' (--yes)"), screen);
            assertEquals("0", Files.readString(record.resolve("exit")).trim(), screen);
            assertTrue(Files.exists(record.resolve("claude-argv")), screen);
        }
    }

    @Test
    void withoutATerminalNothingIsAskedOrInstalled() throws Exception {
        Path record = Files.createDirectories(tmp.resolve("record"));
        Launcher.Result r = launcher(record).run("claude", "--yes", "--model", "qwen3:8b", "--offline", "--", "-p", "hi");
        assertEquals(3, r.exitCode(), r::toString);
        assertEquals(1, r.stderrLines().size(), r::toString);
        assertTrue(r.stderr().startsWith("launch: error: Claude Code is not installed"), r::toString);
        assertFalse(Files.exists(record.resolve("npm-argv")), "npm never ran");
    }

    private Tmux session(Launcher launcher, Path record, String args) throws Exception {
        Files.deleteIfExists(record.resolve("exit"));
        String exports = launcher.processBuilder(List.of()).environment().entrySet().stream()
                .map(e -> e.getKey() + "='" + e.getValue() + "'").collect(Collectors.joining(" "));
        Path script = Files.writeString(tmp.resolve("session-" + System.nanoTime() + ".sh"), "cd '" + launcher.work + "'\n"
                + "exec env -i TERM=\"$TERM\" " + exports + " sh -c '"
                + "\"$0\" " + args + "; echo $? > \"$1/exit\"; echo SESSION-OVER; exec sleep 600' '"
                + Launcher.script() + "' '" + record + "'\n");
        // a fresh socket dir per session: a just-killed tmux server's socket is not reused
        return Tmux.start(Files.createTempDirectory(tmp, "tmux"), 200, 40, "sh", script.toString());
    }
}
