package dev.agentlaunch.plugins.codex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.LaunchRefusedException;
import dev.agentlaunch.api.ModelInfo;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.TierSource;
import dev.agentlaunch.api.Toml;
import dev.agentlaunch.core.testkit.TestLaunchContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodexIntegrationTest {
    private final CodexIntegration codex = new CodexIntegration();

    @TempDir
    Path state;

    private static TierPlan plan(Map<String, ModelInfo> info) {
        return new TierPlan("http://127.0.0.1:11434/", Map.of(
                Tier.LARGE, new TierPlan.Assignment("gpt-oss:120b", TierSource.FLAG),
                Tier.MEDIUM, new TierPlan.Assignment("gpt-oss:20b", TierSource.FLAG),
                Tier.SMALL, new TierPlan.Assignment("qwen3:4b", TierSource.FLAG)), info);
    }

    private static ModelInfo context(String model, int tokens) {
        return new ModelInfo(model, OptionalLong.empty(), OptionalInt.of(tokens), Set.of());
    }

    /** The value of {@code -c key=value} in args, or null. */
    private static String config(List<String> args, String key) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-c") && args.get(i + 1).startsWith(key + "=")) {
                return args.get(i + 1).substring(key.length() + 1);
            }
        }
        return null;
    }

    @Test
    void aServersTokenGoesByTheNameOfItsVariableAsTheProvidersEnvKey() {
        TierPlan withToken = plan(Map.of()).withServers(new dev.agentlaunch.api.ServerEndpoint("http://gpu:8000", "vllm",
                java.util.Optional.of("TEAM_TOKEN")), Map.of());
        List<String> args = codex.tierArgs(withToken, TestLaunchContext.in(state));
        assertEquals("\"TEAM_TOKEN\"", config(args, "model_providers.agent_launch.env_key"));
        assertEquals("\"vLLM (agent-launch)\"", config(args, "model_providers.agent_launch.name"));
        assertEquals("\"http://gpu:8000/v1\"", config(args, "model_providers.agent_launch.base_url"));
        assertEquals(null, config(codex.tierArgs(plan(Map.of()), TestLaunchContext.in(state)), "model_providers.agent_launch.env_key"));
        assertEquals(dev.agentlaunch.api.WireApi.OPENAI_RESPONSES, codex.wireApi());
    }

    @Test
    void pointsCodexAtTheServerThroughItsOwnResponsesProvider() {
        List<String> args = codex.tierArgs(plan(Map.of()), TestLaunchContext.in(state));
        String provider = config(args, "model_provider");
        assertEquals("\"agent_launch\"", provider);
        assertFalse(List.of("\"openai\"", "\"ollama\"", "\"lmstudio\"").contains(provider), "reserved ids are ignored by Codex");
        assertEquals("\"http://127.0.0.1:11434/v1\"", config(args, "model_providers.agent_launch.base_url"));
        assertEquals("\"responses\"", config(args, "model_providers.agent_launch.wire_api"));
        assertTrue(codex.tierEnv(plan(Map.of())).isEmpty(), "no env: nothing that could leak into other tools");
    }

    @Test
    void largeTierIsTheMainModelAndMediumTheReviewModel() {
        List<String> args = codex.tierArgs(plan(Map.of()), TestLaunchContext.in(state));
        assertEquals("gpt-oss:120b", args.get(args.indexOf("-m") + 1));
        assertEquals("\"gpt-oss:20b\"", config(args, "review_model"));
    }

    @Test
    void explorerAndWorkerRolesCarryTheSmallAndMediumModelsInRoleFilesInTheStateDir() throws IOException {
        List<String> args = codex.tierArgs(plan(Map.of()), TestLaunchContext.in(state));
        for (String[] role : new String[][] {{"explorer", "qwen3:4b"}, {"worker", "gpt-oss:20b"}}) {
            assertTrue(config(args, "agents." + role[0] + ".description").length() > 2, "Codex ignores a role without a description");
            String file = config(args, "agents." + role[0] + ".config_file");
            Path path = Path.of(file.substring(1, file.length() - 1));
            assertTrue(path.startsWith(state), path + " is in the launcher's state dir");
            assertTrue(Files.readString(path).contains("model = \"" + role[1] + "\"\n"), Files.readString(path));
        }
    }

    @Test
    void contextWindowFromTheServerGoesToCodexAndToEachRole() throws IOException {
        TierPlan checked = plan(Map.of("gpt-oss:120b", context("gpt-oss:120b", 131072), "qwen3:4b", context("qwen3:4b", 40960)));
        List<String> args = codex.tierArgs(checked, TestLaunchContext.in(state));
        assertEquals("131072", config(args, "model_context_window"));
        String explorer = config(args, "agents.explorer.config_file");
        assertTrue(Files.readString(Path.of(explorer.substring(1, explorer.length() - 1))).contains("model_context_window = 40960"));
        String worker = config(args, "agents.worker.config_file");
        assertFalse(Files.readString(Path.of(worker.substring(1, worker.length() - 1))).contains("model_context_window"),
                "no figure for a model the server did not describe");
    }

    @Test
    void withoutServerFiguresNoContextWindowIsInvented() {
        assertEquals(null, config(codex.tierArgs(plan(Map.of()), TestLaunchContext.in(state)), "model_context_window"));
    }

    @Test
    void sameInputSameArguments() {
        assertEquals(codex.tierArgs(plan(Map.of()), TestLaunchContext.in(state)), codex.tierArgs(plan(Map.of()), TestLaunchContext.in(state)));
    }

    @Test
    void refusesUserArgumentsThatFightTheTiersNamingTheFlagToUse() {
        Map<List<String>, String> cases = Map.of(
                List.of("-m", "o3"), "--large",
                List.of("exec", "--model=o3", "hi"), "--large",
                List.of("-p", "work"), "--profile",
                List.of("-c", "model=\"o3\""), "--large",
                List.of("--config", "model_providers.x.base_url=\"http://h/v1\""), "--host",
                List.of("-cmodel_provider=x"), "--host",
                List.of("-c", "review_model=\"o3\""), "--medium",
                List.of("-c", "agents.explorer.config_file=\"/x.toml\""), "--small",
                List.of("--oss"), "--host");
        cases.forEach((args, flag) -> {
            LaunchRefusedException e = assertThrows(LaunchRefusedException.class,
                    () -> codex.tierArgs(plan(Map.of()), TestLaunchContext.in(state).toolArgs(args.toArray(String[]::new))), args.toString());
            assertTrue(e.getMessage().contains(flag), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        });
    }

    @Test
    void letsThroughArgumentsThatDoNotTouchTheTiers() {
        for (List<String> args : List.of(
                List.of("exec", "--skip-git-repo-check", "use -m to pick a model"),
                List.of("-c", "model_reasoning_effort=\"high\"", "--full-auto"),
                List.of("exec", "--", "-m"),
                List.of("-c", "analytics.enabled=false", "exec", "review", "--uncommitted"))) {
            codex.tierArgs(plan(Map.of()), TestLaunchContext.in(state).toolArgs(args.toArray(String[]::new)));
        }
    }

    @Test
    void tomlStringsEscapeWhatTomlRequires() {
        assertEquals("\"C:\\\\x \\\"y\\\"\\n\"", Toml.string("C:\\x \"y\"\n"));
    }

    @Test
    void everyTierSaysWhatItDrives() {
        assertEquals(Set.of(Tier.values()), codex.tierRoles().keySet());
        assertTrue(codex.tierRoles().get(Tier.SMALL).contains("explorer"));
    }
}
