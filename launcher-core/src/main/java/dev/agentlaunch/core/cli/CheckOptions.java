package dev.agentlaunch.core.cli;

import dev.agentlaunch.core.server.ByteSize;
import java.util.OptionalLong;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** How the server checks before a launch behave. */
public class CheckOptions implements OptionGroup {
    private OptionSpec pull;
    private OptionSpec yes;
    private OptionSpec strict;
    private OptionSpec memory;

    @Override
    public void addTo(CommandSpec spec) {
        pull = OptionGroup.add(spec, OptionSpec.builder("--pull").type(boolean.class).description("Pull missing tier models without asking.").build());
        yes = OptionGroup.add(spec, OptionSpec.builder("-y", "--yes").type(boolean.class)
                .description("Answer yes to every question (pull missing models; on a terminal, install a missing tool).").build());
        strict = OptionGroup.add(spec, OptionSpec.builder("--strict").type(boolean.class).description("Stop on any check warning (no tool calling, "
                + "context too small, models do not fit in memory) instead of launching anyway.").build());
        memory = OptionGroup.add(spec, OptionSpec.builder("--memory").paramLabel("SIZE").type(String.class)
                .description("Memory the server can give the models, e.g. 24GiB (default: the GPU memory or RAM of this "
                        + "machine when the server is local).").build());
    }

    public boolean pull() {
        return OptionGroup.flag(pull);
    }

    public boolean yes() {
        return OptionGroup.flag(yes);
    }

    public boolean strict() {
        return OptionGroup.flag(strict);
    }

    /** {@code --memory} in bytes, if given. */
    public OptionalLong memoryBytes() {
        String size = memory.getValue();
        return size == null ? OptionalLong.empty() : OptionalLong.of(ByteSize.parse(size, "--memory"));
    }
}
