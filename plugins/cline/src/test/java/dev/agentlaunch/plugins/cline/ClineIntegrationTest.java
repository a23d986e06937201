package dev.agentlaunch.plugins.cline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.Json;
import dev.agentlaunch.api.LaunchRefusedException;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
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
}
