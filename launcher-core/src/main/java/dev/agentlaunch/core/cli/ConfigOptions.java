package dev.agentlaunch.core.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which config file, for the commands that read it. */
public class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (default: $AGENT_LAUNCH_CONFIG, else $XDG_CONFIG_HOME/agent-launch/config.json, "
                    + "else ~/.config/agent-launch/config.json).")
    Path config;
}
