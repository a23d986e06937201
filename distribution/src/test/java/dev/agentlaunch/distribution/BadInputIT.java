package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the assembled launcher: each case is one line on stderr that names the problem
 * and the fix, the documented exit code, no stack trace, and no file changed.
 */
class BadInputIT {
    @TempDir
    Path home;
    @TempDir
    Path outside;

    Launcher.Result expectError(Launcher launcher, int exitCode, String expected, String... args) throws Exception {
        Map<String, String> before = FileTree.snapshot(home);
        Launcher.Result r = launcher.run(args);
        assertEquals(exitCode, r.exitCode(), r::toString);
        assertEquals(1, r.stderrLines().size(), "one line on stderr: " + r);
        String line = r.stderrLines().get(0);
        assertTrue(line.startsWith("launch: error: "), r::toString);
        assertTrue(line.contains(expected), "stderr names '" + expected + "': " + r);
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), "no stack trace: " + r);
        JavaNames.assertNone(r.stderr(), String.join(" ", args));
        assertEquals(before, FileTree.snapshot(home), "no file changed");
        return r;
    }

    Launcher launcher() {
        return new Launcher(home);
    }

    @Test
    void unknownIntegrationSuggestsTheClosestOne() throws Exception {
        expectError(launcher(), 2, "did you mean 'claude'?", "cluade", "--model", "qwen3:8b");
    }

    @Test
    void noModelForAnyTierNamesTheFlags() throws Exception {
        Launcher.Result r = expectError(launcher(), 2, "no model for any tier", "claude", "--dry-run");
        assertTrue(r.stderr().contains("--large") && r.stderr().contains("--model"), r::toString);
    }

    @Test
    void invalidModelNameIsRejectedBeforeAnythingRuns() throws Exception {
        expectError(launcher(), 2, "invalid model name 'qwen 3' for --large", "claude", "--large", "qwen 3", "--dry-run");
    }

    @Test
    void emptyTierValueIsRejected() throws Exception {
        expectError(launcher(), 2, "--large needs a model name", "claude", "--large", "", "--dry-run");
    }

    @Test
    void unknownFlagIsRejected() throws Exception {
        expectError(launcher(), 2, "unknown option '--bogus' for 'launch claude'", "claude", "--bogus", "--model", "qwen3:8b");
    }

    @Test
    void toolOptionsBeforeTheDoubleDashPointToIt() throws Exception {
        expectError(launcher(), 2, "after --", "claude", "--model", "qwen3:8b", "-p", "hi");
    }

    @Test
    void missingToolPrintsTheInstallHint() throws Exception {
        // A PATH of its own: a machine may have Claude Code installed system-wide.
        Path empty = Files.createDirectories(outside.resolve("empty-bin"));
        expectError(launcher().env("PATH", empty.toString()), 3, "npm install -g @anthropic-ai/claude-code",
                "claude", "--model", "qwen3:8b");
    }

    @Test
    void toolThatIsNotExecutableSaysHowToFixIt() throws Exception {
        Path bin = Files.createDirectories(outside.resolve("bin"));
        Path claude = Files.writeString(bin.resolve("claude"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(claude, PosixFilePermissions.fromString("rw-r--r--"));
        expectError(launcher().path(bin), 3, "chmod +x " + claude, "claude", "--model", "qwen3:8b");
    }

    @Test
    void invalidServerAddressIsRejected() throws Exception {
        expectError(launcher(), 2, "invalid server address", "claude", "--model", "qwen3:8b", "--host", "http://h:99999", "--dry-run");
    }

    @Test
    void missingPluginsDirWarnsAndBuiltInsStillWork() throws Exception {
        Launcher.Result r = launcher().run("--plugins-dir", outside.resolve("nope").toString(), "list-integrations");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("launch: warning: plugins dir ") && r.stderr().contains("does not exist"), r::toString);
        assertTrue(r.stdout().startsWith("claude "), r::toString);
    }

    @Test
    void pluginJarThatIsNotAJarIsSkippedAndNamed() throws Exception {
        Path dir = Files.createDirectories(outside.resolve("plugins"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path bad = Files.writeString(dir.resolve("broken.jar"), "this is not a zip file");
        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-r--r--"));

        Launcher.Result list = launcher().run("--plugins-dir", dir.toString(), "list-integrations");
        assertEquals(0, list.exitCode(), list::toString);
        assertTrue(list.stdout().contains("claude "), "built-ins still listed: " + list);
        assertTrue(list.stdout().contains("FAILED") && list.stdout().contains(bad.toString()), list::toString);

        Launcher.Result launch = launcher().run("--plugins-dir", dir.toString(), "claude", "--model", "qwen3:8b", "--dry-run", "--offline");
        assertEquals(0, launch.exitCode(), launch::toString);
        assertEquals(1, launch.stderrLines().size(), launch::toString);
        assertTrue(launch.stderr().contains("launch: warning: plugin " + bad + " skipped"), launch::toString);
    }

    @Test
    void pluginsDirWritableByOthersIsRefused() throws Exception {
        Path dir = Files.createDirectories(outside.resolve("open-plugins"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Launcher.Result r = launcher().run("--plugins-dir", dir.toString(), "list-integrations");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("chmod go-w " + dir), r::toString);
    }
}
