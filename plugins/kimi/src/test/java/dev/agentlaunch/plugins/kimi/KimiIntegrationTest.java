package dev.agentlaunch.plugins.kimi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.LaunchRefusedException;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.WireApi;
import dev.agentlaunch.core.testkit.PrintedPlan;
import dev.agentlaunch.core.testkit.TestLaunchContext;
import dev.agentlaunch.core.testkit.TestPlans;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KimiIntegrationTest {
    private final KimiIntegration kimi = new KimiIntegration();
    private final TierPlan plan = TestPlans.of("http://gpu:11434", "qwen3:32b", "qwen3:14b", "qwen3:4b");

    @TempDir
    Path tmp;

    @Test
    void envOnlyTheLargeModelOnTheServersOpenAiEndpointAndKimisHomeStaysPut() {
        Map<String, String> env = kimi.tierEnv(plan);
        assertEquals("openai", env.get("KIMI_MODEL_PROVIDER_TYPE"));
        assertEquals("http://gpu:11434/v1", env.get("KIMI_MODEL_BASE_URL"));
        assertEquals("qwen3:32b", env.get("KIMI_MODEL_NAME"));
        assertEquals("ollama", env.get("KIMI_MODEL_API_KEY"), "Kimi requires a key once a model name is set");
        assertFalse(env.containsKey("KIMI_CODE_HOME"), "moving Kimi's home would move its sessions and credentials");
        assertTrue(kimi.tierRoles().get(Tier.MEDIUM).contains("KIMI_CODE_HOME"), "the fold says why");
    }

    @Test
    void aNodeOlderThan22IsRefusedWithTheFixAndNode22Passes() {
        LaunchRefusedException e = assertThrows(LaunchRefusedException.class,
                () -> kimi.tierArgs(plan, TestLaunchContext.in(tmp).executableVersion("node", "v18.19.0")));
        assertEquals("Kimi Code needs Node.js 22 or newer and the node on your PATH is 18.19.0: install Node.js 22+ "
                + "(e.g. nvm install 22) and put it first on PATH", e.getMessage());
        assertTrue(kimi.tierArgs(plan, TestLaunchContext.in(tmp).executableVersion("node", "24.1.0")).isEmpty());
    }

    @Test
    void theUsersOwnModelIsRefusedNamingTheTierFlag() {
        LaunchRefusedException e = assertThrows(LaunchRefusedException.class,
                () -> kimi.tierArgs(plan, TestLaunchContext.in(tmp).toolArgs("-m", "k2", "-p", "hi")));
        assertTrue(e.getMessage().startsWith("Kimi Code argument '-m' fights the tier routing"), e.getMessage());
    }

    @Test
    void aServersTokenReplacesThePlaceholderKeyFromTheUsersOwnVariableAndIsNeverShown() {
        String token = "team-token-7f3a9c1e5b2d4086";
        TierPlan behindToken = TestPlans.withToken(plan, "TEAM_TOKEN");
        TestLaunchContext context = TestLaunchContext.in(tmp).env("TEAM_TOKEN", token);
        assertEquals(token, kimi.tierEnv(behindToken, context).get("KIMI_MODEL_API_KEY"));
        assertEquals("ollama", kimi.tierEnv(plan, context).get("KIMI_MODEL_API_KEY"), "no token: Ollama's placeholder");

        PrintedPlan shown = PrintedPlan.of(kimi, behindToken, Map.of("TEAM_TOKEN", token), tmp);
        assertEquals(java.util.Optional.of("TEAM_TOKEN"), shown.plan().tokenReference("KIMI_MODEL_API_KEY"));
        assertFalse(shown.printed().contains(token), shown.printed());
        assertTrue(java.util.regex.Pattern.compile("KIMI_MODEL_API_KEY += \\$TEAM_TOKEN ").matcher(shown.printed()).find(),
                "shown as a reference to the user's variable: " + shown.printed());
        assertEquals(WireApi.OPENAI_CHAT, kimi.wireApi());
    }
}
