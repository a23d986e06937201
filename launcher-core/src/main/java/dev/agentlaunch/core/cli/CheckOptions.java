package dev.agentlaunch.core.cli;

import dev.agentlaunch.core.server.ByteSize;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** How the server checks before a launch behave. */
public class CheckOptions {
    @Option(names = "--pull", description = "Pull missing tier models without asking.")
    boolean pull;

    @Option(names = {"-y", "--yes"}, description = "Answer yes to every question (pull missing models).")
    boolean yes;

    @Option(names = "--strict", description = "Stop on any check warning (no tool calling, context too small, "
            + "models do not fit in memory) instead of launching anyway.")
    boolean strict;

    @Option(names = "--memory", paramLabel = "SIZE", description = "Memory the server can give the models, "
            + "e.g. 24GiB (default: the GPU memory or RAM of this machine when the server is local).")
    String memory;

    /** {@code --memory} in bytes, if given. */
    public OptionalLong memoryBytes() {
        return memory == null ? OptionalLong.empty() : OptionalLong.of(ByteSize.parse(memory, "--memory"));
    }
}
