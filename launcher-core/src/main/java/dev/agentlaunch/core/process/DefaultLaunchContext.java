package dev.agentlaunch.core.process;

import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.StateFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The launch context core hands an integration: read-only views plus the launcher's state dir. */
record DefaultLaunchContext(Map<String, String> ambientEnv, Optional<Path> home, List<String> toolArgs,
                            Optional<StateFiles> state, Consumer<String> notes) implements LaunchContext {
    DefaultLaunchContext {
        ambientEnv = Map.copyOf(ambientEnv);
        toolArgs = List.copyOf(toolArgs);
    }

    @Override
    public StateFiles stateFiles() {
        return state.orElseThrow(() -> dev.agentlaunch.core.LauncherException.notReady(
                "the launcher has no state dir for this tool's files: set HOME or XDG_STATE_HOME"));
    }

    /** The launcher's own working directory: {@code bin/launch} runs it where the user is. */
    @Override
    public Optional<Path> workingDirectory() {
        return Optional.of(Path.of("").toAbsolutePath());
    }

    @Override
    public void note(String line) {
        notes.accept(line);
    }
}
