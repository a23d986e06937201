package dev.agentlaunch.api;

import java.nio.file.Path;

/**
 * The launcher's own state directory ({@code $XDG_STATE_HOME/agent-launch}). Files are named by
 * a hash of their content, so the same content always yields the same path, two launches never
 * race on one file and a dry run shows the very path a launch uses.
 */
public interface StateFiles {

    /**
     * Returns the path of a file holding exactly {@code content}, writing it atomically when it
     * does not exist yet.
     *
     * @param suffix the file name's ending, e.g. {@code .toml}
     * @throws java.io.UncheckedIOException when the state dir cannot be written
     */
    Path file(String suffix, String content);
}
