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

    /**
     * For a tool that is pointed at a directory rather than a file (and may keep its own state
     * there): returns a directory named by a hash of {@code content} holding exactly
     * {@code content} at {@code relativePath} (written atomically when it differs), so the same
     * content always yields the same directory.
     *
     * @param suffix       the directory name's ending, e.g. {@code -cline}
     * @param relativePath where in the directory the file goes, e.g. {@code data/settings/providers.json}
     * @throws java.io.UncheckedIOException when the state dir cannot be written
     * @since 1.2.0
     */
    default Path directory(String suffix, String relativePath, String content) {
        throw new UnsupportedOperationException("this launcher has no state directories (launcher-api 1.2 or newer needed)");
    }
}
