package dev.agentlaunch.plugins.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.StateFiles;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.TierPlan.Assignment;
import dev.agentlaunch.api.TierSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaudeIntegrationTest {
    final ClaudeIntegration claude = new ClaudeIntegration();
    final TierPlan plan = new TierPlan("http://gpu-box:11434/", Map.of(
            Tier.LARGE, new Assignment("qwen3:32b", TierSource.FLAG),
            Tier.MEDIUM, new Assignment("qwen3:14b", TierSource.FLAG),
            Tier.SMALL, new Assignment("qwen3:4b", TierSource.FLAG)), Map.of());

    @Test
    void mapsEachTierToItsAliasVariable() {
        Map<String, String> env = claude.tierEnv(plan);
        assertEquals("qwen3:32b", env.get("ANTHROPIC_DEFAULT_OPUS_MODEL"));
        assertEquals("qwen3:14b", env.get("ANTHROPIC_DEFAULT_SONNET_MODEL"));
        assertEquals("qwen3:4b", env.get("ANTHROPIC_DEFAULT_HAIKU_MODEL"));
        assertEquals(Map.of("ANTHROPIC_DEFAULT_OPUS_MODEL", Tier.LARGE, "ANTHROPIC_DEFAULT_SONNET_MODEL", Tier.MEDIUM,
                "ANTHROPIC_DEFAULT_HAIKU_MODEL", Tier.SMALL), claude.tierVariables());
    }

    @Test
    void pointsAtTheServerWithoutV1AndWithAPlaceholderToken() {
        Map<String, String> env = claude.tierEnv(plan);
        assertEquals("http://gpu-box:11434", env.get("ANTHROPIC_BASE_URL"));
        assertEquals("ollama", env.get("ANTHROPIC_AUTH_TOKEN"));
        assertEquals("", env.get("ANTHROPIC_API_KEY"));
        assertEquals("0", env.get("CLAUDE_CODE_ATTRIBUTION_HEADER"));
        assertFalse(env.containsKey("CLAUDE_CODE_SUBAGENT_MODEL"));
        assertEquals(List.of(), claude.tierArgs(plan));
    }

    @Test
    void reportsAnAmbientSubagentOverride() {
        List<String> notes = new ArrayList<>();
        LaunchContext context = new LaunchContext() {
            public Map<String, String> ambientEnv() {
                return Map.of("CLAUDE_CODE_SUBAGENT_MODEL", "claude-sonnet-4");
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
                notes.add(line);
            }
        };
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
    void everyTierHasARole() {
        for (Tier tier : Tier.values()) {
            assertFalse(claude.tierRoles().getOrDefault(tier, "").isBlank(), tier.id());
        }
    }
}
