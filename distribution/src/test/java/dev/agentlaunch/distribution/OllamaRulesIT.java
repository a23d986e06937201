package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import dev.agentlaunch.core.sim.SimModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Ollama accepts, end to end through {@code bin/launch}: Ollama Cloud tiers with the REAL
 * Claude Code, the user's kept tier variables checked like tier models, and usage errors before
 * environment errors.
 */
class OllamaRulesIT {
    @TempDir
    Path tmp;

    OllamaSimulator sim;

    @BeforeEach
    void start() {
        sim = OllamaSimulator.start()
                .addModel(SimModel.named("qwen3:4b").sizeBytes(2_600_000_000L).contextLength(40960))
                .addModel(SimModel.named("qwen3:32b").sizeBytes(20_200_000_000L).contextLength(40960))
                .addCloudModel(SimModel.named("gpt-oss:20b").sizeBytes(13_000_000_000L).contextLength(131072));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Launcher claude() throws Exception {
        return new Launcher(tmp, true).env("OLLAMA_HOST", sim.url());
    }

    @Test
    void aCloudTierLaunchesTheRealClaudeCodeAndOnlyTheLocalModelCountsInMemory() throws Exception {
        Launcher launcher = claude();
        launcher.requireTool("claude");

        Launcher.Result r = launcher.run("claude", "--large", "gpt-oss:20b:cloud", "--small", "qwen3:4b", "--", "-p", "say hi");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("Hello from the simulator"), r::toString);
        List<RecordedRequest> turns = sim.requests("/v1/messages");
        assertFalse(turns.isEmpty(), r::toString);
        assertTrue(turns.stream().anyMatch(t -> "gpt-oss:20b:cloud".equals(t.model())),
                "the main turn carries the name the tool was given: " + turns);
        String memory = r.stderrLines().stream().filter(l -> l.startsWith("launch: memory ")).findFirst().orElseThrow(
                () -> new AssertionError("a memory line: " + r));
        assertTrue(memory.matches("launch: memory 2\\.6 GB for 1 model of .*; gpt-oss:20b:cloud runs on Ollama Cloud \\(no memory here\\)"),
                memory);
        assertTrue(sim.requests("/api/pull").isEmpty(), "a cloud model is never pulled");
    }

