package dev.agentlaunch.core.process;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the tool. With {@code bin/launch} (POSIX) the JVM writes a few lines of shell to the
 * script's hand-off descriptor and exits; the script then {@code exec}s the tool itself, so the
 * agent owns the terminal, signals and exit code and no JVM stays alive. The user's arguments
 * never pass through the JVM on that path: the script keeps its own {@code "$@"}, so they reach
 * the tool byte for byte, unless the integration folded its own value into one of them
 * ({@code Integration.toolArgs}, Claude Code's {@code --agents}): then the JVM writes them out. Without the script ({@code java -jar}, Windows) the JVM runs the tool
 * as a child with inherited I/O, ignores SIGINT while it runs (see {@link ChildSignals}), passes
 * SIGTERM and SIGHUP on, and returns its exit code.
 */
public final class Handoff {
    /** System property set by {@code bin/launch}: the path of its hand-off descriptor. */
    public static final String PROPERTY = "agentlaunch.handoff";

    private final String handoffTarget;

    public Handoff(String handoffTarget) {
        this.handoffTarget = handoffTarget;
    }

    /**
     * Hands off or runs the tool; returns the launcher's exit code.
     *
     * @param launcherArgCount how many of the script's arguments are the launcher's own
     *                         (including the {@code --}), i.e. what the script must shift away
     */
    public int launch(LaunchPlan plan, Path executable, int launcherArgCount, List<String> userArgs)
            throws IOException, InterruptedException {
        if (handoffTarget != null && !handoffTarget.isEmpty()) {
            try (OutputStream out = new FileOutputStream(handoffTarget)) {
                out.write(script(plan, executable, launcherArgCount, userArgs).getBytes(StandardCharsets.UTF_8));
            }
            return 0;
        }
        return runChild(plan, executable);
    }

    /** The shell the script evaluates: exports, then {@code exec} with the user's own {@code "$@"}. */
    static String script(LaunchPlan plan, Path executable, int launcherArgCount) {
        return script(plan, executable, launcherArgCount, plan.toolArgs());
    }

    /**
     * The same; when the integration rewrote the user's arguments (it folded its own value into
     * one of theirs, see {@code Integration.toolArgs}), they are written out instead of {@code "$@"}.
     */
    static String script(LaunchPlan plan, Path executable, int launcherArgCount, List<String> userArgs) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : plan.envChanges().entrySet()) {
            // The token goes as a reference to the user's own variable: never through the pipe as text.
            String value = plan.tokenReference(e.getKey()).map(v -> "\"$" + v + "\"").orElseGet(() -> ShellQuote.quote(e.getValue()));
            s.append("export ").append(e.getKey()).append('=').append(value).append('\n');
        }
        if (launcherArgCount > 0) {
            s.append("shift ").append(launcherArgCount).append('\n');
        }
        s.append("exec ").append(ShellQuote.quote(executable.toString()));
        for (String a : plan.tierArgs()) {
            s.append(' ').append(ShellQuote.quote(a));
        }
        if (plan.toolArgs().equals(userArgs)) {
            s.append(" \"$@\"");
        } else {
            plan.toolArgs().forEach(a -> s.append(' ').append(ShellQuote.quote(a)));
        }
        return s.append('\n').toString();
    }

    private static int runChild(LaunchPlan plan, Path executable) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(plan.arguments());
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().putAll(plan.envChanges());
        Process p = ChildSignals.start(pb);
        return p.waitFor();   // a signal death arrives as 128+n
    }
}
