package dev.agentlaunch.core.cli;

import dev.agentlaunch.core.output.Reporter;
import dev.agentlaunch.core.output.Terminal;
import dev.agentlaunch.core.plugins.IntegrationRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every command is handed: the user's environment, the discovered integrations, the output
 * streams, the user's arguments after {@code --}, and how to hand off to a tool.
 *
 * @param env              the user's environment
 * @param home             the user's home directory
 * @param registry         discovered integrations and failed plugins
 * @param out              stdout: data only
 * @param reporter         stderr: notes, warnings, errors
 * @param toolArgs         the arguments after the first {@code --}, for the tool
 * @param launcherArgCount how many arguments are the launcher's own, {@code --} included
 * @param handoffTarget    where {@code bin/launch} reads the hand-off, or null (child mode)
 * @param terminal         whether a person can answer questions and watch a progress bar
 */
public record CliContext(Map<String, String> env, Optional<Path> home, IntegrationRegistry registry, PrintWriter out,
                         Reporter reporter, List<String> toolArgs, int launcherArgCount, String handoffTarget,
                         Terminal terminal) {
    /** Without a terminal: nothing is asked, no progress bar is drawn. */
    public CliContext(Map<String, String> env, Optional<Path> home, IntegrationRegistry registry, PrintWriter out,
                      Reporter reporter, List<String> toolArgs, int launcherArgCount, String handoffTarget) {
        this(env, home, registry, out, reporter, toolArgs, launcherArgCount, handoffTarget, Terminal.none());
    }
}
