package dev.agentlaunch.plugins.copilot;

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

class CopilotIntegrationTest {
    private final CopilotIntegration copilot = new CopilotIntegration();
    private final TierPlan plan = TestPlans.of("http://gpu:11434", "qwen3:32b", "qwen3:14b", "qwen3:4b");

    @TempDir
    Path tmp;

    @Test
    void byokVariablesCarryTheEndpointAndTheLargeModelAndCopilotsHomeStaysPut() {
        Map<String, String> env = copilot.tierEnv(plan);
        assertEquals("http://gpu:11434/v1", env.get("COPILOT_PROVIDER_BASE_URL"));
        assertEquals("qwen3:32b", env.get("COPILOT_MODEL"));
        assertFalse(env.containsKey("COPILOT_HOME"), "moving Copilot's home would move its sessions and login");
        assertEquals(Map.of("COPILOT_MODEL", Tier.LARGE), copilot.tierVariables());
        assertTrue(copilot.tierRoles().get(Tier.SMALL).startsWith("folds into large"));
        assertTrue(copilot.tierRoles().get(Tier.MEDIUM).contains("COPILOT_HOME"), "the fold says why");
    }

    @Test
    void theUsersOwnModelIsRefusedNamingTheTierFlag() {
        LaunchRefusedException e = assertThrows(LaunchRefusedException.class,
                () -> copilot.tierArgs(plan, TestLaunchContext.in(tmp).toolArgs("--model", "gpt-5", "-p", "hi")));
        assertTrue(e.getMessage().startsWith("GitHub Copilot CLI argument '--model' fights the tier routing")
                && e.getMessage().contains("--large MODEL"), e.getMessage());
    }

    @Test
    void aServersTokenGoesInCopilotsKeyVariableFromTheUsersOwnAndIsNeverShown() {
        String token = "team-token-7f3a9c1e5b2d4086";
        TierPlan behindToken = TestPlans.withToken(plan, "TEAM_TOKEN");
        TestLaunchContext context = TestLaunchContext.in(tmp).env("TEAM_TOKEN", token);
        assertEquals(token, copilot.tierEnv(behindToken, context).get("COPILOT_PROVIDER_API_KEY"));
        assertFalse(copilot.tierEnv(plan, context).containsKey("COPILOT_PROVIDER_API_KEY"),
                "no token: no key, and Copilot sends no Authorization header");

        PrintedPlan shown = PrintedPlan.of(copilot, behindToken, Map.of("TEAM_TOKEN", token), tmp);
        assertEquals(java.util.Optional.of("TEAM_TOKEN"), shown.plan().tokenReference("COPILOT_PROVIDER_API_KEY"));
        assertFalse(shown.printed().contains(token), shown.printed());
        assertTrue(java.util.regex.Pattern.compile("COPILOT_PROVIDER_API_KEY += \\$TEAM_TOKEN ").matcher(shown.printed()).find(),
                "shown as a reference to the user's variable: " + shown.printed());
        assertEquals(WireApi.OPENAI_CHAT, copilot.wireApi());
    }
}
