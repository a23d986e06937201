package dev.agentlaunch.core.plugins;

import java.nio.file.Path;

/**
 * A plugin that could not be used, with a one-line reason.
 *
 * @param jar           the plugin file
 * @param pluginId      its {@code Plugin-Id} when it could be read, else null
 * @param integrationId the integration id it claims when that is known, else null
 * @param reason        what went wrong, one line
 */
public record PluginProblem(Path jar, String pluginId, String integrationId, String reason) {
    public PluginProblem(Path jar, String pluginId, String reason) {
        this(jar, pluginId, null, reason);
    }

    public String describe() {
        return "plugin " + jar + " skipped: " + reason;
    }

    /**
     * True when {@code name}, typed as an integration, means this plugin: its integration id,
     * its plugin id, or its file name ({@code name.jar}, {@code name-1.2.jar}) when nothing
     * could be read from it.
     */
    public boolean concerns(String name) {
        if (name.equals(integrationId) || name.equals(pluginId)) {
            return true;
        }
        String file = jar.getFileName() == null ? "" : jar.getFileName().toString();
        return file.equals(name + ".jar") || file.startsWith(name + "-") && file.endsWith(".jar");
    }
}
