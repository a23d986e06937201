package dev.agentlaunch.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginDirectoriesTest {
    @Test
    void flagThenEnvListThenUserDataThenBuiltIns() {
        List<PluginDirectory> dirs = PluginDirectories.resolve(List.of(Path.of("/flag")),
                Map.of("AGENT_LAUNCH_PLUGINS", "/env1:/env2", "XDG_DATA_HOME", "/xdg"),
                Optional.of(Path.of("/home/u")), Optional.of(Path.of("/opt/agent-launch")));
        assertEquals(List.of(
                new PluginDirectory(Path.of("/flag"), "--plugins-dir", true),
                new PluginDirectory(Path.of("/env1"), "AGENT_LAUNCH_PLUGINS", true),
                new PluginDirectory(Path.of("/env2"), "AGENT_LAUNCH_PLUGINS", true),
                new PluginDirectory(Path.of("/xdg/agent-launch/plugins"), "user", false),
                new PluginDirectory(Path.of("/opt/agent-launch/plugins"), "built-in", false)), dirs);
    }

    @Test
    void userDataDefaultsUnderHomeAndRelativeXdgIsIgnored() {
        List<PluginDirectory> dirs = PluginDirectories.resolve(List.of(), Map.of("XDG_DATA_HOME", "relative"),
                Optional.of(Path.of("/home/u")), Optional.empty());
        assertEquals(List.of(new PluginDirectory(Path.of("/home/u/.local/share/agent-launch/plugins"), "user", false)), dirs);
    }
}
