package dev.agentlaunch.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigReaderTest {
    @TempDir
    Path dir;

    private ConfigLocation at(Path file) {
        return new ConfigLocation(file, "--config");
    }

    private String errorFor(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        LauncherException e = assertThrows(LauncherException.class, () -> new ConfigReader().read(at(file)));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key      | {\\n  \"profiles\": {\"coding\": {\"lage\": \"qwen3:32b\"}}} | :2:27: unknown key \"lage\" at profiles.coding",
        "wrong type       | {\"defaults\": {\"small\": 4}}                              | :1:24: wrong type at defaults.small: expected a string",
        "object expected  | {\"profiles\": [\"coding\"]}                                | :1:14: wrong type at profiles: expected an object",
        "invalid model    | {\\n\\n \"defaults\": {\"large\": \"qwen 3\"}}                | :3:24: \"qwen 3\" at defaults.large is not a model name",
        "malformed        | {\"host\": \"a\",}                                          | :1:14: Unexpected character",
        "duplicate key    | {\"host\": \"a\", \"host\": \"b\"}                            | :1:21: Duplicate field 'host'",
        "trailing text    | {} {}                                                     | :1:4: unexpected text after the JSON object",
        "not an object    | [1]                                                       | :1:1: expected a JSON object",
        "override model   | {\"profiles\": {\"p\": {\"integrations\": {\"codex\": {\"small\": \"bad name\"}}}}} | :1:57: \"bad name\" at profiles.p.integrations.codex.small is not a model name",
        "integration key  | {\"integrations\": {\"claude\": {\"profle\": \"x\"}}}       | :1:30: unknown key \"profle\" at integrations.claude (known: profile)",
        "number as host   | {\"profiles\": {\"p\": {\"host\": 11434}}}                   | :1:29: wrong type at profiles.p.host: expected a string",
    })
    void badContentIsOneLineWithFileLineAndColumn(String what, String json, String expected) throws IOException {
        String message = errorFor(json.replace("\\n", "\n"));

        assertTrue(message.startsWith(dir.resolve("config.json") + expected.trim()), message);
    }

    @Test
    void emptyFileSaysSo() throws IOException {
        assertTrue(errorFor("").contains("the file is empty"));
    }

    @Test
    void aDirectoryIsRefused() throws IOException {
        Path d = Files.createDirectory(dir.resolve("config.json"));

        LauncherException e = assertThrows(LauncherException.class, () -> new ConfigReader().read(at(d)));

        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    @Test
    void aSymlinkLoopIsRefused() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);

        LauncherException e = assertThrows(LauncherException.class, () -> new ConfigReader().read(at(a)));

        assertTrue(e.getMessage().contains("symlink loop"), e.getMessage());
    }

    @Test
    void aLoopAtTheDefaultLocationIsNotMistakenForNoFile() throws IOException {
        Path a = dir.resolve("config.json");
        Files.createSymbolicLink(a, a);

        assertThrows(LauncherException.class, () -> new ConfigReader().read(new ConfigLocation(a, "default")));
    }

    @Test
    void anUnreadableFileIsRefused() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads any file");
        Path file = Files.writeString(dir.resolve("config.json"), "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));

        LauncherException e = assertThrows(LauncherException.class, () -> new ConfigReader().read(at(file)));

        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
    }

    @Test
    void anExplicitFileMustExistButTheDefaultOneMayNot() {
        Path missing = dir.resolve("nope.json");

        assertThrows(LauncherException.class, () -> new ConfigReader().read(at(missing)));
        assertTrue(new ConfigReader().read(new ConfigLocation(missing, "default")).profiles().isEmpty());
    }

    @Test
    void aValidFileBindsEverything() throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"$schema\": \"x\", \"host\": \"h:1\", "
                + "\"defaults\": {\"small\": \"s:1\"}, \"profiles\": {\"b\": {\"large\": \"l:1\"}, \"a\": {\"model\": \"m:1\"}},"
                + " \"integrations\": {\"claude\": {\"profile\": \"b\"}}}");

        Config c = new ConfigReader().read(at(file));

        assertEquals("h:1", c.host());
        assertEquals("s:1", c.defaults().tiers().get(Tier.SMALL));
        assertEquals(java.util.List.of("b", "a"), java.util.List.copyOf(c.profiles().keySet()), "file order kept");
        assertEquals("b", c.defaultProfile("claude").orElseThrow());
    }
}
