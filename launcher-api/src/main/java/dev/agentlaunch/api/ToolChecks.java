package dev.agentlaunch.api;

import java.util.List;
import java.util.Optional;

/**
 * Checks most integrations make before a launch, each failing with a one-line
 * {@link LaunchRefusedException} that says what is wrong and what to do.
 *
 * @since 1.2.0
 */
public final class ToolChecks {
    private ToolChecks() {
    }

    /**
     * Refuses the user's tool arguments (those before a lone {@code --}) that use one of
     * {@code flags}: a long flag as {@code --model X} or {@code --model=X}, a short one as
     * {@code -m X}, {@code -m=X} or {@code -mX}.
     *
     * @param tool    the tool's human name, for the message
     * @param instead what to use instead: {@code use --large MODEL instead}
     */
    public static void refuseArgs(String tool, List<String> toolArgs, String instead, String... flags) {
        for (String arg : toolArgs) {
            if (arg.equals("--")) {
                return;
            }
            for (String flag : flags) {
                boolean isShort = !flag.startsWith("--");
                if (arg.equals(flag) || arg.startsWith(flag + "=")
                        || (isShort && arg.startsWith(flag) && !arg.startsWith("--") && arg.length() > flag.length())) {
                    throw new LaunchRefusedException(tool + " argument '" + arg + "' fights the tier routing: " + instead);
                }
            }
        }
    }

    /**
     * Refuses the launch when the {@code node} on the user's {@code PATH} is older than
     * {@code major}: a Node CLI that needs a newer Node dies at start with a stack trace.
     *
     * @throws LaunchRefusedException with {@link #nodeProblem}'s line
     */
    public static void requireNode(LaunchContext context, String tool, int major) {
        nodeProblem(context, tool, major).ifPresent(problem -> {
            throw new LaunchRefusedException(problem);
        });
    }

    /**
     * One line with the fix when the {@code node} on the user's {@code PATH} is older than
     * {@code major}; empty when it is new enough, or when no node is found or its version is
     * unknown (the tool then says so itself).
     */
    public static Optional<String> nodeProblem(LaunchContext context, String tool, int major) {
        Optional<String> version = context.executableVersion("node");
        if (version.isEmpty()) {
            return Optional.empty();
        }
        String v = version.get().startsWith("v") ? version.get().substring(1) : version.get();
        int found;
        try {
            found = Integer.parseInt(v.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (found >= major) {
            return Optional.empty();
        }
        return Optional.of(tool + " needs Node.js " + major + " or newer and the node on your PATH is " + v
                + ": install Node.js " + major + "+ (e.g. nvm install " + major + ") and put it first on PATH");
    }
}
