package dev.agentlaunch.core.plugins;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DESIGN.md's plugin search order: {@code --plugins-dir} → {@code $AGENT_LAUNCH_PLUGINS} (a
 * path list) → {@code $XDG_DATA_HOME/agent-launch/plugins} → the distribution's own
 * {@code plugins/}. Earlier directories win when two plugins claim one integration id.
 */
public final class PluginDirectories {
    private PluginDirectories() {
    }

    public static List<PluginDirectory> resolve(List<Path> flagDirs, Map<String, String> env,
                                                Optional<Path> home, Optional<Path> distributionHome) {
        List<PluginDirectory> dirs = new ArrayList<>();
        for (Path p : flagDirs) {
            dirs.add(new PluginDirectory(p.toAbsolutePath().normalize(), "--plugins-dir", true));
        }
        String fromEnv = env.get("AGENT_LAUNCH_PLUGINS");
        if (fromEnv != null && !fromEnv.isBlank()) {
            for (String entry : fromEnv.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(new PluginDirectory(Path.of(entry).toAbsolutePath().normalize(), "AGENT_LAUNCH_PLUGINS", true));
                }
            }
        }
        String xdg = env.get("XDG_DATA_HOME");
        Optional<Path> dataHome = xdg != null && xdg.startsWith("/")
                ? Optional.of(Path.of(xdg))
                : home.map(h -> h.resolve(".local/share"));
        dataHome.ifPresent(d -> dirs.add(new PluginDirectory(d.resolve("agent-launch/plugins"), "user", false)));
        distributionHome.ifPresent(d -> dirs.add(new PluginDirectory(d.resolve("plugins"), "built-in", false)));
        return dirs;
    }
}
