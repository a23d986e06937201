package dev.agentlaunch.core.plugins;

import dev.agentlaunch.api.Integration;
import java.nio.file.Path;

/**
 * An integration and the plugin it came from.
 *
 * @param integration   the extension instance
 * @param pluginId      the plugin's {@code Plugin-Id}
 * @param pluginVersion the plugin's {@code Plugin-Version}
 * @param requires      the plugin's {@code Plugin-Requires} (launcher-api range), may be empty
 * @param jar           the plugin jar
 * @param origin        the search-path entry it was found through
 */
public record LoadedIntegration(Integration integration, String pluginId, String pluginVersion,
                                String requires, Path jar, String origin) {
    public String id() {
        return integration.id();
    }
}
