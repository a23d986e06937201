package dev.agentlaunch.core.plugins;

import java.nio.file.Path;

/**
 * One directory searched for plugin jars.
 *
 * @param path     the directory
 * @param origin   how it was chosen: {@code --plugins-dir}, {@code AGENT_LAUNCH_PLUGINS},
 *                 {@code user}, {@code built-in}
 * @param explicit true when the user named it, so its absence deserves a warning
 */
public record PluginDirectory(Path path, String origin, boolean explicit) {
}
