package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive bin/launch keeps to start faster: made once in the launcher's own cache
 * dir under HOME (nothing else is written), used by later runs, and replaced when it goes stale.
 */
class StartupArchiveIT {
    /** -Xshare:on makes the JVM refuse to start unless it maps the archive it is given. */
    private static final String REQUIRE_ARCHIVE = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:on";
    private static final String[] DRY_RUN = {"claude", "--model", "qwen3:8b", "--dry-run"};

    @TempDir
    Path home;

    private Launcher launcher() {
        return new Launcher(home).env("AGENT_LAUNCH_CACHE_DIR", null);
    }

    private Path cacheDir() {
        return home.resolve(".cache/agent-launch/cds");
    }

    private List<Path> archives() throws Exception {
        if (!Files.isDirectory(cacheDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cacheDir())) {
            return files.toList();
        }
    }

    /** Whatever happens to the archive, the JVM says nothing about it to the user. */
    private static void assertQuietAboutTheArchive(Launcher.Result r) {
        String err = r.stderr().toLowerCase(java.util.Locale.ROOT);
        assertFalse(err.contains("cds") || err.contains("shared archive") || err.contains(".jsa"), r::toString);
    }

    @Test
    void theFirstRunMakesTheArchiveInTheLaunchersCacheDirAndWritesNothingElse() throws Exception {
        Map<String, String> before = FileTree.snapshot(home);
        Launcher.Result first = launcher().run(DRY_RUN);
        assertEquals(0, first.exitCode(), first::toString);

        Map<String, String> added = new TreeMap<>(FileTree.snapshot(home));
        added.keySet().removeAll(before.keySet());
        List<Path> archives = archives();
        assertEquals(1, archives.size(), "one archive: " + archives);
        assertTrue(archives.get(0).getFileName().toString().matches("launch-\\d+\\.jsa"), archives::toString);
        assertEquals(List.of(".cache", ".cache/agent-launch", ".cache/agent-launch/cds",
                home.relativize(archives.get(0)).toString()), List.copyOf(added.keySet()), "only the cache was written");

        Launcher.Result second = launcher().env("AGENT_LAUNCH_JAVA_OPTS", REQUIRE_ARCHIVE).run(DRY_RUN);
        assertEquals(0, second.exitCode(), "the next run maps the archive: " + second);
        assertEquals(first.stdout(), second.stdout());
        assertEquals(archives, archives(), "the archive is reused, not made again");
    }

    @Test
    void aStaleArchiveIsDroppedAndMadeAgain() throws Exception {
        assertEquals(0, launcher().run(DRY_RUN).exitCode());
        Path archive = archives().get(0);
        Files.writeString(archive, "an archive for other jars or another Java");

        Launcher.Result stale = launcher().run(DRY_RUN);
        assertEquals(0, stale.exitCode(), "a stale archive never breaks a launch: " + stale);
        assertQuietAboutTheArchive(stale);
        assertFalse(Files.exists(archive), "the stale archive is dropped");

        assertEquals(0, launcher().run(DRY_RUN).exitCode());
        Launcher.Result fresh = launcher().env("AGENT_LAUNCH_JAVA_OPTS", REQUIRE_ARCHIVE).run(DRY_RUN);
        assertEquals(0, fresh.exitCode(), "a new archive was made and is used: " + fresh);
    }

    @Test
    void withoutAWritableCacheDirOrWithCdsOffTheLauncherJustRuns() throws Exception {
        Files.writeString(home.resolve(".cache"), "a file where the cache dir would go");
        Launcher.Result noCache = launcher().run(DRY_RUN);
        assertEquals(0, noCache.exitCode(), noCache::toString);
        assertQuietAboutTheArchive(noCache);

        Files.delete(home.resolve(".cache"));
        Map<String, String> before = FileTree.snapshot(home);
        Launcher.Result off = launcher().env("AGENT_LAUNCH_CDS", "off").run(DRY_RUN);
        assertEquals(0, off.exitCode(), off::toString);
        assertEquals(before, FileTree.snapshot(home), "AGENT_LAUNCH_CDS=off writes nothing");
    }
}
