package dev.agentlaunch.core.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts. {@link dev.agentlaunch.core.Main} reads them before picocli
 * runs (plugins must be found before their subcommands exist); declaring them on the root, inherited
 * by every subcommand, makes them legal anywhere and documents them in every {@code --help}.
 */
final class GlobalOptions implements OptionGroup {
    @Override
    public void addTo(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("--plugins-dir").paramLabel("DIR").type(List.class).auxiliaryTypes(Path.class)
                .scopeType(ScopeType.INHERIT)
                .description("Look for plugin jars in DIR first (repeatable; before $AGENT_LAUNCH_PLUGINS, "
                        + "~/.local/share/agent-launch/plugins and the built-ins).").build());
        spec.addOption(OptionSpec.builder("--debug").type(boolean.class).scopeType(ScopeType.INHERIT)
                .description("Show plugin discovery, library logs and stack traces.").build());
        spec.addOption(OptionSpec.builder("-q", "--quiet").type(boolean.class).scopeType(ScopeType.INHERIT)
                .description("No notes on stderr (warnings and errors still show).").build());
    }
}
