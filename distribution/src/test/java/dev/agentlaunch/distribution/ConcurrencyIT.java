package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty launches at once, one HOME, each with its own tiers: every tool gets exactly its own
 * models, and nothing under HOME is written (the launcher keeps no shared state for a launch).
 */
class ConcurrencyIT {
    static final int LAUNCHES = 20;

    @TempDir
    Path home;
    @TempDir
    Path outside;

    @Test
    void parallelLaunchesEachGetTheirOwnTiers() throws Exception {
        Path bin = Files.createDirectories(outside.resolve("bin"));
        Path records = Files.createDirectories(outside.resolve("records"));
        Path stub = bin.resolve("claude");
        // Records its environment under the name of its first argument after the launcher's --agents pair: one file per launch.
        Files.writeString(stub, "#!/bin/sh\n[ \"$1\" = --agents ] && shift 2\nenv > '" + records + "'/\"$1\"\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(home.resolve(".config"));
        Map<String, String> before = FileTree.snapshot(home);

        ExecutorService pool = Executors.newFixedThreadPool(LAUNCHES);
        List<Future<Launcher.Result>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < LAUNCHES; i++) {
                int n = i;
                runs.add(pool.submit(() -> new Launcher(home).path(bin).run(240, "claude", "--offline",
                        "--large", "large" + n + ":1", "--medium", "medium" + n + ":1", "--small", "small" + n + ":1",
                        "--", "launch-" + n)));
            }
            for (Future<Launcher.Result> run : runs) {
                Launcher.Result r = run.get();
                assertEquals(0, r.exitCode(), r::toString);
                assertEquals("", r.stderr(), r::toString);
            }
        } finally {
            pool.shutdownNow();
        }

        for (int n = 0; n < LAUNCHES; n++) {
            List<String> env = Files.readAllLines(records.resolve("launch-" + n));
            List<String> tiers = env.stream().filter(l -> l.startsWith("ANTHROPIC_DEFAULT_")).sorted().toList();
            assertEquals(List.of("ANTHROPIC_DEFAULT_FABLE_MODEL=large" + n + ":1", "ANTHROPIC_DEFAULT_HAIKU_MODEL=small" + n + ":1",
                    "ANTHROPIC_DEFAULT_OPUS_MODEL=large" + n + ":1", "ANTHROPIC_DEFAULT_SONNET_MODEL=medium" + n + ":1"), tiers,
                    "launch " + n);
        }
        assertEquals(before, FileTree.snapshot(home), "no file under HOME was written");
    }
}
