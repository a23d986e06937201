package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --help}, {@code --version} and {@code list-integrations} of the assembled launcher. */
class HelpAndListingIT {
    @TempDir
    Path home;
    @TempDir
    Path outside;

    @Test
    void topLevelHelpListsIntegrationsExamplesAndExitCodes() throws Exception {
        Launcher.Result r = new Launcher(home).run("--help");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("claude"), r.stdout());
        assertTrue(r.stdout().contains("list-integrations"), r.stdout());
        assertTrue(r.stdout().contains("launch claude --large qwen3:32b --medium qwen3:14b --small qwen3:4b"), r.stdout());
        assertTrue(r.stdout().contains("3  environment not ready"), r.stdout());
    }

    @Test
    void integrationHelpSaysWhatEachTierDrivesInTheTool() throws Exception {
        Launcher.Result r = new Launcher(home).run("claude", "--help");
        assertEquals(0, r.exitCode(), r::toString);
        String flat = r.stdout().replaceAll("\\s+", " ");
        assertTrue(flat.contains("--large=MODEL Model for the large tier: main conversation"), r.stdout());
        assertTrue(flat.contains("(ANTHROPIC_DEFAULT_OPUS_MODEL, ANTHROPIC_DEFAULT_FABLE_MODEL)"), r.stdout());
        assertTrue(flat.contains("--small=MODEL Model for the small tier: session titles, the Explore subagent"), r.stdout());
        assertTrue(flat.contains("(ANTHROPIC_DEFAULT_HAIKU_MODEL, ANTHROPIC_SMALL_FAST_MODEL)"), r.stdout());
    }

    @Test
    void versionNamesLauncherAndApi() throws Exception {
        Launcher.Result r = new Launcher(home).run("--version");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().matches("(?s)agent-launch \\S+ \\(launcher-api 1\\.\\d+\\.\\d+, Java .*"), r.stdout());
    }

    @Test
    void listIntegrationsShowsInstalledStateAndPlugin() throws Exception {
        StubTool stub = new StubTool(outside, "claude", 0);
        Launcher.Result r = new Launcher(home).path(stub.binDir).run("list-integrations");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().startsWith("claude       Claude Code"), r.stdout());
        assertTrue(r.stdout().contains("installed: " + stub.binDir.resolve("claude")), r.stdout());
        assertTrue(r.stdout().contains("plugin    claude "), r.stdout());
        assertTrue(r.stdout().contains("built-in"), r.stdout());

        Launcher.Result missing = new Launcher(home).run("list-integrations", "--json");
        assertEquals(0, missing.exitCode(), missing::toString);
        String flat = missing.stdout().replaceAll("\\s+", "");
        assertTrue(flat.contains("\"id\":\"claude\",\"name\":\"ClaudeCode\",\"installed\":false"), missing.stdout());
        assertTrue(flat.contains("\"small\":\"sessiontitles,"), missing.stdout());
    }

    @Test
    void builtInPluginsDeclareTheToolVersionsTheE2eTestsPin() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode lock = json.readTree(Path.of("agents/package-lock.json").toFile()).path("packages");
        Launcher.Result r = new Launcher(home).run("list-integrations", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        java.util.Map<String, String> packages = java.util.Map.of("claude", "@anthropic-ai/claude-code",
                "codex", "@openai/codex", "opencode", "opencode-ai", "copilot", "@github/copilot", "kilo", "@kilocode/cli",
                "droid", "droid", "cline", "cline", "kimi", "@moonshot-ai/kimi-code", "pi", "@earendil-works/pi-coding-agent");
        com.fasterxml.jackson.databind.JsonNode rows = json.readTree(r.stdout()).path("integrations");
        java.util.Set<String> ids = new java.util.HashSet<>();
        rows.forEach(row -> ids.add(row.path("id").asText()));
        assertTrue(ids.containsAll(packages.keySet()), "the nine built-ins are listed: " + r.stdout());
        for (com.fasterxml.jackson.databind.JsonNode row : rows) {
            if (!packages.containsKey(row.path("id").asText())) {
                continue;
            }
            String pinned = lock.path("node_modules/" + packages.get(row.path("id").asText())).path("version").asText();
            assertTrue(row.path("provenToolVersions").toString().contains("\"" + pinned + "\""),
                    row.path("id").asText() + " declares the pinned " + pinned + ": " + row);
        }
    }

    @Test
    void noIntegrationGivenIsAUsageError() throws Exception {
        Launcher.Result r = new Launcher(home).run();
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("launch: error: missing integration"), r::toString);
    }
}
