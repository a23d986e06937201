package dev.agentlaunch.core.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Machine-readable output. */
public class OutputOptions implements OptionGroup {
    private final String description;
    private OptionSpec json;

    public OutputOptions() {
        this("Print JSON on stdout instead of text.");
    }

    /** With its own description, where --json means something narrower. */
    public OutputOptions(String description) {
        this.description = description;
    }

    @Override
    public void addTo(CommandSpec spec) {
        json = OptionGroup.add(spec, OptionSpec.builder("--json").type(boolean.class).description(description).build());
    }

    public boolean json() {
        return OptionGroup.flag(json);
    }
}
