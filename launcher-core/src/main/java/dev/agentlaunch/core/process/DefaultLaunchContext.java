package dev.agentlaunch.core.process;

import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.StateFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The launch context core hands an integration: read-only views plus the launcher's state dir. */
public record DefaultLaunchContext(Map<String, String> ambientEnv, Optional<Path> home, List<String> toolArgs,
                                   Optional<StateFiles> state, Consumer<String> notes) implements LaunchContext {
    public DefaultLaunchContext {
        ambientEnv = Map.copyOf(ambientEnv);
        toolArgs = List.copyOf(toolArgs);
    }

    /** A context for asking about the user's machine outside a launch ({@code list-integrations}): no tool args, no notes. */
    public static DefaultLaunchContext outsideLaunch(Map<String, String> env, Optional<Path> home) {
        return new DefaultLaunchContext(env, home, List.of(), StateDirectory.of(env, home).map(StateDirectory::namesOnly),
                line -> { });
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

    /** Versions asked once per launcher run: the trial mapping and the mapping ask the same. */
    private static final Map<String, Optional<String>> VERSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Optional<String> executableVersion(String name) {
        return VERSIONS.computeIfAbsent(name + "\0" + ambientEnv.get("PATH"), key ->
                new ExecutableFinder(ambientEnv.get("PATH"), home).find(List.of(name)).executable()
                        .flatMap(new ToolVersion(ambientEnv)::of));
    }

    @Override
    public void note(String line) {
        notes.accept(line);
    }
}
