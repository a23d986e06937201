package dev.agentlaunch.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.TierPlan.Assignment;
import dev.agentlaunch.api.TierSource;
import dev.agentlaunch.core.server.ServerAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-off shell, evaluated by a real /bin/sh exactly as bin/launch does. */
class HandoffScriptTest {
    @TempDir
    Path dir;

    @Test
    void exportsAnyValueAndExecsWithTheUsersOwnArguments() throws Exception {
        String tricky = "it's \"a\" $HOME `x` \\ \n second line ✓";
        TierPlan tiers = new TierPlan("http://h:1", Map.of(Tier.LARGE, new Assignment("m", TierSource.FLAG),
                Tier.MEDIUM, new Assignment("m", TierSource.FLAG), Tier.SMALL, new Assignment("m", TierSource.FLAG)), Map.of());
        LaunchPlan plan = new LaunchPlan(null, tiers, new ServerAddress("http://h:1", "default"), List.of("--tier arg", "'"),
                List.of(), List.of(new EnvEntry("TRICKY", tricky, EnvEntry.Action.SET, null, null),
                new EnvEntry("KEPT_ONE", "mine", EnvEntry.Action.KEPT, "mine", "derived")),
                new ExecutableFinder.Result(Optional.empty(), Optional.empty()));
        Path tool = dir.resolve("tool");
        Files.writeString(tool, "#!/bin/sh\nprintf '%s\\n' \"$TRICKY\" > \"$OUT/env\"\nfor a in \"$@\"; do printf '%s\\000' \"$a\"; done > \"$OUT/argv\"\n");
        tool.toFile().setExecutable(true);
        Path script = dir.resolve("handoff.sh");
        // The script's own arguments: 3 launcher arguments (incl. --), then the user's.
        Files.writeString(script, Handoff.script(plan, tool, 3));

        Process p = new ProcessBuilder("/bin/sh", "-c", "OUT=" + dir + "; export OUT; . " + script, "sh",
                "claude", "--model", "--", "user arg", "").inheritIO().start();
        assertEquals(0, p.waitFor());

        assertEquals(tricky + "\n", Files.readString(dir.resolve("env"), StandardCharsets.UTF_8));
        byte[] argv = Files.readAllBytes(dir.resolve("argv"));
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < argv.length; i++) {
            if (argv[i] == 0) {
                args.add(new String(argv, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        assertEquals(List.of("--tier arg", "'", "user arg", ""), args);
    }

    @Test
    void theTokenTravelsAsAReferenceToTheUsersVariableNeverAsText() throws Exception {
        String token = "s3cret-team-token";
        TierPlan tiers = new TierPlan("http://h:1", Map.of(Tier.LARGE, new Assignment("m", TierSource.FLAG),
                Tier.MEDIUM, new Assignment("m", TierSource.FLAG), Tier.SMALL, new Assignment("m", TierSource.FLAG)), Map.of());
        LaunchPlan plan = new LaunchPlan(null, tiers, new ServerAddress("http://h:1", "default"), List.of(), List.of(),
                List.of(new EnvEntry("ANTHROPIC_AUTH_TOKEN", token, EnvEntry.Action.SET, null, null)),
                new ExecutableFinder.Result(Optional.empty(), Optional.empty()), Map.of("ANTHROPIC_AUTH_TOKEN", "TEAM_TOKEN"));
        String script = Handoff.script(plan, dir.resolve("tool"), 0);
        assertFalse(script.contains(token), script);
        assertTrue(script.contains("export ANTHROPIC_AUTH_TOKEN=\"$TEAM_TOKEN\"\n"), script);

        Path tool = dir.resolve("tool");
        Files.writeString(tool, "#!/bin/sh\nprintf '%s' \"$ANTHROPIC_AUTH_TOKEN\" > \"$OUT/token\"\n");
        tool.toFile().setExecutable(true);
        Path file = dir.resolve("handoff.sh");
        Files.writeString(file, script);
        Process p = new ProcessBuilder("/bin/sh", "-c", "OUT=" + dir + "; export OUT; TEAM_TOKEN=" + token + "; export TEAM_TOKEN; . "
                + file, "sh").inheritIO().start();
        assertEquals(0, p.waitFor());
        assertEquals(token, Files.readString(dir.resolve("token")), "the tool gets the token from the user's variable");
        assertEquals("export ANTHROPIC_AUTH_TOKEN=\"$TEAM_TOKEN\"", dev.agentlaunch.core.output.Shell.POSIX
                .exportReference("ANTHROPIC_AUTH_TOKEN", "TEAM_TOKEN"));
        assertEquals("$env:ANTHROPIC_AUTH_TOKEN = $env:TEAM_TOKEN", dev.agentlaunch.core.output.Shell.POWERSHELL
                .exportReference("ANTHROPIC_AUTH_TOKEN", "TEAM_TOKEN"));
    }

    @Test
    void argumentsTheIntegrationRewroteAreWrittenOutInsteadOfTheUsersOwn() throws Exception {
        TierPlan tiers = new TierPlan("http://h:1", Map.of(Tier.LARGE, new Assignment("m", TierSource.FLAG),
                Tier.MEDIUM, new Assignment("m", TierSource.FLAG), Tier.SMALL, new Assignment("m", TierSource.FLAG)), Map.of());
        List<String> merged = List.of("--agents", "{\"Explore\":{},\"it's\":{}}", "-p", "hi $HOME");
        LaunchPlan plan = new LaunchPlan(null, tiers, new ServerAddress("http://h:1", "default"), List.of(), merged, List.of(),
                new ExecutableFinder.Result(Optional.empty(), Optional.empty()));
        Path tool = dir.resolve("tool");
        Files.writeString(tool, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\000' \"$a\"; done > \"$OUT/argv\"\n");
        tool.toFile().setExecutable(true);
        Path script = dir.resolve("handoff.sh");
        Files.writeString(script, Handoff.script(plan, tool, 2, List.of("--agents", "{\"it's\":{}}", "-p", "hi $HOME")));

        Process p = new ProcessBuilder("/bin/sh", "-c", "OUT=" + dir + "; export OUT; . " + script, "sh",
                "claude", "--", "--agents", "{\"it's\":{}}", "-p", "hi $HOME").inheritIO().start();
        assertEquals(0, p.waitFor());

        String argv = Files.readString(dir.resolve("argv"), StandardCharsets.UTF_8);
        assertEquals(String.join("\0", merged) + "\0", argv, "the merged --agents reached the tool, the rest unchanged");
    }
}
