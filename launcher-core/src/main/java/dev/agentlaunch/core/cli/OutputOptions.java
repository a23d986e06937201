package dev.agentlaunch.core.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Machine-readable output. */
public class OutputOptions implements OptionGroup {
    private OptionSpec json;

    @Override
    public void addTo(CommandSpec spec) {
        json = OptionGroup.add(spec, OptionSpec.builder("--json").type(boolean.class).description("Print JSON on stdout instead of text.").build());
    }

    public boolean json() {
        return OptionGroup.flag(json);
    }
}
