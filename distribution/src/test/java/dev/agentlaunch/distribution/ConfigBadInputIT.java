package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad config file through the assembled launcher: one line on stderr naming the file (with line
 * and column where there is one) and the fix, exit 2 (3 when the config cannot be written), no
 * stack trace, no file changed.
 */
class ConfigBadInputIT {
    @TempDir
    Path home;

    Launcher launcher;
    Path config;

    @BeforeEach
    void setUp() throws Exception {
        launcher = new Launcher(home);
        config = home.resolve(".config/agent-launch/config.json");
        Files.createDirectories(config.getParent());
    }

    private void expectError(int exitCode, String expected, String... args) throws Exception {
        Map<String, String> before = FileTree.snapshot(home);
        Launcher.Result r = launcher.run(args);
        assertEquals(exitCode, r.exitCode(), r::toString);
        assertEquals(1, r.stderrLines().size(), "one line on stderr: " + r);
        assertTrue(r.stderrLines().get(0).startsWith("launch: error: "), r::toString);
        assertTrue(r.stderr().contains(expected), "stderr names '" + expected + "': " + r);
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), "no stack trace: " + r);
        JavaNames.assertNone(r.stderr(), String.join(" ", args));
        assertEquals(before, FileTree.snapshot(home), "no file changed");
    }

    @Test
    void malformedJson() throws Exception {
        Files.writeString(config, "{\n  \"profiles\": {\n    \"coding\": {\"large\": \"qwen3:32b\",}\n  }\n}\n");
        expectError(2, config + ":3:37: Unexpected character", "claude", "--large", "qwen3:8b", "--dry-run");
    }

    @Test
    void unknownKeyNamesTheKnownOnes() throws Exception {
        Files.writeString(config, "{\"profiles\": {\"coding\": {\"lage\": \"qwen3:32b\"}}}");
        expectError(2, config + ":1:26: unknown key \"lage\" at profiles.coding (known: host, integrations, large, medium, model, server, small, tierServers)",
                "claude", "--profile", "coding", "--dry-run");
    }

    @Test
    void wrongType() throws Exception {
        Files.writeString(config, "{\"defaults\": {\"small\": 4}}");
        expectError(2, config + ":1:24: wrong type at defaults.small: expected a string", "claude", "--dry-run");
    }

    @Test
    void invalidModelNameInAProfile() throws Exception {
        Files.writeString(config, "{\"profiles\": {\"coding\": {\"large\": \"qwen 3\"}}}");
        expectError(2, config + ":1:35: \"qwen 3\" at profiles.coding.large is not a model name", "profile", "list");
    }

    @Test
    void aDirectoryInsteadOfAFile() throws Exception {
        Files.createDirectory(home.resolve("conf.d"));
        expectError(2, home.resolve("conf.d") + " is a directory", "claude", "--config", home.resolve("conf.d").toString(),
                "--large", "qwen3:8b", "--dry-run");
    }

    @Test
    void aSymlinkLoop() throws Exception {
        Files.createSymbolicLink(config, config);
        expectError(2, "cannot read config file " + config + ": a symlink loop", "claude", "--large", "qwen3:8b", "--dry-run");
    }

    @Test
    void unknownProfileListsTheKnownOnes() throws Exception {
        Files.writeString(config, "{\"profiles\": {\"coding\": {\"large\": \"qwen3:32b\"}, \"gpu\": {\"model\": \"gpt-oss:120b\"}}}");
        expectError(2, "unknown profile 'codng' in " + config + " (known: coding, gpu)", "claude", "--profile", "codng", "--dry-run");
    }

    @Test
    void saveWithoutForceKeepsTheProfile() throws Exception {
        Files.writeString(config, "{\"profiles\": {\"coding\": {\"large\": \"qwen3:32b\"}}}");
        expectError(2, "profile 'coding' already exists", "profile", "save", "coding", "--large", "qwen3:8b");
    }

    @Test
    void saveWhereTheConfigDirCannotBeCreated() throws Exception {
        Path blocker = Files.writeString(home.resolve("not-a-dir"), "x");
        expectError(3, "cannot write config file " + blocker.resolve("config.json") + ": " + blocker + " is in the way", "profile", "save", "coding", "--large", "qwen3:8b",
                "--config", blocker.resolve("config.json").toString());
    }
}
