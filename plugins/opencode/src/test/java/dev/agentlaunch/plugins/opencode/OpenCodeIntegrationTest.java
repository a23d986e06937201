package dev.agentlaunch.plugins.opencode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.LaunchRefusedException;
import dev.agentlaunch.api.ModelInfo;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.TierSource;
import dev.agentlaunch.core.testkit.TestLaunchContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenCodeIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenCodeIntegration opencode = new OpenCodeIntegration();
    private TestLaunchContext last;

    private static TierPlan plan(TierSource source, Map<String, ModelInfo> info) {
        return new TierPlan("http://10.0.0.5:11434", Map.of(
                Tier.LARGE, new TierPlan.Assignment("qwen3:32b", source),
                Tier.MEDIUM, new TierPlan.Assignment("qwen3:14b", source),
                Tier.SMALL, new TierPlan.Assignment("qwen3:4b", source)), info);
    }

    private static TierPlan plan() {
        return plan(TierSource.FLAG, Map.of());
    }

    private LaunchContext context(Map<String, String> ambient) {
        return context(ambient, List.of());
    }

    private LaunchContext context(Map<String, String> ambient, List<String> toolArgs) {
        TestLaunchContext context = TestLaunchContext.in(Path.of("target/never-written")).toolArgs(toolArgs.toArray(String[]::new));
        ambient.forEach(context::env);
        last = context;
        return context;
    }

    private JsonNode config(TierPlan plan, String ambient) throws Exception {
        Map<String, String> env = opencode.tierEnv(plan, context(ambient == null ? Map.of() : Map.of("OPENCODE_CONFIG_CONTENT", ambient)));
        assertEquals(Set.of("OPENCODE_CONFIG_CONTENT"), env.keySet());
        return JSON.readTree(env.get("OPENCODE_CONFIG_CONTENT"));
    }

    @Test
    void anOpenAiCompatibleOllamaProviderAtTheServerListingEveryTiersModel() throws Exception {
        JsonNode ollama = config(plan(), null).path("provider").path("ollama");
        assertEquals("@ai-sdk/openai-compatible", ollama.path("npm").asText());
        assertEquals("http://10.0.0.5:11434/v1", ollama.path("options").path("baseURL").asText());
        for (String model : List.of("qwen3:32b", "qwen3:14b", "qwen3:4b")) {
            assertTrue(ollama.path("models").has(model), model + " is listed: OpenCode only routes to listed models");
        }
    }

    @Test
    void aServersTokenGoesByReferenceToItsVariableNeverAsText() throws Exception {
        TierPlan withToken = plan().withServers(new dev.agentlaunch.api.ServerEndpoint("http://gpu:8000", "vllm",
                Optional.of("TEAM_TOKEN")), Map.of());
        JsonNode options = config(withToken, null).path("provider").path("ollama").path("options");
        assertEquals("{env:TEAM_TOKEN}", options.path("apiKey").asText());
        assertEquals("http://gpu:8000/v1", options.path("baseURL").asText());
        assertFalse(config(plan(), null).path("provider").path("ollama").path("options").has("apiKey"), "no token: no apiKey");
        assertEquals(dev.agentlaunch.api.WireApi.OPENAI_CHAT, opencode.wireApi());
    }

    @Test
    void aTierOnItsOwnServerGetsAProviderOfItsOwn() throws Exception {
        TierPlan split = plan().withServers(new dev.agentlaunch.api.ServerEndpoint("http://cluster:8000", "vllm",
                Optional.of("TEAM_TOKEN")), Map.of(Tier.SMALL, dev.agentlaunch.api.ServerEndpoint.ollama("http://127.0.0.1:11434")));
        JsonNode c = config(split, null);
        assertEquals("ollama/qwen3:32b", c.path("model").asText());
        assertEquals("ollama/qwen3:14b", c.path("agent").path("general").path("model").asText());
        assertEquals("server2/qwen3:4b", c.path("small_model").asText());
        assertEquals("server2/qwen3:4b", c.path("agent").path("explore").path("model").asText());
        JsonNode local = c.path("provider").path("server2");
        assertEquals("http://127.0.0.1:11434/v1", local.path("options").path("baseURL").asText());
        assertFalse(local.path("options").has("apiKey"), "the local server has no token");
        assertTrue(local.path("models").has("qwen3:4b"));
        JsonNode cluster = c.path("provider").path("ollama");
        assertEquals("http://cluster:8000/v1", cluster.path("options").path("baseURL").asText());
        assertEquals("{env:TEAM_TOKEN}", cluster.path("options").path("apiKey").asText());
        assertFalse(cluster.path("models").has("qwen3:4b"), "the small tier's model is not on the cluster");
        assertTrue(opencode.supportsServerPerTier());
    }

    @Test
    void eachTierDrivesItsKeys() throws Exception {
        JsonNode c = config(plan(), null);
        assertEquals("ollama/qwen3:32b", c.path("model").asText());
        assertEquals("ollama/qwen3:32b", c.path("agent").path("build").path("model").asText());
        assertEquals("ollama/qwen3:32b", c.path("agent").path("plan").path("model").asText());
        assertEquals("ollama/qwen3:14b", c.path("agent").path("general").path("model").asText());
        assertEquals("ollama/qwen3:4b", c.path("small_model").asText());
        assertEquals("ollama/qwen3:4b", c.path("agent").path("explore").path("model").asText());
    }

    @Test
    void contextWindowsFromTheServerBecomeModelLimits() throws Exception {
        ModelInfo big = new ModelInfo("qwen3:32b", OptionalLong.empty(), OptionalInt.of(40960), Set.of());
        JsonNode models = config(plan(TierSource.FLAG, Map.of("qwen3:32b", big)), null).path("provider").path("ollama").path("models");
        assertEquals(40960, models.path("qwen3:32b").path("limit").path("context").asInt());
        assertTrue(models.path("qwen3:32b").path("limit").path("output").asInt() > 0, "OpenCode rejects a limit without output");
        assertFalse(models.path("qwen3:4b").has("limit"), "no figure invented for a model the server did not describe");
    }

    @Test
    void theUsersOwnInlineConfigIsMergedNotClobbered() throws Exception {
        String mine = "{\"theme\":\"gruvbox\",\"provider\":{\"anthropic\":{\"options\":{\"timeout\":5}}},"
                + "\"agent\":{\"review\":{\"model\":\"anthropic/x\"}}}";
        JsonNode c = config(plan(), mine);
        assertEquals("gruvbox", c.path("theme").asText());
        assertEquals(5, c.path("provider").path("anthropic").path("options").path("timeout").asInt());
        assertEquals("anthropic/x", c.path("agent").path("review").path("model").asText());
        assertEquals("ollama/qwen3:4b", c.path("agent").path("explore").path("model").asText());
    }

    @Test
    void anExplicitTierReplacesTheUsersValueAndSaysSo() throws Exception {
        JsonNode c = config(plan(TierSource.FLAG, Map.of()), "{\"small_model\":\"ollama/tiny:1b\"}");
        assertEquals("ollama/qwen3:4b", c.path("small_model").asText());
        assertTrue(last.notes().stream().anyMatch(n -> n.contains("replacing your OPENCODE_CONFIG_CONTENT small_model=ollama/tiny:1b")), last.notes().toString());
    }

    @Test
    void aDerivedTierKeepsTheUsersValueListsItsModelAndSaysSo() throws Exception {
        JsonNode c = config(plan(TierSource.MODEL, Map.of()), "{\"small_model\":\"ollama/tiny:1b\"}");
        assertEquals("ollama/tiny:1b", c.path("small_model").asText());
        assertTrue(c.path("provider").path("ollama").path("models").has("tiny:1b"));
        assertTrue(last.notes().stream().anyMatch(n -> n.contains("keeping your OPENCODE_CONFIG_CONTENT small_model=ollama/tiny:1b")
                && n.contains("--small")), last.notes().toString());
    }

    @Test
    void theEndpointIsAlwaysTheLaunchersOwn() throws Exception {
        JsonNode c = config(plan(TierSource.MODEL, Map.of()),
                "// my config\n{\"provider\":{\"ollama\":{\"options\":{\"baseURL\":\"http://old:1/v1\"}}},}");
        assertEquals("http://10.0.0.5:11434/v1", c.path("provider").path("ollama").path("options").path("baseURL").asText());
        assertTrue(last.notes().stream().anyMatch(n -> n.contains("baseURL=http://old:1/v1")), last.notes().toString());
    }

    @Test
    void anInlineConfigThatIsNotJsonIsRefusedInOneLineNamingTheVariable() {
        for (String bad : List.of("{\"model\": ", "model=qwen3", "[1,2]")) {
            LaunchRefusedException e = assertThrows(LaunchRefusedException.class, () -> config(plan(), bad), bad);
            assertTrue(e.getMessage().startsWith("your OPENCODE_CONFIG_CONTENT is not"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertFalse(e.getMessage().contains("Source:"), "no parser internals: " + e.getMessage());
        }
    }

    @Test
    void sameInputSameConfig() {
        assertEquals(opencode.tierEnv(plan()), opencode.tierEnv(plan()));
        assertEquals(opencode.tierEnv(plan()), opencode.tierEnv(plan(), context(Map.of())));
    }

    @Test
    void aModelOfTheUsersOwnIsRefusedNamingTheLargeTierFlag() {
        for (List<String> args : List.of(List.of("run", "-m", "ollama/x", "hi"), List.of("--model=ollama/x"))) {
            LaunchRefusedException e = assertThrows(LaunchRefusedException.class, () -> opencode.tierArgs(plan(), context(Map.of(), args)));
            assertTrue(e.getMessage().contains("--large"), e.getMessage());
        }
        assertEquals(List.of(), opencode.tierArgs(plan(), context(Map.of(), List.of("run", "--agent", "plan", "--", "-m"))));
    }

    @Test
    void everyTierSaysWhatItDrives() {
        assertEquals(Set.of(Tier.values()), opencode.tierRoles().keySet());
    }
}
