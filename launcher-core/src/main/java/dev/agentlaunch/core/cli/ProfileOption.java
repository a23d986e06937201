package dev.agentlaunch.core.cli;

import picocli.CommandLine.Option;

/** {@code --profile}: a named set of tiers from the config file. */
public class ProfileOption {
    @Option(names = "--profile", paramLabel = "NAME",
            description = "Use the tiers (and server) of profile NAME from the config file; tier flags still win. "
                    + "Without it, the integration's default profile applies, if the config names one.")
    String profile;
}
