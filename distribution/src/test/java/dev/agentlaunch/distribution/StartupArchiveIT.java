package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive bin/launch keeps to start faster: made once inside the distribution
 * (lib/launch.jsa), never under HOME, used by later runs, and replaced when it goes stale. Each
 * test runs its own copy of the distribution.
 */
class StartupArchiveIT {
    /** -Xshare:on makes the JVM refuse to start unless it maps the archive it is given. */
    private static final String REQUIRE_ARCHIVE = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:on";
    private static final String[] DRY_RUN = {"claude", "--model", "qwen3:8b", "--dry-run", "--offline"};

    @TempDir
    Path home;
    @TempDir
    Path installed;

    @BeforeEach
    void copyDistribution() throws IOException {
        Path from = Launcher.dist();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String rel = from.relativize(f).toString();
                if (rel.endsWith(".jsa") || rel.endsWith(".jsa.owner") || rel.contains(".new-")) {
                    continue;       // the build's own copy may have made one already
                }
                Path to = installed.resolve(rel);
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private Launcher launcher() {
        return new Launcher(home).distribution(installed);
    }

    private Path archive() {
        return installed.resolve("lib/launch.jsa");
    }

    /** Whatever happens to the archive, the JVM says nothing about it to the user. */
    private static void assertQuietAboutTheArchive(Launcher.Result r) {
        String err = r.stderr().toLowerCase(java.util.Locale.ROOT);
        assertFalse(err.contains("cds") || err.contains("shared archive") || err.contains(".jsa"), r::toString);
    }

    @Test
    void theFirstRunMakesTheArchiveInTheDistributionAndWritesNothingUnderHome() throws Exception {
        Map<String, String> before = FileTree.snapshot(home);
        Launcher.Result first = launcher().run(DRY_RUN);
        assertEquals(0, first.exitCode(), first::toString);
        assertQuietAboutTheArchive(first);
        assertTrue(Files.isRegularFile(archive()), "lib/launch.jsa made");
        assertEquals(before, FileTree.snapshot(home), "nothing under HOME");
        try (Stream<Path> lib = Files.list(installed.resolve("lib"))) {
            assertTrue(lib.noneMatch(f -> f.getFileName().toString().startsWith(".new-")), "no leftovers");
        }

        Launcher.Result second = launcher().env("AGENT_LAUNCH_JAVA_OPTS", REQUIRE_ARCHIVE).run(DRY_RUN);
        assertEquals(0, second.exitCode(), "the next run maps the archive: " + second);
        assertEquals(first.stdout(), second.stdout());
    }

    @Test
    void theArchiveCoversTheLaunchAndItsChecksWhateverTheFirstCommandWas() throws Exception {
        Launcher.Result first = launcher().run("--version");
        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(Files.isRegularFile(archive()), "lib/launch.jsa made by a run that launched nothing");

        // A checked dry run (no server here: the checks fail, as far as the first request) after it.
        Path log = home.resolve("class-load.log");
        Launcher.Result checked = launcher()
                .env("AGENT_LAUNCH_JAVA_OPTS", REQUIRE_ARCHIVE + " -Xlog:class+load=info:file=" + log)
                .run("claude", "--model", "qwen3:8b", "--dry-run", "--host", "127.0.0.1:9");
        assertEquals(0, checked.exitCode(), checked::toString);
        String loaded = Files.readString(log);
        Files.delete(log);
        for (String type : List.of("dev.agentlaunch.core.cli.IntegrationCommand", "dev.agentlaunch.core.server.OllamaClient",
                "dev.agentlaunch.core.server.KindDetector",
                "sun.net.www.protocol.http.HttpURLConnection", "dev.agentlaunch.core.output.PlanPrinter")) {
            assertTrue(loaded.contains(type + " source: shared objects file"), type + " comes from the archive:\n"
                    + loaded.lines().filter(l -> l.contains(type + " ")).toList());
        }
    }

    @Test
    void aStaleArchiveIsDroppedAndMadeAgain() throws Exception {
        assertEquals(0, launcher().run(DRY_RUN).exitCode());
        Files.writeString(archive(), "an archive for other jars or another Java");

        Launcher.Result stale = launcher().run(DRY_RUN);
        assertEquals(0, stale.exitCode(), "a stale archive never breaks a launch: " + stale);
        assertQuietAboutTheArchive(stale);
        assertFalse(Files.exists(archive()), "the stale archive is dropped");

        assertEquals(0, launcher().run(DRY_RUN).exitCode());
        assertTrue(Files.isRegularFile(archive()), "made again");
        Launcher.Result fresh = launcher().env("AGENT_LAUNCH_JAVA_OPTS", REQUIRE_ARCHIVE).run(DRY_RUN);
        assertEquals(0, fresh.exitCode(), "a new archive was made and is used: " + fresh);
    }

    @Test
    void withCdsOffNothingIsWritten() throws Exception {
        Map<String, String> lib = FileTree.snapshot(installed);
        Launcher.Result off = launcher().env("AGENT_LAUNCH_CDS", "off").run(DRY_RUN);
        assertEquals(0, off.exitCode(), off::toString);
        assertEquals(lib, FileTree.snapshot(installed), "AGENT_LAUNCH_CDS=off writes nothing");
    }
}
