package dev.agentlaunch.plugins.claude;

import java.util.Map;

/**
 * One place Claude Code reads settings from, reduced to what can steer its routing.
 *
 * @param label what to call it in a note: the file's path, or "your --settings"
 * @param env   its {@code env} block, values as text
 * @param model its top-level {@code model}, or null
 * @param permissionMode its {@code permissions.defaultMode}, or null
 */
record SettingsSource(String label, Map<String, String> env, String model, String permissionMode) {
    SettingsSource {
        env = Map.copyOf(env);
    }
}
