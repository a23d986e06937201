package dev.agentlaunch.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tools are found where their own installers put them, and the launcher says where. */
class ExecutableFinderTest {
    @TempDir
    Path tmp;

    private Path home() throws IOException {
        return Files.createDirectories(tmp.resolve("home"));
    }

    private static Path tool(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path p = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private ExecutableFinder.Result find(Map<String, String> env, Path home, List<String> dirs) {
        return new ExecutableFinder(env, Optional.of(home)).find(List.of("claude"), dirs, "Claude Code");
    }

    @Test
    void theToolsOwnInstallDirIsSearchedAfterPathAndNamed() throws IOException {
        Path home = home();
        Path claude = tool(home.resolve(".claude/local"), "claude");
        ExecutableFinder.Result r = find(Map.of("PATH", tmp.resolve("empty").toString()), home, List.of(".local/bin", ".claude/local"));
        assertEquals(Optional.of(claude), r.executable());
        assertEquals("in Claude Code's own install dir ~/.claude/local, not on PATH", r.where());
        assertEquals(Optional.of(claude + " (in Claude Code's own install dir ~/.claude/local, not on PATH)"), r.described());
    }

    @Test
    void pathComesFirst() throws IOException {
        Path home = home();
        tool(home.resolve(".local/bin"), "claude");
        Path onPath = tool(tmp.resolve("bin"), "claude");
        ExecutableFinder.Result r = find(Map.of("PATH", tmp.resolve("bin").toString()), home, List.of(".local/bin"));
        assertEquals(Optional.of(onPath), r.executable());
        assertEquals("on PATH", r.where());
    }

    @Test
    void aPluginDirOutsideHomeIsIgnored() throws IOException {
        Path home = home();
        tool(tmp.resolve("elsewhere"), "claude");
        assertTrue(find(Map.of(), home, List.of("../elsewhere")).executable().isEmpty());
    }

    @Test
    void npmsPrefixFromTheEnvironment() throws IOException {
        Path home = home();
        Path claude = tool(tmp.resolve("npm-prefix/bin"), "claude");
        ExecutableFinder.Result r = find(Map.of("NPM_CONFIG_PREFIX", tmp.resolve("npm-prefix").toString()), home, List.of());
        assertEquals(Optional.of(claude), r.executable());
        assertTrue(r.where().startsWith("in npm's global bin dir (prefix " + tmp.resolve("npm-prefix")), r.where());
    }

    @Test
    void npmsPrefixFromTheUsersNpmrcWithTildeAndVariables() throws IOException {
        Path home = home();
        Path claude = tool(home.resolve("tools/npm/bin"), "claude");
        Files.writeString(home.resolve(".npmrc"), "registry=https://example.invalid/\nprefix = ~/nothing\nprefix=\"~/tools/npm\"\n");
        assertEquals(Optional.of(claude), find(Map.of(), home, List.of()).executable(), "the last prefix line wins");

        Files.writeString(home.resolve(".npmrc"), "prefix=${TOOLS}/npm\n");
        assertEquals(Optional.of(claude), find(Map.of("TOOLS", home.resolve("tools").toString()), home, List.of()).executable());

        Path other = Files.writeString(tmp.resolve("other-npmrc"), "prefix=" + home.resolve("tools/npm") + "\n");
        Files.delete(home.resolve(".npmrc"));
        assertEquals(Optional.of(claude), find(Map.of("npm_config_userconfig", other.toString()), home, List.of()).executable());
    }

    @Test
    void npmsPrefixFromTheGlobalNpmrcNextToNode() throws IOException {
        Path home = home();
        Path node = tmp.resolve("node-dist");
        tool(node.resolve("bin"), "node");
        Files.createDirectories(node.resolve("etc"));
        Files.writeString(node.resolve("etc/npmrc"), "prefix=" + tmp.resolve("global") + "\n");
        Path claude = tool(tmp.resolve("global/bin"), "claude");
        assertEquals(Optional.of(claude), find(Map.of("PATH", node.resolve("bin").toString()), home, List.of()).executable());
    }

    @Test
    void npmCommandsTheLauncherMayRun() {
        assertEquals(Optional.of(List.of("install", "-g", "@anthropic-ai/claude-code")),
                ToolInstaller.npmCommand("npm install -g @anthropic-ai/claude-code"));
        assertEquals(Optional.of(List.of("install", "-g", "opencode-ai@1.18.33")), ToolInstaller.npmCommand("npm i --global opencode-ai@1.18.33"));
        for (String hint : new String[] {"sudo npm install -g x", "npm install x", "npm install -g x; rm -rf ~", "curl -fsSL x | sh",
                "npm install -g $(evil)", "npm install -g", "see https://example.org"}) {
            assertEquals(Optional.empty(), ToolInstaller.npmCommand(hint), hint);
        }
    }
}
