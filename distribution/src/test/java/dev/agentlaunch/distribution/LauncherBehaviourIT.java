package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the assembled launcher does around the tool, with a stub tool that records what it got:
 * hand-off argv and env, exit codes, the environment policy, and that the launcher writes nothing.
 */
class LauncherBehaviourIT {
    @TempDir
    Path home;
    @TempDir
    Path outside;

    StubTool stub;
    Launcher launcher;

    @BeforeEach
    void setUp() throws Exception {
        stub = new StubTool(outside, "claude", 0);
        launcher = new Launcher(home).path(stub.binDir);
    }

    @Test
    void toolArgumentsReachTheToolByteForByte() throws Exception {
        List<String> userArgs = List.of("a b", "it's \"quoted\"", "ünïcødé ✓ 日本", "", "--", "-p", "$HOME `x`", "*",
                "line1\nline2");
        List<String> args = new ArrayList<>(List.of("claude", "--offline", "--large", "qwen3:32b", "--small", "qwen3:4b", "--"));
        args.addAll(userArgs);

        Launcher.Result r = launcher.run(args.toArray(String[]::new));

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(userArgs, stub.argv());
        Map<String, String> env = stub.env();
        assertEquals("qwen3:32b", env.get("ANTHROPIC_DEFAULT_OPUS_MODEL"));
        assertEquals("qwen3:32b", env.get("ANTHROPIC_DEFAULT_SONNET_MODEL"), "medium falls back to the larger tier");
        assertEquals("qwen3:4b", env.get("ANTHROPIC_DEFAULT_HAIKU_MODEL"));
        assertEquals("http://127.0.0.1:11434", env.get("ANTHROPIC_BASE_URL"));
        assertEquals("ollama", env.get("ANTHROPIC_AUTH_TOKEN"));
        assertEquals("", env.get("ANTHROPIC_API_KEY"));
        assertEquals("0", env.get("CLAUDE_CODE_ATTRIBUTION_HEADER"));
        assertFalse(env.containsKey("CLAUDE_CODE_SUBAGENT_MODEL"), "never set: it would override every subagent's tier");
    }

    @Test
    void launcherExitsWithTheToolsExitCode() throws Exception {
        StubTool failing = new StubTool(outside.resolve("failing"), "claude", 7);
        Launcher.Result r = new Launcher(home).path(failing.binDir).run("claude", "--offline", "--model", "qwen3:8b");
        assertEquals(7, r.exitCode(), r::toString);
        assertTrue(failing.ran());
    }

    @Test
    void withoutTheScriptTheJvmRunsTheToolAsAChildAndReturnsItsExitCode() throws Exception {
        StubTool failing = new StubTool(outside.resolve("child"), "claude", 5);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", Launcher.dist().resolve("lib") + "/*",
                "dev.agentlaunch.core.Main", "claude", "--offline", "--large", "qwen3:32b", "--", "-p", "two words")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("PATH", failing.binDir + ":" + Launcher.toolbox());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(5, p.waitFor(), output);
        assertEquals(List.of("-p", "two words"), failing.argv());
        assertEquals("qwen3:32b", failing.env().get("ANTHROPIC_DEFAULT_OPUS_MODEL"));
    }

    @Test
    void launcherWritesNoFileOnDryRunOrLaunch() throws Exception {
        Files.createDirectories(home.resolve(".config"));
        Map<String, String> before = FileTree.snapshot(home);

        assertEquals(0, launcher.run("claude", "--large", "qwen3:32b", "--dry-run").exitCode());
        assertEquals(0, launcher.run("claude", "--offline", "--large", "qwen3:32b", "--", "-p", "hi").exitCode());
        assertEquals(0, launcher.run("list-integrations").exitCode());

        assertTrue(stub.ran());
        assertEquals(before, FileTree.snapshot(home), "nothing under HOME changed");
    }

    @Test
    void derivedTierValuesYieldToTheUsersOwnVariablesAndSaySo() throws Exception {
        Launcher.Result r = launcher.env("ANTHROPIC_DEFAULT_HAIKU_MODEL", "my-small:1")
                .run("claude", "--offline", "--large", "qwen3:32b", "--", "-p", "hi");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("my-small:1", stub.env().get("ANTHROPIC_DEFAULT_HAIKU_MODEL"), "derived small tier yields");
        assertTrue(r.stderr().contains("keeping your ANTHROPIC_DEFAULT_HAIKU_MODEL=my-small:1"), r::toString);
    }

    @Test
    void explicitTierFlagsReplaceTheUsersVariablesAndSaySo() throws Exception {
        Launcher.Result r = launcher.env("ANTHROPIC_DEFAULT_HAIKU_MODEL", "my-small:1")
                .env("ANTHROPIC_API_KEY", "sk-sentinel-secret")
                .run("claude", "--offline", "--large", "qwen3:32b", "--small", "qwen3:4b", "--", "-p", "hi");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("qwen3:4b", stub.env().get("ANTHROPIC_DEFAULT_HAIKU_MODEL"));
        assertEquals("", stub.env().get("ANTHROPIC_API_KEY"), "the launch needs an empty key");
        assertTrue(r.stderr().contains("replacing your ANTHROPIC_DEFAULT_HAIKU_MODEL=my-small:1 with qwen3:4b"), r::toString);
        assertTrue(r.stderr().contains("replacing your ANTHROPIC_API_KEY=****"), r::toString);
        assertFalse(r.stderr().contains("sk-sentinel-secret"), "secrets are masked: " + r);
    }

    @Test
    void dryRunPrintsThePlanAndRunsNothing() throws Exception {
        Launcher.Result r = launcher.env("ANTHROPIC_API_KEY", "sk-sentinel-secret")
                .run("claude", "--large", "qwen3:32b", "--small", "qwen3:4b", "--dry-run", "--", "-p", "hi there");

        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(stub.ran(), "a dry run starts nothing");
        String out = r.stdout();
        assertTrue(out.contains("large   qwen3:32b  --large"), out);
        assertTrue(out.contains("medium  qwen3:32b  from larger tier"), out);
        assertTrue(out.contains("small   qwen3:4b   --small"), out);
        assertTrue(out.contains(stub.binDir.resolve("claude").toString()), out);
        assertTrue(out.contains("-p 'hi there'"), out);
        assertTrue(out.contains("ANTHROPIC_DEFAULT_OPUS_MODEL   = qwen3:32b"), out);
        assertFalse(out.contains("sk-sentinel-secret"), out);
    }

    @Test
    void dryRunNeedsNeitherServerNorTool() throws Exception {
        Launcher.Result r = new Launcher(home).env("OLLAMA_HOST", "127.0.0.1:9")
                .run("claude", "--model", "qwen3:8b", "--dry-run", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("launch: warning: the launch would stop here: the model server at http://127.0.0.1:9"),
                r::toString);
        assertTrue(r.stdout().contains("\"installed\" : false"), r.stdout());
        assertTrue(r.stdout().contains("\"url\" : \"http://127.0.0.1:9\""), r.stdout());
        assertTrue(r.stdout().contains("\"skipped\" : \"the launch would stop"), "the plan says why it has no checks: " + r.stdout());
    }
}
