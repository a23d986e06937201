package dev.agentlaunch.plugins.droid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.Json;
import dev.agentlaunch.api.LaunchRefusedException;
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

class DroidIntegrationTest {
    private final DroidIntegration droid = new DroidIntegration();

    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private Map<String, Object> settings(TierPlan plan, TestLaunchContext context) throws Exception {
        List<String> args = droid.tierArgs(plan, context);
        assertEquals("--settings", args.get(0));
        Path file = Path.of(args.get(1));
        assertTrue(file.startsWith(context.stateDir()), file + " is in the launcher's state dir");
        return (Map<String, Object>) Json.host().parse(Files.readString(file));
    }

    @Test
    void threeTiersAsCustomModelsSessionModelAndSubagentComplexities() throws Exception {
        Map<String, Object> s = settings(TestPlans.of("http://gpu:11434", "qwen3:32b", "qwen3:14b", "qwen3:4b"),
                TestLaunchContext.in(tmp));
        List<?> custom = (List<?>) s.get("customModels");
        assertEquals(3, custom.size());
        Map<?, ?> first = (Map<?, ?>) custom.get(0);
        assertEquals("qwen3:32b", first.get("model"));
        assertEquals("http://gpu:11434/v1", first.get("baseUrl"));
        assertEquals("generic-chat-completion-api", first.get("provider"));
        assertEquals(Map.of("model", "custom:qwen3:32b-0"), s.get("sessionDefaultSettings"));
        assertEquals(Map.of("heavyModel", "custom:qwen3:32b-0", "mediumModel", "custom:qwen3:14b-1",
                "lightModel", "custom:qwen3:4b-2"), s.get("subagentModelSettings"));
        assertEquals(Map.of("FACTORY_AIRGAP_ENABLED", "1"), droid.tierEnv(TestPlans.of("http://h", "a", "a", "a")));
    }

    @Test
    void aTierSharingAModelSharesItsCustomId() throws Exception {
        Map<String, Object> s = settings(TestPlans.of("http://gpu:11434", "big", "big", "small"), TestLaunchContext.in(tmp));
        assertEquals(2, ((List<?>) s.get("customModels")).size());
        assertEquals(Map.of("heavyModel", "custom:big-0", "mediumModel", "custom:big-0", "lightModel", "custom:small-1"),
                s.get("subagentModelSettings"));
    }

    @Test
    void theUsersOwnModelIsRefusedNamingTheTierFlag() {
        LaunchRefusedException e = assertThrows(LaunchRefusedException.class, () -> droid.tierArgs(
                TestPlans.of("http://h", "a", "a", "a"), TestLaunchContext.in(tmp).toolArgs("exec", "--model", "x", "hi")));
        assertTrue(e.getMessage().startsWith("Droid argument '--model' fights the tier routing"), e.getMessage());
    }

    @Test
    void aServersTokenIsReferencedByItsVariableSoTheSettingsFileNeverHoldsIt() throws Exception {
        String token = "team-token-7f3a9c1e5b2d4086";
        TierPlan plan = TestPlans.of("http://gpu:4000", "qwen3:32b", "qwen3:14b", "qwen3:4b");
        TierPlan behindToken = TestPlans.withToken(plan, "TEAM_TOKEN");
        TestLaunchContext context = TestLaunchContext.in(tmp).env("TEAM_TOKEN", token);
        for (Object model : (List<?>) settings(behindToken, context).get("customModels")) {
            assertEquals("${TEAM_TOKEN}", ((Map<?, ?>) model).get("apiKey"), "Droid resolves ${VAR} itself");
        }
        assertEquals("ollama", ((Map<?, ?>) ((List<?>) settings(plan, context).get("customModels")).get(0)).get("apiKey"),
                "no token: Ollama's placeholder");

        PrintedPlan shown = PrintedPlan.of(droid, behindToken, Map.of("TEAM_TOKEN", token), tmp.resolve("launch"));
        assertFalse(shown.printed().contains(token), shown.printed());
        assertFalse(shown.written().contains(token), "no token on disk: " + shown.written());
        assertTrue(shown.written().contains("\"apiKey\":\"${TEAM_TOKEN}\""), shown.written());
        assertEquals(WireApi.OPENAI_CHAT, droid.wireApi());
    }
}
