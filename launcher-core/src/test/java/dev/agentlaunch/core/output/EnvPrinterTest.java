package dev.agentlaunch.core.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.process.LaunchPlan;
import dev.agentlaunch.core.process.LaunchPlanner;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.tiers.TierRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvPrinterTest {
    /** Values a shell gets wrong when quoted naively. */
    static final List<String> HARD = List.of("", "plain", "two words", "it's", "\"double\"", "back\\slash", "$HOME `id` $(id)",
            "line one\nline two", "tab\there", "*?[glob]", "ünïcødé ‘curly’", "trailing newline\n", "'", "-n");

    @TempDir
    Path dir;

    /** A stand-in integration: one tier variable per tier, an endpoint and a placeholder token. */
    static final class Fake implements Integration {
        @Override public String id() { return "fake"; }
        @Override public String displayName() { return "Fake Tool"; }
        @Override public List<String> executableNames() { return List.of("fake-tool"); }
        @Override public String installHint() { return "none"; }
        @Override public Map<Tier, String> tierRoles() { return Map.of(); }
        @Override public Map<String, Tier> tierVariables() { return Map.of("FAKE_LARGE", Tier.LARGE, "FAKE_SMALL", Tier.SMALL); }
        @Override public Map<String, String> tierEnv(TierPlan plan) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("FAKE_URL", plan.endpoint());
            env.put("FAKE_API_KEY", "");
            env.put("FAKE_AUTH_TOKEN", "placeholder");
            env.put("FAKE_LARGE", plan.model(Tier.LARGE));
            env.put("FAKE_SMALL", plan.model(Tier.SMALL));
            return env;
        }
    }

    private static LaunchPlan plan(Map<String, String> ambient, List<String> toolArgs) {
        LoadedIntegration li = new LoadedIntegration(new Fake(), "fake", "1", "", Path.of("fake.jar"), "test");
        return new LaunchPlanner(ambient, Optional.empty(), new Reporter(new PrintWriter(new StringWriter()), true, false))
                .plan(li, TierRequest.ofFlags(Map.of(Tier.LARGE, "qwen3:32b"), null),
                        ServerAddress.resolve("127.0.0.1:9", null), toolArgs);
    }

    private static String print(LaunchPlan plan, Shell shell) {
        StringWriter out = new StringWriter();
        new EnvPrinter(new PrintWriter(out), shell).print(plan);
        return out.toString();
    }

    @Test
    void printsTheLaunchsValuesAndNeverTheUsersSecrets() {
        Map<String, String> ambient = Map.of("FAKE_API_KEY", "sk-users-own-secret", "FAKE_AUTH_TOKEN", "tok-users-own",
                "FAKE_SMALL", "users-small:1");

        String out = print(plan(ambient, List.of()), Shell.POSIX);

        assertTrue(out.contains("export FAKE_API_KEY=''\n"), out);
        assertTrue(out.contains("export FAKE_AUTH_TOKEN='placeholder'\n"), out);
        assertTrue(out.contains("export FAKE_LARGE='qwen3:32b'\n"), out);
        assertTrue(out.contains("# keeping your own FAKE_SMALL"), "a derived tier yields to the user's variable: " + out);
        assertFalse(out.contains("sk-users-own-secret") || out.contains("tok-users-own") || out.contains("users-small"), out);
        assertTrue(out.endsWith("# then run: fake-tool\n"), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "/bin/dash", "/bin/bash"})
    void posixOutputEvaluatesToTheExactValuesAndArgvNeverRuns(String sh) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(sh)), sh + " not installed");
        for (String value : HARD) {
            Path marker = dir.resolve("pwned");
            String line = Shell.POSIX.export("X", value);
            String comment = Shell.POSIX.comment("then run: " + Shell.POSIX.command(List.of("tool", "a\ntouch " + marker)));

            String got = run(sh, line + "\n" + comment + "\nprintf '%s' \"$X\"");

            assertEquals(value, got, "value " + value);
            assertFalse(Files.exists(marker), "a newline in a comment must not run the rest");
        }
    }

    private static String run(String sh, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(sh, "-c", "eval \"$1\"", "sh", script).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void fishQuotesOnlyBackslashAndQuote() {
        assertEquals("set -gx X 'it\\'s a \\\\ $HOME\nnext'", Shell.FISH.export("X", "it's a \\ $HOME\nnext"));
    }

    @Test
    void powershellDoublesEveryKindOfSingleQuote() {
        assertEquals("$env:X = 'it''s ‘‘x’’ $HOME'", Shell.POWERSHELL.export("X", "it's ‘x’ $HOME"));
        assertEquals("& 'claude' -p 'a b'", Shell.POWERSHELL.command(List.of("claude", "-p", "a b")));
    }

    @Test
    void theArgvCommentShowsTheToolsArgumentsAfterTheIntegrations() {
        String out = print(plan(Map.of(), List.of("-p", "explain this")), Shell.POSIX);

        assertTrue(out.endsWith("# then run: fake-tool -p 'explain this'\n"), out);
    }
}
