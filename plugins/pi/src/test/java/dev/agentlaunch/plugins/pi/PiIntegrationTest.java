package dev.agentlaunch.plugins.pi;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PiIntegrationTest {
    private final PiIntegration pi = new PiIntegration();
    private final TierPlan plan = TestPlans.of("http://gpu:11434/", "qwen3:32b", "qwen3:14b", "qwen3:4b");

    @TempDir
    Path tmp;

    @Test
    void aProviderExtensionInTheStateDirAndTheLargeModel() throws Exception {
        TestLaunchContext context = TestLaunchContext.in(tmp).executableVersion("node", "22.23.5");
        List<String> args = pi.tierArgs(plan, context);
        assertEquals("-e", args.get(0));
        Path extension = Path.of(args.get(1));
        assertTrue(extension.startsWith(context.stateDir()), extension + " is in the launcher's state dir");
        assertEquals(List.of("--model", "ollama/qwen3:32b"), args.subList(2, 4));
        String ts = Files.readString(extension);
        assertTrue(ts.contains("pi.registerProvider(\"ollama\", {\"baseUrl\":\"http://gpu:11434/v1\""), ts);
        assertTrue(ts.contains("\"api\":\"openai-completions\""), ts);
        for (String model : List.of("qwen3:32b", "qwen3:14b", "qwen3:4b")) {
            assertTrue(ts.contains("\"id\":\"" + model + "\""), ts);
        }
        assertEquals(args, pi.tierArgs(plan, TestLaunchContext.in(tmp).executableVersion("node", "22.23.5")), "deterministic");
        assertTrue(pi.tierEnv(plan).isEmpty());
    }

    @Test
    void mediumAndSmallFoldIntoLarge() {
        assertTrue(pi.tierRoles().get(Tier.MEDIUM).startsWith("folds into large"));
        assertTrue(pi.tierRoles().get(Tier.SMALL).startsWith("folds into large"));
    }

    @Test
    void aNodeOlderThan22IsRefusedWithTheFix() {
        LaunchRefusedException e = assertThrows(LaunchRefusedException.class,
                () -> pi.tierArgs(plan, TestLaunchContext.in(tmp).executableVersion("node", "20.20.2")));
        assertEquals("Pi needs Node.js 22 or newer and the node on your PATH is 20.20.2: install Node.js 22+ "
                + "(e.g. nvm install 22) and put it first on PATH", e.getMessage());
    }

    @Test
    void theUsersOwnModelOrProviderIsRefusedNamingTheTierFlag() {
        for (List<String> args : List.of(List.of("--model", "x"), List.of("--model=x"), List.of("--provider", "y"))) {
            LaunchRefusedException e = assertThrows(LaunchRefusedException.class,
                    () -> pi.tierArgs(plan, TestLaunchContext.in(tmp).toolArgs(args.toArray(String[]::new))));
            assertTrue(e.getMessage().contains("--large MODEL"), e.getMessage());
        }
        pi.tierArgs(plan, TestLaunchContext.in(tmp).toolArgs("-p", "--", "--model is just prompt text"));
    }

    @Test
    void aServersTokenIsReferencedByItsVariableSoTheExtensionNeverHoldsIt() throws Exception {
        String token = "team-token-7f3a9c1e5b2d4086";
        TierPlan behindToken = TestPlans.withToken(plan, "TEAM_TOKEN");
        TestLaunchContext context = TestLaunchContext.in(tmp).env("TEAM_TOKEN", token);
        String ts = Files.readString(Path.of(pi.tierArgs(behindToken, context).get(1)));
        assertTrue(ts.contains("\"apiKey\":\"${TEAM_TOKEN}\""), "Pi resolves ${VAR} in a provider's key itself: " + ts);
        assertTrue(Files.readString(Path.of(pi.tierArgs(plan, context).get(1))).contains("\"apiKey\":\"ollama\""),
                "no token: Ollama's placeholder");

        PrintedPlan shown = PrintedPlan.of(pi, behindToken, java.util.Map.of("TEAM_TOKEN", token), tmp.resolve("launch"));
        assertFalse(shown.printed().contains(token), shown.printed());
        assertFalse(shown.written().contains(token), "no token on disk: " + shown.written());
        assertTrue(shown.written().contains("${TEAM_TOKEN}"), shown.written());
        assertEquals(WireApi.OPENAI_CHAT, pi.wireApi());
    }
}
