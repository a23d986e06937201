package dev.agentlaunch.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.ServerEndpoint;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.output.Reporter;
import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.server.ApiKey;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.testkit.TestPlans;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server's token stays out of the notes, the state dir and the arguments, whatever a plugin does. */
class TokenGuardTest {
    static final String TOKEN = "team-token-7f3a9c1e5b2d4086";

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    /** A tool that takes its key in FAKE_API_KEY, and optionally misplaces the token. */
    static final class Fake implements Integration {
        final String misplace;

        Fake(String misplace) {
            this.misplace = misplace;
        }

        @Override public String id() { return "fake"; }
        @Override public String displayName() { return "Fake Tool"; }
        @Override public List<String> executableNames() { return List.of("fake-tool"); }
        @Override public String installHint() { return "none"; }
        @Override public Map<Tier, String> tierRoles() { return Map.of(); }
        @Override public Map<String, String> tierEnv(TierPlan plan) { return Map.of(); }

        @Override
        public Map<String, String> tierEnv(TierPlan plan, LaunchContext context) {
            String token = context.ambientEnv().get(plan.apiKeyEnv().orElseThrow());
            Map<String, String> env = new LinkedHashMap<>();
            env.put("FAKE_API_KEY", token);
            if (misplace.equals("note")) {
                context.note("using key " + token);
            }
            return env;
        }

        @Override
        public List<String> tierArgs(TierPlan plan, LaunchContext context) {
            String token = context.ambientEnv().get(plan.apiKeyEnv().orElseThrow());
            if (misplace.equals("file")) {
                context.stateFiles().file(".json", "{\"apiKey\":\"" + token + "\"}");
            }
            return misplace.equals("args") ? List.of("--key", token) : List.of();
        }
    }

    private LaunchPlan map(String misplace) {
        Map<String, String> ambient = Map.of("TEAM_TOKEN", TOKEN, "FAKE_API_KEY", "users-own-other-key",
                "XDG_STATE_HOME", dir.toString());
        TierPlan plan = TestPlans.of("http://gpu:4000", "qwen3:32b", "qwen3:14b", "qwen3:4b")
                .withServers(new ServerEndpoint("http://gpu:4000", "litellm", Optional.of("TEAM_TOKEN")), Map.of());
        LoadedIntegration loaded = new LoadedIntegration(new Fake(misplace), "fake", "1", "", Path.of("fake.jar"), "test");
        return new LaunchPlanner(ambient, Optional.empty(), new Reporter(new PrintWriter(err, true), false, false))
                .map(loaded, plan, ServerAddress.of("http://gpu:4000", "--host"), List.of(),
                        Optional.of(new ApiKey("TEAM_TOKEN", TOKEN, "--api-key-env")));
    }

    @Test
    void replacingTheUsersKeyVariableNamesTheTokensVariableNotTheToken() {
        LaunchPlan plan = map("nothing");
        assertEquals(Optional.of("TEAM_TOKEN"), plan.tokenReference("FAKE_API_KEY"));
        assertFalse(err.toString().contains(TOKEN), err.toString());
        assertTrue(err.toString().contains("replacing your FAKE_API_KEY=**** with $TEAM_TOKEN"), err.toString());
    }

    @Test
    void aPluginsNoteShowsTheVariableInsteadOfTheToken() {
        map("note");
        assertFalse(err.toString().contains(TOKEN), err.toString());
        assertTrue(err.toString().contains("using key $TEAM_TOKEN"), err.toString());
    }

    @Test
    void aPluginWritingTheTokenIntoAStateFileFailsAndNothingIsWritten() throws IOException {
        LauncherException e = assertThrows(LauncherException.class, () -> map("file"));
        assertEquals(ExitCode.PLUGIN, e.exitCode());
        assertTrue(e.getMessage().contains("put the server's token into a file of the launcher's state dir"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
        try (Stream<Path> files = Files.walk(dir)) {
            assertTrue(files.filter(Files::isRegularFile).toList().isEmpty(), "no file written");
        }
    }

    @Test
    void aPluginPuttingTheTokenIntoTheArgumentsFails() {
        LauncherException e = assertThrows(LauncherException.class, () -> map("args"));
        assertEquals(ExitCode.PLUGIN, e.exitCode());
        assertTrue(e.getMessage().contains("put the server's token into the tool's arguments"), e.getMessage());
    }
}
