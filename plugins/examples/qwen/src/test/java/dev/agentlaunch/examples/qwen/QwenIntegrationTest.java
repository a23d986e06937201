package dev.agentlaunch.examples.qwen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.core.testkit.TestLaunchContext;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.TierPlan.Assignment;
import dev.agentlaunch.api.TierSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping a plugin author tests without any tool or server: plan in, env and args out. */
class QwenIntegrationTest {
    final QwenIntegration qwen = new QwenIntegration();
    final TierPlan plan = new TierPlan("http://gpu-box:11434/", Map.of(
            Tier.LARGE, new Assignment("qwen3:32b", TierSource.FLAG),
            Tier.MEDIUM, new Assignment("qwen3:14b", TierSource.FLAG),
            Tier.SMALL, new Assignment("qwen3:4b", TierSource.FLAG)), Map.of());

    @TempDir
    Path dir;

    TestLaunchContext last;

    /** The plugin authors' test kit's context: the launcher's real state-dir writer under dir/state. */
    LaunchContext context(Map<String, String> env, Path home, List<String> toolArgs) {
        last = TestLaunchContext.in(dir).home(home).toolArgs(toolArgs.toArray(String[]::new));
        env.forEach(last::env);
        return last;
    }

    @Test
    void largeIsTheMainModelOnTheServersOpenAiEndpoint() {
        Map<String, String> env = qwen.tierEnv(plan);
        assertEquals("http://gpu-box:11434/v1", env.get("OPENAI_BASE_URL"));
        assertEquals("qwen3:32b", env.get("OPENAI_MODEL"));
        assertFalse(env.get("OPENAI_API_KEY").isEmpty(), "Qwen Code refuses an empty key");
        assertEquals(List.of("--auth-type", "openai", "--model", "qwen3:32b"), qwen.tierArgs(plan));
        assertEquals(Map.of("OPENAI_MODEL", Tier.LARGE), qwen.tierVariables());
    }

    @Test
    void smallIsFastModelInASessionSettingsFileListingBothModels() throws IOException {
        Map<String, String> env = qwen.tierEnv(plan, context(Map.of(), null, List.of()));

        Path settings = Path.of(env.get("QWEN_CODE_SYSTEM_SETTINGS_PATH"));
        assertTrue(settings.startsWith(dir.resolve("state")), "the file is in the launcher's state dir: " + settings);
        assertEquals("{\"fastModel\":\"qwen3:4b\",\"agents\":{\"builtin\":{\"exploreModel\":\"fast\"}},\"modelProviders\":{\"openai\":["
                + "{\"id\":\"qwen3:32b\",\"name\":\"qwen3:32b\",\"baseUrl\":\"http://gpu-box:11434/v1\",\"envKey\":\"OPENAI_API_KEY\"},"
                + "{\"id\":\"qwen3:4b\",\"name\":\"qwen3:4b\",\"baseUrl\":\"http://gpu-box:11434/v1\",\"envKey\":\"OPENAI_API_KEY\"}]}}\n",
                Files.readString(settings));
        assertFalse(Files.readString(settings).contains("qwen3:14b"), "medium folds into large");
        assertTrue(last.notes().isEmpty(), () -> last.notes().toString());
    }

    @Test
    void mediumIsDeclaredFoldedIntoLarge() {
        assertTrue(qwen.tierRoles().get(Tier.MEDIUM).contains("folded into large"), qwen.tierRoles()::toString);
        for (Tier tier : Tier.values()) {
            assertFalse(qwen.tierRoles().getOrDefault(tier, "").isBlank(), tier.id());
        }
    }

    @Test
    void saysWhatTheSettingsLayerHidesOfTheUsersOwnSettings() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".qwen"));
        String users = "{\"fastModel\":\"gpt-4o-mini\",\"modelProviders\":{\"openai\":[{\"id\":\"gpt-4o-mini\"}]}}";
        Files.writeString(home.resolve(".qwen/settings.json"), users);

        qwen.tierEnv(plan, context(Map.of("QWEN_CODE_SYSTEM_SETTINGS_PATH", "/etc/site-qwen.json"), home, List.of()));

        assertEquals(2, last.notes().size(), () -> last.notes().toString());
        assertTrue(last.notes().get(0).contains("QWEN_CODE_SYSTEM_SETTINGS_PATH=/etc/site-qwen.json is not read"), () -> last.notes().toString());
        assertTrue(last.notes().get(1).contains("modelProviders of " + home.resolve(".qwen/settings.json")), () -> last.notes().toString());
        assertEquals(users, Files.readString(home.resolve(".qwen/settings.json")), "the user's file is untouched");
    }

    @Test
    void theUsersOwnModelOrAuthArgumentsWin() {
        LaunchContext ctx = context(Map.of(), null, List.of("--model", "other:7b", "-p", "hi"));
        assertEquals(List.of("--auth-type", "openai"), qwen.tierArgs(plan, ctx));
        ctx = context(Map.of(), null, List.of("--auth-type=qwen-oauth"));
        assertEquals(List.of("--model", "qwen3:32b"), qwen.tierArgs(plan, ctx));
    }

    @Test
    void settingsAreValidJsonEvenForOddNames() {
        String odd = "a\"b\\c\u0001";
        TierPlan oddPlan = new TierPlan("http://h:1", Map.of(Tier.LARGE, new Assignment(odd, TierSource.FLAG),
                Tier.MEDIUM, new Assignment(odd, TierSource.FLAG), Tier.SMALL, new Assignment(odd, TierSource.FLAG)), Map.of());
        Map<?, ?> settings = (Map<?, ?>) dev.agentlaunch.api.Json.host().parse(QwenIntegration.settings(oddPlan));
        assertEquals(odd, settings.get("fastModel"));
    }

    @Test
    void declaresTheToolVersionsItWasProvenOnOldestFirst() {
        assertEquals(List.of("0.15.10", "0.24.4"), qwen.provenToolVersions());
        assertTrue(qwen.installHint().endsWith("@0.24.4"));
    }
}
