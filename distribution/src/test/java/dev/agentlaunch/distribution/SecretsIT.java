package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run seeded with a sentinel secret in every kind of secret-named variable: no output path
 * of the launcher (plan, JSON, listings, env, doctor, notes, warnings, errors, --debug) ever shows it, while
 * the launcher's own placeholder token is shown as it is.
 */
class SecretsIT {
    static final String SENTINEL = "sentinel-5ecret-9f3a";
    /** Names with KEY, TOKEN, SECRET, PASSWORD in any position and case, some the launch itself sets. */
    static final List<String> SECRET_VARIABLES = List.of("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "OPENAI_API_KEY",
            "AWS_SECRET_ACCESS_KEY", "DB_PASSWORD", "github_token", "MyKeyring", "ANTHROPIC_DEFAULT_HAIKU_MODEL_KEY");

    @TempDir
    Path home;
    @TempDir
    Path outside;

    @Test
    void noOutputOfAnyRunShowsTheSentinel() throws Exception {
        StubTool stub = new StubTool(outside, "claude", 0);
        Launcher launcher = new Launcher(home).path(stub.binDir).env("OLLAMA_HOST", "127.0.0.1:9");
        for (int i = 0; i < SECRET_VARIABLES.size(); i++) {
            launcher.env(SECRET_VARIABLES.get(i), SENTINEL + "-" + i);
        }

        Map<String, Launcher.Result> runs = new LinkedHashMap<>();
        runs.put("dry run", launcher.run("claude", "--offline", "--large", "qwen3:32b", "--small", "qwen3:4b", "--dry-run"));
        runs.put("dry run --json", launcher.run("claude", "--offline", "--model", "qwen3:8b", "--dry-run", "--json"));
        runs.put("--debug dry run", launcher.run("--debug", "claude", "--offline", "--model", "qwen3:8b", "--dry-run"));
        runs.put("launch", launcher.run("--debug", "claude", "--offline", "--model", "qwen3:8b", "--", "-p", "hi"));
        runs.put("list-integrations", launcher.run("--debug", "list-integrations"));
        runs.put("list-integrations --json", launcher.run("list-integrations", "--json"));
        runs.put("bad model name", launcher.run("--debug", "claude", "--offline", "--large", "no good", "--dry-run"));
        runs.put("unknown option", launcher.run("claude", "--bogus", "--model", "qwen3:8b"));
        runs.put("unknown integration", launcher.run("--debug", "cluade", "--model", "qwen3:8b"));
        runs.put("tool missing", new Launcher(home).env("ANTHROPIC_API_KEY", SENTINEL)
                .run("--debug", "claude", "--offline", "--model", "qwen3:8b"));
        runs.put("env", launcher.run("env", "claude", "--model", "qwen3:8b"));
        runs.put("--debug env", launcher.run("--debug", "env", "claude", "--large", "qwen3:32b", "--small", "qwen3:4b"));
        runs.put("doctor (server down)", launcher.run("--debug", "doctor", "claude", "--model", "qwen3:8b"));
        runs.put("doctor --json", launcher.run("doctor", "claude", "--model", "qwen3:8b", "--json"));
        runs.put("launch, server down", launcher.run("--debug", "claude", "--model", "qwen3:8b"));
        runs.put("help", launcher.run("claude", "--help"));
        runs.put("completion", launcher.run("completion", "bash"));

        List<String> leaks = new ArrayList<>();
        runs.forEach((what, r) -> {
            if (r.stdout().contains(SENTINEL) || r.stderr().contains(SENTINEL)) {
                leaks.add(what + ":\n" + r);
            }
        });
        assertTrue(leaks.isEmpty(), "the sentinel secret was printed by: " + leaks);

        Launcher.Result plan = runs.get("dry run");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.stderr().contains("replacing your ANTHROPIC_AUTH_TOKEN=**** with ollama"), plan::toString);
        assertTrue(plan.stdout().contains("ANTHROPIC_AUTH_TOKEN") && plan.stdout().contains("= ollama"),
                "the launcher's own placeholder token is shown: " + plan.stdout());
        assertTrue(runs.get("dry run --json").stdout().replaceAll("\\s+", "")
                .contains("\"name\":\"ANTHROPIC_AUTH_TOKEN\",\"value\":\"ollama\",\"action\":\"replaced\",\"yours\":\"****\""),
                runs.get("dry run --json")::toString);
        assertEquals(0, runs.get("launch").exitCode(), runs.get("launch")::toString);
        assertEquals(SENTINEL + "-3", stub.env().get("AWS_SECRET_ACCESS_KEY"), "the tool still gets the user's secrets");
        assertFalse(runs.get("--debug dry run").stderr().isEmpty(), "--debug printed something to check");
    }
}