    @Test
    void aDryRunShowsTheCloudModelWithTheContextTheServerReports() throws Exception {
        Launcher.Result r = claude().run("claude", "--large", "gpt-oss:20b:cloud", "--small", "qwen3:4b", "--memory", "8GB",
                "--dry-run");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("gpt-oss:20b:cloud  present, Ollama Cloud (no memory here), context 131072, tools; large and medium tiers"),
                r::toString);
        assertTrue(r.stdout().contains("memory       2.6 GB for 1 model of 8 GB --memory: fits; gpt-oss:20b:cloud runs on Ollama Cloud"),
                r::toString);
    }

    @Test
    void notSignedInToOllamaCloudSaysOllamaSignin() throws Exception {
        sim.cloudSignedIn(false);
        Launcher launcher = claude();
        launcher.requireTool("claude");

        Launcher.Result r = launcher.run("claude", "--large", "gpt-oss:20b:cloud", "--small", "qwen3:4b", "--pull", "--", "-p", "hi");

        assertEquals(3, r.exitCode(), r::toString);
        assertEquals(List.of("launch: error: gpt-oss:20b:cloud (large and medium tiers) runs on Ollama Cloud and the server at "
                + sim.url() + " is not signed in to ollama.com; run 'ollama signin' where the server runs, then launch again"),
                r.stderrLines());
        assertTrue(sim.requests("/api/pull").isEmpty() && sim.requests("/v1/messages").isEmpty(), sim.requests()::toString);
    }

    @Test
    void aKeptTierVariableTheServerLacksStopsTheLaunchBeforeClaudeStarts() throws Exception {
        Launcher launcher = claude().env("ANTHROPIC_DEFAULT_HAIKU_MODEL", "claude-3-5-haiku-latest");
        launcher.requireTool("claude");

        Launcher.Result r = launcher.run("claude", "--model", "qwen3:32b", "--", "-p", "say hi");

        assertEquals(3, r.exitCode(), r::toString);
        assertEquals(List.of("launch: error: your ANTHROPIC_DEFAULT_HAIKU_MODEL=claude-3-5-haiku-latest is not on the model server at "
                + sim.url() + " (kept because the small tier's model was only derived); pass --small MODEL to replace it for this "
                + "session, or unset ANTHROPIC_DEFAULT_HAIKU_MODEL"), r.stderrLines(), "one line");
        assertTrue(sim.requests("/v1/messages").isEmpty() && sim.requests("/").isEmpty(),
                "Claude Code never started: " + sim.requests());
        assertTrue(sim.requests("/api/show").stream().anyMatch(q -> "claude-3-5-haiku-latest".equals(q.model())),
                "the server was asked for the kept model: " + sim.requests());

        Launcher.Result dry = launcher.run("claude", "--model", "qwen3:32b", "--dry-run");
        assertEquals(0, dry.exitCode(), dry::toString);
        assertTrue(dry.stdout().contains("claude-3-5-haiku-latest  MISSING; your ANTHROPIC_DEFAULT_HAIKU_MODEL"), dry::toString);
        assertTrue(dry.stderr().contains("the launch would stop: your ANTHROPIC_DEFAULT_HAIKU_MODEL=claude-3-5-haiku-latest"),
                dry::toString);

        sim.addModels("claude-3-5-haiku-latest");
        Launcher.Result kept = launcher.run("claude", "--model", "qwen3:32b", "--", "-p", "say hi");
        assertEquals(0, kept.exitCode(), "once the server has it, the launch keeps the user's variable: " + kept);
    }

    @Test
    void usageErrorsComeBeforeAMissingToolAndADeadServer() throws Exception {
        Launcher nothing = new Launcher(tmp, false).env("OLLAMA_HOST", "127.0.0.1:9");

        Launcher.Result refused = nothing.run("codex", "--model", "qwen3:8b", "--", "-m", "gpt-5");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().contains("Codex argument '-m' fights the tier routing"), refused::toString);

        Launcher.Result badName = nothing.run("claude", "--model", "hf.co/model");
        assertEquals(2, badName.exitCode(), badName::toString);
        assertTrue(badName.stderr().contains("invalid model name 'hf.co/model' for --model: its namespace 'hf.co' holds '.'"),
                badName::toString);

        Launcher.Result emptyHost = nothing.run("claude", "--model", "qwen3:8b", "--host", "http://");
        assertEquals(2, emptyHost.exitCode(), emptyHost::toString);
        assertTrue(emptyHost.stderr().contains("invalid server address 'http://' in --host (no host after http://)"),
                emptyHost::toString);

        Launcher.Result env = nothing.run("claude", "--model", "qwen3:8b");
        assertEquals(3, env.exitCode(), "and with a good command line, the environment's problem: " + env);
    }

    @Test
    void ollamaHostIsReadWithItsQuotesAndSpaces() throws Exception {
        Launcher.Result r = claude().env("OLLAMA_HOST", " \"" + sim.url() + "\" ")
                .run("claude", "--model", "qwen3:4b", "--dry-run");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("server       " + sim.url() + " (OLLAMA_HOST)"), r::toString);
        assertFalse(sim.requests("/api/show").isEmpty(), "the quoted address reached the server");
    }

    /** A stub Claude Code in its native installer's place under a temporary HOME, not on PATH. */
    @Test
    void aToolInItsInstallersDirIsFoundAndTheLauncherSaysWhere() throws Exception {
        Launcher launcher = new Launcher(tmp, false);
        StubTool stub = new StubTool(tmp.resolve("stub"), "claude", 0);
        Path native_ = Files.createDirectories(launcher.home.resolve(".local/bin"));
        Files.move(stub.binDir.resolve("claude"), native_.resolve("claude"));

        Launcher.Result list = launcher.run("list-integrations");
        assertTrue(list.stdout().contains("installed: " + native_.resolve("claude")
                + ", in Claude Code's own install dir ~/.local/bin, not on PATH"), list::toString);

        Launcher.Result dry = launcher.run("claude", "--model", "qwen3:8b", "--offline", "--dry-run");
        assertTrue(dry.stdout().contains("executable   " + native_.resolve("claude")
                + " (in Claude Code's own install dir ~/.local/bin, not on PATH)"), dry::toString);

        Launcher.Result r = launcher.run("claude", "--model", "qwen3:8b", "--offline", "--", "-p", "hi");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("-p", "hi"), stub.argv().subList(stub.argv().size() - 2, stub.argv().size()), "the stub ran");
    }

    /** OpenCode's own install dir, and npm's global prefix from the user's npmrc. */
    @Test
    void openCodesInstallDirAndNpmsPrefixAreSearchedToo() throws Exception {
        Launcher launcher = new Launcher(tmp, false);
        StubTool opencode = new StubTool(tmp.resolve("oc"), "opencode", 0);
        Path ocDir = Files.createDirectories(launcher.home.resolve(".opencode/bin"));
        Files.move(opencode.binDir.resolve("opencode"), ocDir.resolve("opencode"));
        StubTool codex = new StubTool(tmp.resolve("cx"), "codex", 0);
        Path prefix = Files.createDirectories(launcher.home.resolve("npm-tools/bin"));
        Files.move(codex.binDir.resolve("codex"), prefix.resolve("codex"));
        Files.writeString(launcher.home.resolve(".npmrc"), "prefix=~/npm-tools\n");

        Launcher.Result list = launcher.run("list-integrations");
        assertTrue(list.stdout().contains("installed: " + ocDir.resolve("opencode")
                + ", in OpenCode's own install dir ~/.opencode/bin, not on PATH"), list::toString);
        assertTrue(list.stdout().contains("installed: " + prefix.resolve("codex") + ", in npm's global bin dir (prefix "
                + launcher.home.resolve("npm-tools") + "), not on PATH"), list::toString);
    }
}
