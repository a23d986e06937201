package dev.agentlaunch.core.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --profile}: a named set of tiers from the config file. */
public class ProfileOption implements OptionGroup {
    private OptionSpec profile;

    @Override
    public void addTo(CommandSpec spec) {
        profile = OptionGroup.add(spec, OptionSpec.builder("--profile").paramLabel("NAME").type(String.class)
                .description("Use the tiers (and server) of profile NAME from the config file; tier flags still win. "
                        + "Without it, the integration's default profile applies, if the config names one.").build());
    }

    /** {@code --profile}, or null. */
    public String name() {
        return profile.getValue();
    }
}
