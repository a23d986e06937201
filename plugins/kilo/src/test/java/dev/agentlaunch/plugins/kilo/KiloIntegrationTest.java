package dev.agentlaunch.plugins.kilo;

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
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KiloIntegrationTest {
    private final KiloIntegration kilo = new KiloIntegration();
    private final TierPlan plan = TestPlans.of("http://gpu:11434", "qwen3:32b", "qwen3:14b", "qwen3:4b");

    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static Object at(Object node, String path) {
        for (String key : path.split("\\.")) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    private Object config(TestLaunchContext context) {
        Map<String, String> env = kilo.tierEnv(plan, context);
        assertEquals(1, env.size(), env.toString());
        return Json.host().parse(env.get("KILO_CONFIG_CONTENT"));
    }

    @Test
    void eachTiersKeysInTheInlineConfig() {
        Object config = config(TestLaunchContext.in(tmp));
        assertEquals("@ai-sdk/openai-compatible", at(config, "provider.ollama.npm"));
        assertEquals("http://gpu:11434/v1", at(config, "provider.ollama.options.baseURL"));
        assertEquals("ollama/qwen3:32b", at(config, "model"));
        assertEquals("ollama/qwen3:14b", at(config, "subagent_model"));
        assertEquals("ollama/qwen3:4b", at(config, "small_model"));
        assertEquals("ollama/qwen3:4b", at(config, "agent.explore.model"));
        assertEquals(Map.of("name", "qwen3:14b"), at(config, "provider.ollama.models.qwen3:14b"));
    }

    @Test
    void theUsersInlineConfigIsMergedAndEachReplacedValueSaid() {
        TestLaunchContext context = TestLaunchContext.in(tmp)
                .env("KILO_CONFIG_CONTENT", "{\"share\":\"disabled\", // mine\n\"model\":\"ollama/other\",}");
        Object config = config(context);
        assertEquals("disabled", at(config, "share"));
        assertEquals("ollama/qwen3:32b", at(config, "model"));
        assertEquals(1, context.notes().size(), context.notes().toString());
        assertTrue(context.notes().get(0).startsWith("replacing your KILO_CONFIG_CONTENT model=ollama/other with ollama/qwen3:32b"),
                context.notes().toString());
    }

    @Test
    void aUsersInlineConfigThatIsNotJsonIsRefusedInOneLine() {
        LaunchRefusedException e = assertThrows(LaunchRefusedException.class,
                () -> kilo.tierEnv(plan, TestLaunchContext.in(tmp).env("KILO_CONFIG_CONTENT", "{\"model\": ollama/x")));
        assertTrue(e.getMessage().startsWith("your KILO_CONFIG_CONTENT is not valid JSON ("), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void theUsersOwnModelIsRefusedNamingTheTierFlag() {
        for (String[] args : new String[][] {{"run", "-m", "x"}, {"run", "--model=x"}, {"run", "-mx"}}) {
            LaunchRefusedException e = assertThrows(LaunchRefusedException.class,
                    () -> kilo.tierArgs(plan, TestLaunchContext.in(tmp).toolArgs(args)));
            assertTrue(e.getMessage().startsWith("Kilo Code argument '" + args[1] + "' fights the tier routing")
                    && e.getMessage().contains("--large MODEL"), e.getMessage());
        }
    }

    @Test
    void aServersTokenIsReferencedByItsVariableAsOpenCodeDoesAndNeverShown() {
        String token = "team-token-7f3a9c1e5b2d4086";
        TierPlan behindToken = TestPlans.withToken(plan, "TEAM_TOKEN");
        TestLaunchContext context = TestLaunchContext.in(tmp).env("TEAM_TOKEN", token);
        Object config = Json.host().parse(kilo.tierEnv(behindToken, context).get("KILO_CONFIG_CONTENT"));
        assertEquals("{env:TEAM_TOKEN}", at(config, "provider.ollama.options.apiKey"));
        assertEquals(null, at(config(context), "provider.ollama.options.apiKey"), "no token: no key, as before");

        PrintedPlan shown = PrintedPlan.of(kilo, behindToken, Map.of("TEAM_TOKEN", token), tmp);
        assertFalse(shown.printed().contains(token), shown.printed());
        assertTrue(shown.printed().contains("{env:TEAM_TOKEN}"), shown.printed());
        assertEquals(WireApi.OPENAI_CHAT, kilo.wireApi());
    }
}
