package dev.agentlaunch.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolVersionTest {
    @TempDir
    Path dir;

    /** An npm-installed tool: bin/x is a symlink into node_modules/<package>/bin. */
    private Path npmTool(String version, String marker) throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("lib/node_modules/@vendor/tool/bin"));
        Files.writeString(pkg.getParent().resolve("package.json"), "{\n  \"name\": \"@vendor/tool\",\n  \"version\": \""
                + version + "\",\n  \"bin\": {\"tool\": \"bin/tool\"}\n}\n");
        Path script = Files.writeString(pkg.resolve("tool"), "#!/bin/sh\ntouch '" + marker + "'\necho 9.9.9\n");
        script.toFile().setExecutable(true);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        return Files.createSymbolicLink(bin.resolve("tool"), script);
    }

    @Test
    void anNpmToolsVersionIsReadFromItsPackageWithoutRunningIt() throws Exception {
        Path marker = dir.resolve("ran");
        Path tool = npmTool("2.1.197", marker.toString());
        assertEquals(Optional.of("2.1.197"), new ToolVersion(Map.of("PATH", "/usr/bin:/bin")).of(tool));
        assertEquals(false, Files.exists(marker), "the tool was not started");
    }

    @Test
    void otherToolsAreAskedForTheirVersion() throws Exception {
        Path tool = Files.writeString(dir.resolve("tool"), "#!/bin/sh\necho 'tool v1.2.3 (build 7)'\n");
        tool.toFile().setExecutable(true);
        assertEquals(Optional.of("1.2.3"), new ToolVersion(Map.of("PATH", "/usr/bin:/bin")).of(tool));
    }

    @Test
    void aProjectsPackageJsonAboveANonNpmToolIsNotTheToolsVersion() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"version\": \"0.0.1\"}");
        Path tool = Files.writeString(Files.createDirectories(dir.resolve("tools")).resolve("tool"), "#!/bin/sh\necho 4.5.6\n");
        tool.toFile().setExecutable(true);
        assertEquals(Optional.of("4.5.6"), new ToolVersion(Map.of("PATH", "/usr/bin:/bin")).of(tool));
    }
}
