package dev.agentlaunch.plugins.cline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.Json;
import dev.agentlaunch.api.LaunchRefusedException;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.WireApi;
import dev.agentlaunch.core.testkit.PrintedPlan;
import dev.agentlaunch.core.testkit.TestLaunchContext;
import dev.agentlaunch.core.testkit.TestPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClineIntegrationTest {
    private final ClineIntegration cline = new ClineIntegration();
    private final TierPlan plan = TestPlans.of("http://gpu:11434", "qwen3:32b", "qwen3:14b", "qwen3:4b");

    @TempDir
    Path tmp;

    @Test
    void aConfigDirInTheStateDirWithOneOpenAiCompatibleProviderOnLarge() throws Exception {
        TestLaunchContext context = TestLaunchContext.in(tmp);
        List<String> args = cline.tierArgs(plan, context);
        assertEquals("--config", args.get(0));
        Path dir = Path.of(args.get(1));
        assertTrue(dir.startsWith(context.stateDir()), dir + " is in the launcher's state dir");
        Map<?, ?> root = (Map<?, ?>) Json.host().parse(Files.readString(dir.resolve("data/settings/providers.json")));
        assertEquals("openai-compatible", root.get("lastUsedProvider"));
        Map<?, ?> entry = (Map<?, ?>) ((Map<?, ?>) root.get("providers")).get("openai-compatible");
        assertTrue(entry.containsKey("updatedAt"), "Cline ignores an entry without updatedAt");
        assertEquals(Map.of("provider", "openai-compatible", "apiKey", "ollama", "model", "qwen3:32b",
                "baseUrl", "http://gpu:11434/v1"), entry.get("settings"));
        assertEquals(args, cline.tierArgs(plan, TestLaunchContext.in(tmp)), "deterministic");
    }

    @Test
    void noHubDaemonAndOneModel() {
        assertEquals(Map.of("CLINE_SESSION_BACKEND_MODE", "local"), cline.tierEnv(plan));
        assertTrue(cline.tierRoles().get(Tier.MEDIUM).startsWith("folds into large"));
        assertTrue(cline.tierRoles().get(Tier.SMALL).startsWith("folds into large"));
    }

    @Test
    void theUsersOwnModelProviderOrConfigIsRefused() {
        for (String flag : List.of("-m", "--model", "-P", "--provider", "--config", "--data-dir")) {
            LaunchRefusedException e = assertThrows(LaunchRefusedException.class,
                    () -> cline.tierArgs(plan, TestLaunchContext.in(tmp).toolArgs(flag, "x", "hi")));
            assertTrue(e.getMessage().startsWith("Cline argument '" + flag + "' fights the tier routing"), e.getMessage());
        }
    }

    @Test
    void aServersTokenGoesToClineThroughOpenAiApiKeyFromTheUsersVariableNeverIntoProvidersJson() throws Exception {
        String token = "team-token-7f3a9c1e5b2d4086";
        TierPlan behindToken = TestPlans.withToken(plan, "TEAM_TOKEN");
        TestLaunchContext context = TestLaunchContext.in(tmp).env("TEAM_TOKEN", token);
        Path dir = Path.of(cline.tierArgs(behindToken, context).get(1));
        Map<?, ?> root = (Map<?, ?>) Json.host().parse(Files.readString(dir.resolve("data/settings/providers.json")));
        Map<?, ?> settings = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) root.get("providers")).get("openai-compatible")).get("settings");
        assertFalse(settings.containsKey("apiKey"), "Cline sends an apiKey as written (no ${VAR}), and one there beats the variable");
        assertEquals(token, cline.tierEnv(behindToken, context).get("OPENAI_API_KEY"));
        assertFalse(cline.tierEnv(plan, context).containsKey("OPENAI_API_KEY"), "no token: the placeholder in providers.json");

        PrintedPlan shown = PrintedPlan.of(cline, behindToken, Map.of("TEAM_TOKEN", token, "OPENAI_API_KEY", "sk-users-own"),
                tmp.resolve("launch"));
        assertEquals(java.util.Optional.of("TEAM_TOKEN"), shown.plan().tokenReference("OPENAI_API_KEY"));
        assertFalse(shown.printed().contains(token) || shown.printed().contains("sk-users-own"), shown.printed());
        assertTrue(shown.printed().contains("replacing your OPENAI_API_KEY=**** with $TEAM_TOKEN"), shown.printed());
        assertFalse(shown.written().contains(token), "no token on disk: " + shown.written());
        assertEquals(WireApi.OPENAI_CHAT, cline.wireApi());
    }
}
