package dev.agentlaunch.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    private static final String EXISTING = """
            {
              "host": "gpu-box:11434",
              "defaults": {"small": "qwen3:1.7b"},
              "profiles": {
                "offline": {"model": "qwen3:4b", "integrations": {"codex": {"large": "gpt-oss:20b"}}},
                "coding": {"large": "qwen3:32b"}
              },
              "integrations": {"claude": {"profile": "coding"}}
            }
            """;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("agent-launch/config.json");
    }

    private ConfigLocation location() {
        return new ConfigLocation(file(), "default");
    }

    private Path existing() throws IOException {
        Files.createDirectories(file().getParent());
        return Files.writeString(file(), EXISTING);
    }

    private static Profile tiers(String large, String small) {
        return new Profile(large, null, small, null, null, null);
    }

    private static JsonNode json(Path p) throws IOException {
        return ConfigReader.mapper().readTree(p.toFile());
    }

    @Test
    void firstSaveCreatesTheFileWithItsSchema() throws IOException {
        new ProfileStore(new ConfigReader()).save(location(), "coding", tiers("qwen3:32b", "qwen3:4b"), false);

        JsonNode saved = json(file());
        assertEquals(ProfileStore.SCHEMA_URL, saved.get("$schema").asText());
        assertEquals("qwen3:32b", saved.at("/profiles/coding/large").asText());
        assertEquals("qwen3:4b", saved.at("/profiles/coding/small").asText());
        assertFalse(saved.at("/profiles/coding").has("medium"), "no nulls written");
        assertFalse(Files.exists(AtomicFile.backupOf(file())), "nothing to back up");
    }

    @Test
    void saveKeepsEveryOtherProfileAndSettingInOrder() throws IOException {
        JsonNode before = json(existing());

        new ProfileStore(new ConfigReader()).save(location(), "gpu", tiers("gpt-oss:120b", null), false);

        JsonNode after = json(file());
        assertEquals(before.get("host"), after.get("host"));
        assertEquals(before.get("defaults"), after.get("defaults"));
        assertEquals(before.get("integrations"), after.get("integrations"));
        assertEquals(before.at("/profiles/offline"), after.at("/profiles/offline"));
        assertEquals(before.at("/profiles/coding"), after.at("/profiles/coding"));
        assertEquals(List.of("offline", "coding", "gpu"), names(after.get("profiles")));
        assertEquals(EXISTING, Files.readString(AtomicFile.backupOf(file())), "one backup of the previous file");
    }

    @Test
    void anExistingNameIsRefusedWithoutForceAndTheFileStaysAsItWas() throws IOException {
        existing();

        LauncherException e = assertThrows(LauncherException.class,
                () -> new ProfileStore(new ConfigReader()).save(location(), "coding", tiers("other:1", null), false));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertEquals(EXISTING, Files.readString(file()));
        assertFalse(Files.exists(AtomicFile.backupOf(file())));
    }

    @Test
    void forceReplacesTheProfileAndKeepsThePreviousFileAsTheOneBackup() throws IOException {
        existing();
        ProfileStore store = new ProfileStore(new ConfigReader());

        store.save(location(), "coding", tiers("first:1", null), true);
        String afterFirst = Files.readString(file());
        store.save(location(), "coding", tiers("second:1", null), true);

        assertEquals("second:1", json(file()).at("/profiles/coding/large").asText());
        assertEquals(afterFirst, Files.readString(AtomicFile.backupOf(file())), "the backup is the file just before");
        try (Stream<Path> files = Files.list(file().getParent())) {
            assertEquals(List.of("config.json", "config.json.bak"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temp files left behind");
        }
    }

    @Test
    void aCrashBetweenWriteAndRenameLeavesTheOldFileIntact() throws IOException {
        existing();
        AtomicFile crashing = new AtomicFile((from, to) -> {
            if (to.equals(file().toRealPath())) {
                assertTrue(Files.readString(from).contains("new:1"), "the new content was fully written first");
                throw new IOException("simulated crash before rename");
            }
            AtomicFile.RENAME.move(from, to);
        });

        LauncherException e = assertThrows(LauncherException.class,
                () -> new ProfileStore(new ConfigReader(), crashing).save(location(), "gpu", tiers("new:1", null), false));

        assertEquals(ExitCode.NOT_READY, e.exitCode());
        assertTrue(e.getMessage().contains("the file was not changed"), e.getMessage());
        assertEquals(EXISTING, Files.readString(file()));
        new ConfigReader().read(location());   // still reads cleanly
    }

    @Test
    void anInvalidConfigIsNeverEdited() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"profiles\": {\"x\": {\"lage\": \"a:1\"}}}");

        LauncherException e = assertThrows(LauncherException.class,
                () -> new ProfileStore(new ConfigReader()).save(location(), "gpu", tiers("a:1", null), false));

        assertTrue(e.getMessage().contains("unknown key \"lage\""), e.getMessage());
        assertEquals("{\"profiles\": {\"x\": {\"lage\": \"a:1\"}}}", Files.readString(file()));
    }

    @Test
    void anUnwritableDirectoryIsExit3AndNothingChanges() throws IOException {
        Path notADir = Files.writeString(dir.resolve("agent-launch"), "a file where the directory should be");

        LauncherException e = assertThrows(LauncherException.class,
                () -> new ProfileStore(new ConfigReader()).save(location(), "gpu", tiers("a:1", null), false));

        assertEquals(ExitCode.NOT_READY, e.exitCode());
        assertEquals("a file where the directory should be", Files.readString(notADir));
    }

    @Test
    void aSymlinkedConfigStaysASymlink() throws IOException {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("dotfiles")).resolve("config.json"), EXISTING);
        Files.createDirectories(file().getParent());
        Files.createSymbolicLink(file(), real);

        new ProfileStore(new ConfigReader()).save(location(), "gpu", tiers("a:1", null), false);

        assertTrue(Files.isSymbolicLink(file()));
        assertEquals("a:1", json(real).at("/profiles/gpu/large").asText());
    }

    @Test
    void defaultForMakesItTheIntegrationsDefaultProfile() throws IOException {
        existing();

        new ProfileStore(new ConfigReader()).save(location(), "gpu", tiers("a:1", null), false, List.of("codex", "claude"));

        Config c = new ConfigReader().read(location());
        assertEquals("gpu", c.defaultProfile("codex").orElseThrow());
        assertEquals("gpu", c.defaultProfile("claude").orElseThrow());
    }

    @Test
    void badNamesAndEmptyProfilesAreRefused() {
        ProfileStore store = new ProfileStore(new ConfigReader());

        assertThrows(LauncherException.class, () -> store.save(location(), "my profile", tiers("a:1", null), false));
        assertThrows(LauncherException.class, () -> store.save(location(), "empty", tiers(null, null), false));
        assertFalse(Files.exists(file()));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
