package dev.agentlaunch.distribution;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * A private tmux server (its own socket, no user config) holding one window: a real terminal
 * for a test to type into ({@code send-keys}), read ({@code capture-pane}) and resize. Without
 * tmux on PATH the test that needs it is skipped with a loud message (under {@code CI=true} it fails).
 */
final class Tmux implements AutoCloseable {
    private final Path socket;

    private Tmux(Path socket) {
        this.socket = socket;
    }

    /** A tmux server with one window of the given size running {@code command}, or the test is skipped. */
    static Tmux start(Path dir, int columns, int rows, String... command) throws IOException, InterruptedException {
        if (!onPath("tmux")) {
            String message = "tmux is not installed: SKIPPING the interactive terminal test (install it, e.g. "
                    + "'apt-get install tmux', to run it)";
            if (AgentClis.underCi()) {      // under CI a missing part fails the build, tmux like node or npm
                throw new AssertionError("CI=true: " + message);
            }
            System.err.println("######## " + message);
            Assumptions.abort(message);
        }
        Tmux tmux = new Tmux(dir.resolve("tmux.sock"));
        List<String> args = new ArrayList<>(List.of("new-session", "-d", "-s", "t", "-x", String.valueOf(columns),
                "-y", String.valueOf(rows)));
        args.addAll(List.of(command));
        tmux.run(args.toArray(String[]::new));
        return tmux;
    }

    static boolean onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** Types text literally (no key names). */
    void type(String text) throws IOException, InterruptedException {
        run("send-keys", "-t", "t", "-l", text);
    }

    /** Presses keys by tmux name: {@code Enter}, {@code C-c}. */
    void press(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "t"));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    void resize(int columns, int rows) throws IOException, InterruptedException {
        run("resize-window", "-t", "t", "-x", String.valueOf(columns), "-y", String.valueOf(rows));
    }

    /** The visible screen, one string per row. */
    String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", "t");
    }

    /** Everything the window printed, scrollback included, with its colour escapes. */
    String historyWithEscapes() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-e", "-S", "-", "-t", "t");
    }

    /** A tmux format evaluated for the pane, e.g. {@code #{cursor_flag}}. */
    String display(String format) throws IOException, InterruptedException {
        return run("display-message", "-p", "-t", "t", format).trim();
    }

    /**
     * Waits until the screen satisfies {@code condition}: a terminal has no "done" event, so
     * this re-reads the screen until it matches or the deadline passes.
     */
    String awaitScreen(String what, Predicate<String> condition, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = screen();
        while (!condition.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the terminal never showed " + what + " within " + timeout.toSeconds()
                        + " s; the screen:\n" + screen);
            }
            Thread.sleep(100);
            screen = screen();
        }
        return screen;
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString(), "-f", "/dev/null"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("TMUX");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("kill-server");
        } catch (IOException e) {
            // already gone
        }
    }
}
