package dev.agentlaunch.core.config;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the config file is: {@code --config FILE}, else {@code $AGENT_LAUNCH_CONFIG}, else
 * {@code $XDG_CONFIG_HOME/agent-launch/config.json}, else {@code ~/.config/agent-launch/config.json}.
 * Deliberately free of Jackson: a launch without a config file costs one {@code stat}.
 *
 * @param path     the file
 * @param origin   how it was chosen: {@code --config}, {@code AGENT_LAUNCH_CONFIG} or {@code default}
 */
public record ConfigLocation(Path path, String origin) {
    public static final String ENV = "AGENT_LAUNCH_CONFIG";

    public static Optional<ConfigLocation> resolve(Path flag, Map<String, String> env, Optional<Path> home) {
        if (flag != null) {
            return Optional.of(new ConfigLocation(flag.toAbsolutePath(), "--config"));
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(new ConfigLocation(Path.of(fromEnv).toAbsolutePath(), ENV));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && xdg.startsWith("/")) {   // the XDG spec ignores relative values
            return Optional.of(new ConfigLocation(Path.of(xdg, "agent-launch", "config.json"), "default"));
        }
        return home.map(h -> new ConfigLocation(h.resolve(".config/agent-launch/config.json"), "default"));
    }

    /** True when the user named this file ({@code --config} or the variable): then it must exist to be read. */
    public boolean explicit() {
        return !origin.equals("default");
    }

    /** Whether anything is at the path (a dangling or looping symlink counts: reading it reports why). */
    public boolean exists() {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
}
