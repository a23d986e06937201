package dev.agentlaunch.core.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Which config file, for the commands that read it. */
public class ConfigOptions implements OptionGroup {
    private OptionSpec config;

    @Override
    public void addTo(CommandSpec spec) {
        config = OptionGroup.add(spec, OptionSpec.builder("--config").paramLabel("FILE").type(Path.class)
                .description("Config file (default: $AGENT_LAUNCH_CONFIG, else $XDG_CONFIG_HOME/agent-launch/config.json, "
                        + "else ~/.config/agent-launch/config.json).").build());
    }

    /** {@code --config}, or null. */
    public Path file() {
        return config.getValue();
    }
}
