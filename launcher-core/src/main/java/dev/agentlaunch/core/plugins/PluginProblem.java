package dev.agentlaunch.core.plugins;

import java.nio.file.Path;

/**
 * A plugin that could not be used, with a one-line reason.
 *
 * @param jar      the plugin file
 * @param pluginId its {@code Plugin-Id} when it could be read, else null
 * @param reason   what went wrong, one line
 */
public record PluginProblem(Path jar, String pluginId, String reason) {
    public String describe() {
        return "plugin " + jar + " skipped: " + reason;
    }
}
