package dev.agentlaunch.plugins.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.Json;
import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.LaunchRefusedException;
import dev.agentlaunch.api.ModelInfo;
import dev.agentlaunch.api.StateFiles;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.TierPlan.Assignment;
import dev.agentlaunch.api.TierSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeIntegrationTest {
    final ClaudeIntegration claude = new ClaudeIntegration();
    final TierPlan plan = new TierPlan("http://gpu-box:11434/", Map.of(
            Tier.LARGE, new Assignment("qwen3:32b", TierSource.FLAG),
            Tier.MEDIUM, new Assignment("qwen3:14b", TierSource.FLAG),
            Tier.SMALL, new Assignment("qwen3:4b", TierSource.FLAG)), Map.of());

    @TempDir
    Path home;

    final List<String> notes = new ArrayList<>();
    List<String> toolArgs = List.of();
    Map<String, String> ambient = Map.of();

    final LaunchContext context = new LaunchContext() {
        @Override public Map<String, String> ambientEnv() { return ambient; }
        @Override public Optional<Path> home() { return Optional.of(home); }
        @Override public List<String> toolArgs() { return toolArgs; }
        @Override public StateFiles stateFiles() { throw new AssertionError("the Claude plugin writes no file"); }
        @Override public void note(String line) { notes.add(line); }
    };

    TierPlan withLargeContext(int tokens) {
        return plan.withModelInfo(Map.of("qwen3:32b", new ModelInfo("qwen3:32b", OptionalLong.empty(), OptionalInt.of(tokens),
                Set.of("completion", "tools"))));
    }

    @Test
    void mapsEachTierToItsAliasVariables() {
        Map<String, String> env = claude.tierEnv(plan);
        assertEquals("qwen3:32b", env.get("ANTHROPIC_DEFAULT_OPUS_MODEL"));
        assertEquals("qwen3:32b", env.get("ANTHROPIC_DEFAULT_FABLE_MODEL"), "--model fable/best stays on the server");
        assertEquals("qwen3:14b", env.get("ANTHROPIC_DEFAULT_SONNET_MODEL"));
        assertEquals("qwen3:4b", env.get("ANTHROPIC_DEFAULT_HAIKU_MODEL"));
        assertEquals("qwen3:4b", env.get("ANTHROPIC_SMALL_FAST_MODEL"));
        assertEquals(Map.of("ANTHROPIC_DEFAULT_OPUS_MODEL", Tier.LARGE, "ANTHROPIC_DEFAULT_FABLE_MODEL", Tier.LARGE,
                "ANTHROPIC_DEFAULT_SONNET_MODEL", Tier.MEDIUM, "ANTHROPIC_DEFAULT_HAIKU_MODEL", Tier.SMALL,
                "ANTHROPIC_SMALL_FAST_MODEL", Tier.SMALL), claude.tierVariables());
    }

    @Test
    void pointsAtTheServerWithoutV1AndWithAPlaceholderToken() {
        Map<String, String> env = claude.tierEnv(plan);
        assertEquals("http://gpu-box:11434", env.get("ANTHROPIC_BASE_URL"));
        assertEquals("ollama", env.get("ANTHROPIC_AUTH_TOKEN"));
        assertEquals("", env.get("ANTHROPIC_API_KEY"));
        assertEquals("0", env.get("CLAUDE_CODE_ATTRIBUTION_HEADER"));
        assertFalse(env.containsKey("CLAUDE_CODE_SUBAGENT_MODEL"));
    }

    @Test
    void passesItsOwnReadOnlyExploreOnTheHaikuAlias() {
        List<String> args = claude.tierArgs(plan, context);
        assertEquals(2, args.size(), args::toString);
        assertEquals("--agents", args.get(0));
        @SuppressWarnings("unchecked")
        Map<String, Object> explore = (Map<String, Object>) ((Map<?, ?>) Json.host().parse(args.get(1))).get("Explore");
        assertEquals("haiku", explore.get("model"), "follows ANTHROPIC_DEFAULT_HAIKU_MODEL, the small tier");
        assertEquals(Boolean.TRUE, explore.get("omitClaudeMd"));
        assertTrue(((List<?>) explore.get("disallowedTools")).containsAll(List.of("Agent", "Edit", "Write", "NotebookEdit",
                "ExitPlanMode")), explore::toString);
        assertFalse(String.valueOf(explore.get("prompt")).isBlank());
        assertFalse(String.valueOf(explore.get("description")).isBlank());
        assertEquals(args, claude.tierArgs(plan), "the plain mapping shows the same");
        assertEquals(List.of(), claude.toolArgs(plan, context), "no user arguments to merge");
    }

    @Test
    void mergesTheUsersAgentsIntoOneFlagInTheirPlace() {
        toolArgs = List.of("--agents", "{\"old\":{}}", "-p", "hi", "--agents", "{\"reviewer\":{\"description\":\"d\","
                + "\"prompt\":\"p\",\"maxTurns\":3}}", "--verbose");

        List<String> ours = claude.tierArgs(plan, context);
        List<String> passed = claude.toolArgs(plan, context);

        assertFalse(ours.contains("--agents"), "no second --agents before the user's: " + ours);
        assertEquals(List.of("-p", "hi", "--agents", passed.get(3), "--verbose"), passed);
        Map<?, ?> merged = (Map<?, ?>) Json.host().parse(passed.get(3));
        assertEquals(Set.of("Explore", "reviewer"), merged.keySet(), "the last --agents (the one Claude Code reads) plus Explore");
        assertTrue(passed.get(3).endsWith("\"reviewer\":{\"description\":\"d\",\"prompt\":\"p\",\"maxTurns\":3}}"),
                "the user's text passes byte for byte: " + passed.get(3));
        assertEquals(1, notes.stream().filter(n -> n.contains("--agents")).count(), notes::toString);
    }

    @Test
    void theUsersOwnExploreWins() {
        String theirs = "{\"Explore\":{\"description\":\"d\",\"prompt\":\"p\",\"model\":\"sonnet\"}}";
        toolArgs = List.of("--agents=" + theirs);
        assertEquals(List.of("--agents", theirs), claude.toolArgs(plan, context));
        assertEquals(1, notes.size(), notes::toString);
        assertTrue(notes.get(0).contains("replaces the launcher's"), notes::toString);
    }

    @Test
    void agentsThatAreNotAJsonObjectAreRefusedNamingTheFlag() {
        for (List<String> bad : List.of(List.of("--agents", "[1,2]"), List.of("--agents", "{broken"), List.of("--agents"))) {
            toolArgs = bad;
            LaunchRefusedException e = assertThrows(LaunchRefusedException.class, () -> claude.toolArgs(plan, context), bad::toString);
            assertTrue(e.getMessage().contains("--agents"), e.getMessage());
        }
    }

    @Test
    void tellsClaudeCodeTheLargeModelsContextSoItCompactsInTime() {
        Map<String, String> env = claude.tierEnv(withLargeContext(40960));
        assertEquals("40960", env.get("CLAUDE_CODE_MAX_CONTEXT_TOKENS"));
        assertEquals("1", env.get("CLAUDE_CODE_DISABLE_1M_CONTEXT"), "else the [1m] main model keeps a 1M window");
        assertFalse(claude.tierEnv(plan).containsKey("CLAUDE_CODE_MAX_CONTEXT_TOKENS"), "offline: nothing known");
        assertFalse(claude.tierEnv(withLargeContext(1_048_576)).containsKey("CLAUDE_CODE_DISABLE_1M_CONTEXT"), "1M is served");

        ambient = Map.of("CLAUDE_CODE_MAX_CONTEXT_TOKENS", "65536");
        Map<String, String> kept = claude.tierEnv(withLargeContext(40960), context);
        assertFalse(kept.containsKey("CLAUDE_CODE_MAX_CONTEXT_TOKENS"), "the user's own value stays");
        assertTrue(notes.get(0).startsWith("keeping your CLAUDE_CODE_MAX_CONTEXT_TOKENS=65536"), notes::toString);
    }

    @Test
    void aSettingsFilesOwnContextWindowIsLeftToWin() throws Exception {
        Files.createDirectories(home.resolve(".claude"));
        Files.writeString(home.resolve(".claude/settings.json"), "{\"env\":{\"CLAUDE_CODE_MAX_CONTEXT_TOKENS\":\"65536\"}}");
        toolArgs = List.of("-p", "hi");
        List<String> args = claude.tierArgs(withLargeContext(40960), context);
        assertFalse(args.contains("--settings"), "no override of the user's own window: " + args);
        assertEquals(List.of(), notes);
    }

    @Test
    void reportsAnAmbientSubagentOverride() {
        ambient = Map.of("CLAUDE_CODE_SUBAGENT_MODEL", "claude-sonnet-4");
        assertEquals(claude.tierEnv(plan), claude.tierEnv(plan, context));
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("CLAUDE_CODE_SUBAGENT_MODEL=claude-sonnet-4"), notes::toString);
    }

    @Test
    void aServersTokenComesFromTheUsersVariableAndNeverReachesTheArguments() {
        TierPlan withToken = plan.withServers(new dev.agentlaunch.api.ServerEndpoint("http://gpu:8000", "vllm",
                Optional.of("TEAM_TOKEN")), Map.of());
        LaunchContext context = new LaunchContext() {
            public Map<String, String> ambientEnv() {
                return Map.of("TEAM_TOKEN", "s3cret-team-token");
            }

            public Optional<Path> home() {
                return Optional.empty();
            }

            public List<String> toolArgs() {
                return List.of();
            }

            public StateFiles stateFiles() {
                throw new UnsupportedOperationException();
            }

            public void note(String line) {
            }
        };
        assertEquals("s3cret-team-token", claude.tierEnv(withToken, context).get("ANTHROPIC_AUTH_TOKEN"));
        assertEquals("http://gpu:8000", claude.tierEnv(withToken, context).get("ANTHROPIC_BASE_URL"));
        assertFalse(claude.tierEnv(withToken).containsKey("ANTHROPIC_AUTH_TOKEN"),
                "the context-free map (which feeds --settings) never holds the token");
        assertEquals("ollama", claude.tierEnv(plan, context).get("ANTHROPIC_AUTH_TOKEN"), "no token: Ollama's placeholder");
        assertEquals(dev.agentlaunch.api.WireApi.ANTHROPIC_MESSAGES, claude.wireApi());
    }

    @Test
    void reportsAForcedSubagentModel() {
        ambient = Map.of("CLAUDE_CODE_SUBAGENT_MODEL", "qwen3:14b", "CLAUDE_CODE_SUBAGENT_MODEL_FORCE", "1");
        claude.tierEnv(plan, context);
        assertEquals(1, notes.size(), notes::toString);
        assertTrue(notes.get(0).contains("CLAUDE_CODE_SUBAGENT_MODEL_FORCE=1") && notes.get(0).contains("Explore included")
                && notes.get(0).contains("qwen3:14b"), notes::toString);
    }

    @Test
    void interactiveLaunchesGetOneTipAboutAutoModeUnlessAModeIsChosen() throws Exception {
        claude.tierArgs(plan, context);
        assertEquals(1, notes.size(), notes::toString);
        assertTrue(notes.get(0).startsWith("tip: ") && notes.get(0).contains("qwen3:14b")
                && notes.get(0).contains("--permission-mode default"), notes::toString);

        for (List<String> chosen : List.of(List.of("-p", "hi"), List.of("--permission-mode", "plan"),
                List.of("--dangerously-skip-permissions"))) {
            notes.clear();
            toolArgs = chosen;
            claude.tierArgs(plan, context);
            assertEquals(List.of(), notes, chosen::toString);
        }
        toolArgs = List.of();
        notes.clear();
        Files.createDirectories(home.resolve(".claude"));
        Files.writeString(home.resolve(".claude/settings.json"), "{\"permissions\":{\"defaultMode\":\"auto\"}}");
        claude.tierArgs(plan, context);
        assertEquals(List.of(), notes, "their settings chose a mode");
    }

    @Test
    void everyTierHasARole() {
        for (Tier tier : Tier.values()) {
            assertFalse(claude.tierRoles().getOrDefault(tier, "").isBlank(), tier.id());
        }
        assertTrue(claude.tierRoles().get(Tier.SMALL).contains("Explore"));
        assertTrue(claude.tierRoles().get(Tier.MEDIUM).contains("auto-mode"));
    }

    @Test
    void declaresTheProvenRangeOldestFirst() {
        assertEquals(List.of("2.1.197", "2.1.332"), claude.provenToolVersions());
    }
}
