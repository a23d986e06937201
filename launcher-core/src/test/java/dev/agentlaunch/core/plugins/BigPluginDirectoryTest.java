package dev.agentlaunch.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory with many plugins is loaded by several threads (one PF4J manager each, over
 * contiguous runs of jars); what the user sees must be what one manager would have found:
 * every plugin, in file-name order, and the same refusals for a Plugin-Id used twice or plugins
 * that depend on each other across runs.
 */
class BigPluginDirectoryTest {
    private static final int COUNT = 24;

    @TempDir
    static Path shared;
    static Path classes;

    @TempDir
    Path plugins;

    @BeforeAll
    static void compilePlugins() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < COUNT; i++) {
            String name = name(i);
            sources.put("test." + name + ".Tool", TestPlugins.integration(name, name, "", PluginHostRobustnessTest.OK_ENV));
        }
        classes = Files.createDirectories(shared.resolve("classes"));
        TestPlugins.compile(classes, sources, List.of());
    }

    private static String name(int i) {
        return String.format("tool%02d", i);
    }

    private Path plugin(int i, Map<String, String> manifest) throws IOException {
        return TestPlugins.jar(plugins.resolve(name(i) + ".jar"), manifest, classes, name(i), List.of());
    }

    private IntegrationRegistry load() {
        return new PluginLoader("1.1.0").load(List.of(new PluginDirectory(plugins, "test", true)));
    }

    @Test
    void everyPluginOfABigDirectoryLoadsInFileNameOrder() throws IOException {
        List<String> expected = new ArrayList<>();
        for (int i = COUNT - 1; i >= 0; i--) {       // written in reverse: the order must come from the names
            plugin(i, TestPlugins.descriptor(name(i), "^1.0.0"));
        }
        for (int i = 0; i < COUNT; i++) {
            expected.add(name(i));
        }
        IntegrationRegistry registry = load();
        assertEquals(List.of(), registry.problems(), "no problems");
        assertEquals(expected, registry.integrations().stream().map(LoadedIntegration::id).toList());
    }

    @Test
    void aPluginIdUsedByTheFirstAndTheLastJarRefusesBoth() throws IOException {
        for (int i = 0; i < COUNT; i++) {
            String pluginId = i == 0 || i == COUNT - 1 ? "twin" : name(i);
            plugin(i, TestPlugins.descriptor(pluginId, "^1.0.0"));
        }
        IntegrationRegistry registry = load();
        assertEquals(COUNT - 2, registry.integrations().size(), registry.integrations()::toString);
        assertTrue(registry.integrations().stream().noneMatch(li -> li.pluginId().equals("twin")));
        List<String> reasons = registry.problems().stream().map(PluginProblem::describe).toList();
        assertTrue(reasons.stream().anyMatch(r -> r.contains(name(0) + ".jar") && r.contains("'twin'")
                && r.contains(name(COUNT - 1) + ".jar")), reasons::toString);
    }

    @Test
    void aPluginDependingOnOneAtTheOtherEndOfTheDirectoryLoads() throws IOException {
        for (int i = 0; i < COUNT; i++) {
            Map<String, String> manifest = TestPlugins.descriptor(name(i), "^1.0.0");
            if (i == COUNT - 1) {
                manifest.put("Plugin-Dependencies", name(0));
            }
            plugin(i, manifest);
        }
        IntegrationRegistry registry = load();
        assertEquals(List.of(), registry.problems(), "no problems");
        assertEquals(COUNT, registry.integrations().size());
    }
}
