package dev.agentlaunch.core.testkit;

import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.StateFiles;
import dev.agentlaunch.core.process.StateDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link LaunchContext} for a plugin's unit tests (part of the plugin authors' test kit, with
 * {@code dev.agentlaunch.core.sim.OllamaSimulator}): an environment, HOME, tool arguments and
 * executable versions the test chooses, the launcher's real state-dir writer under a directory
 * of the test's, and the notes the plugin printed, collected.
 */
public final class TestLaunchContext implements LaunchContext {
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> versions = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final StateDirectory state;
    private Path home;
    private Path workingDirectory;
    private List<String> toolArgs = List.of();

    private TestLaunchContext(Path stateDir) {
        this.state = new StateDirectory(stateDir);
    }

    /** A context whose state dir is {@code dir/state}; no HOME, no environment, no tool arguments. */
    public static TestLaunchContext in(Path dir) {
        return new TestLaunchContext(dir.resolve("state"));
    }

    /** Adds a variable to the user's (ambient) environment. */
    public TestLaunchContext env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The arguments the user passed after {@code --}. */
    public TestLaunchContext toolArgs(String... args) {
        toolArgs = List.of(args);
        return this;
    }

    public TestLaunchContext home(Path dir) {
        home = dir;
        return this;
    }

    public TestLaunchContext workingDirectory(Path dir) {
        workingDirectory = dir;
        return this;
    }

    /** What {@link #executableVersion(String)} answers for {@code name} (unset: not installed). */
    public TestLaunchContext executableVersion(String name, String version) {
        versions.put(name, version);
        return this;
    }

    /** The notes the plugin printed, in order. */
    public List<String> notes() {
        return notes;
    }

    /** The state dir the plugin's files went to. */
    public Path stateDir() {
        return state.dir();
    }

    @Override
    public Map<String, String> ambientEnv() {
        return Map.copyOf(env);
    }

    @Override
    public Optional<Path> home() {
        return Optional.ofNullable(home);
    }

    @Override
    public Optional<Path> workingDirectory() {
        return Optional.ofNullable(workingDirectory);
    }

    @Override
    public List<String> toolArgs() {
        return toolArgs;
    }

    @Override
    public StateFiles stateFiles() {
        return state;
    }

    @Override
    public Optional<String> executableVersion(String name) {
        return Optional.ofNullable(versions.get(name));
    }

    @Override
    public void note(String line) {
        notes.add(line);
    }
}
