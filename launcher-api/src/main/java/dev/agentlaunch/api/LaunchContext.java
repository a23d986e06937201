package dev.agentlaunch.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of the user's world that the launcher hands an integration, plus the one
 * place where an integration may put a file: the launcher's own state directory.
 */
public interface LaunchContext {

    /** The user's environment as the launcher found it (unmodifiable). */
    Map<String, String> ambientEnv();

    /** The user's home directory, when known. Read it, never write to it. */
    Optional<Path> home();

    /**
     * The directory the user launched from (where a tool looks for project files), when known.
     * Read it, never write to it. Since API 1.1; the default knows none.
     */
    default Optional<Path> workingDirectory() {
        return Optional.empty();
    }

    /** The arguments the user passed to the tool after {@code --}, in order (unmodifiable). */
    List<String> toolArgs();

    /** The launcher's state directory, for files the tool must read. */
    StateFiles stateFiles();

    /**
     * The version of an executable on the user's {@code PATH}, e.g. {@code node} → {@code 20.20.2}:
     * its npm package's version, else the first {@code x.y.z} it prints for {@code --version}.
     * For a tool that runs on a runtime it does not bring (a Node CLI needing Node 22), so the
     * plugin can say in one line what to fix instead of the runtime's stack trace. It may start
     * a process: ask only on the launches that need it. Since API 1.2; the default knows none.
     */
    default Optional<String> executableVersion(String name) {
        return Optional.empty();
    }

    /**
     * Prints one note line on stderr (unless the user asked for quiet). {@code launch doctor}
     * lists each note as something to fix, except a line starting with {@code "tip: "}: advice
     * for a person about to use the tool, shown only when the launcher runs at a terminal and
     * never counted as a problem.
     */
    void note(String line);
}
