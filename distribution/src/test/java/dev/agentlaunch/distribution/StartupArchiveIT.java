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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archives bin/launch keeps to start faster: one per Java, made inside the
 * distribution (lib/cds/<java command path>.jsa), never under HOME, in the background after a
 * first run that did not wait for it, used by later runs, and replaced when it goes stale. Each
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
                if (rel.startsWith("lib/cds")) {
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

    /** A launcher that waits for the archive it starts (as install.sh does). */
    private Launcher waiting() {
        return launcher().env("AGENT_LAUNCH_CDS_WAIT", "1");
    }

    private Path archive() {
        return archive(Path.of(System.getProperty("java.home")));
    }

    private Path archive(Path javaHome) {
        return installed.resolve("lib/cds" + javaHome.resolve("bin/java") + ".jsa");
    }

    private Path lock() {
        return installed.resolve("lib/cds/.lock");
    }

    /** Whatever happens to the archive, the JVM says nothing about it to the user. */
    private static void assertQuietAboutTheArchive(Launcher.Result r) {
        String err = r.stderr().toLowerCase(java.util.Locale.ROOT);
        assertFalse(err.contains("cds") || err.contains("shared archive") || err.contains(".jsa"), r::toString);
    }

    /** Waits for the background job that makes the archive to end (it leaves its pid in the lock). */
    private void awaitBackgroundJob() throws Exception {
        Path pid = lock().resolve("pid");
        if (!Files.exists(pid)) {
            return;
        }
        String text = Files.readString(pid).trim();
        Optional<ProcessHandle> job = text.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(text));
        if (job.isPresent()) {
            job.get().onExit().get(180, TimeUnit.SECONDS);
        }
    }

    @Test
    void theFirstRunDoesNotWaitForTheArchiveAndPrintsNothingOfIt() throws Exception {
        Map<String, String> before = FileTree.snapshot(home);
        Launcher.Result first = launcher().run(DRY_RUN);
        assertEquals(0, first.exitCode(), first::toString);
        assertEquals("", first.stderr(), "nothing of the archive is said, before or after the output");
        assertTrue(Files.isDirectory(lock()) && !Files.exists(archive()),
                "the run ended while the archive was still being made in the background");
        awaitBackgroundJob();
        assertTrue(Files.isRegularFile(archive()), "the background job made " + archive());
        assertFalse(Files.exists(lock()), "and released its lock");
        assertEquals(before, FileTree.snapshot(home), "nothing under HOME");

        Launcher.Result second = launcher().env("AGENT_LAUNCH_JAVA_OPTS", REQUIRE_ARCHIVE).run(DRY_RUN);
        assertEquals(0, second.exitCode(), "the next run maps the archive: " + second);
        assertEquals(first.stdout(), second.stdout());
    }

    @Test
    void anotherJavaGetsItsOwnArchiveAndBothKeepSharing() throws Exception {
        Path other = otherJava();
        Assumptions.assumeTrue(other != null, "no second Java on this machine (a JDK beside this one, or -Dagentlaunch.otherJava)");
        assertEquals(0, waiting().run(DRY_RUN).exitCode());
        assertEquals(0, waiting().env("JAVA_HOME", other.toString()).run(DRY_RUN).exitCode());
        assertTrue(Files.isRegularFile(archive()) && Files.isRegularFile(archive(other)), "one archive per Java");
        for (Path java : List.of(other, Path.of(System.getProperty("java.home")))) {
            Launcher.Result r = launcher().env("JAVA_HOME", java.toString()).env("AGENT_LAUNCH_JAVA_OPTS", REQUIRE_ARCHIVE)
                    .run(DRY_RUN);
            assertEquals(0, r.exitCode(), java + " maps its own archive: " + r);
        }
    }

    /** A JDK of another version than this one: {@code -Dagentlaunch.otherJava}, else one installed beside this one. */
    private static Path otherJava() throws IOException {
        String given = System.getProperty("agentlaunch.otherJava");
        if (given != null && !given.isEmpty()) {
            return Path.of(given);
        }
        Path here = Path.of(System.getProperty("java.home")).toRealPath();
        Path jvms = here.getParent();
        if (jvms == null || !Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                Path real = d.toRealPath();
                Path release = real.resolve("release");
                if (!real.equals(here) && Files.isExecutable(real.resolve("bin/java")) && Files.isReadable(release)
                        && !Files.readString(release).contains("JAVA_VERSION=\"" + System.getProperty("java.version") + "\"")) {
                    return real;        // another version, not this Java under another name
                }
            }
        }
        return null;
    }

    @Test
    void theArchiveCoversTheLaunchAndItsChecksWhateverTheFirstCommandWas() throws Exception {
        Launcher.Result first = waiting().run("--version");
        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(Files.isRegularFile(archive()), "the archive made by a run that launched nothing");

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
        assertEquals(0, waiting().run(DRY_RUN).exitCode());
        Files.delete(archive());
        Files.writeString(archive(), "an archive for other jars or another Java");

        Launcher.Result stale = waiting().run(DRY_RUN);
        assertEquals(0, stale.exitCode(), "a stale archive never breaks a launch: " + stale);
        assertQuietAboutTheArchive(stale);
        assertTrue(Files.isRegularFile(archive()) && Files.size(archive()) > 1_000_000, "dropped and made again");
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
