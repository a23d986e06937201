package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input table: hostile arguments, environment, plugins and tool paths, each run through
 * the assembled {@code bin/launch} in a fresh HOME. Every case asserts the exact exit code,
 * that stderr is one line (the error, or the one warning or note the case expects) with no
 * stack trace, and that no file changed under HOME or in the case's own files. Cases that must
 * still launch also check what the stub tool received.
 *
 * <p>The config-file and server cases here are a few of many: ConfigBadInputIT and
 * ServerChecksIT hold the rest.
 */
class BadInputTableIT {
    static final String ERROR = "launch: error: ";
    static final String WARNING = "launch: warning: ";

    @TempDir
    Path root;

    /** One row: a name, how to run it, and what the user must see. */
    record Case(String name, int exit, String stderrPrefix, String stderrContains, Scenario scenario) {
    }

    /** Sets up the case's files and environment, runs the launcher, and checks anything case-specific. */
    interface Scenario {
        Run run(Fixture f) throws Exception;
    }

    /** What the case ran: the outcome, and a check of its own after the common ones (may be null). */
    record Run(Outcome outcome, Check check) {
        Run then(Check after) {
            return new Run(outcome, after);
        }
    }

    interface Check {
        void verify() throws Exception;
    }

    record Outcome(int exit, byte[] stdout, byte[] stderr) {
        String err() {
            return new String(stderr, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + new String(stdout, StandardCharsets.UTF_8) + "\n--- stderr\n" + err();
        }
    }

    static Case error(String name, int exit, String contains, Scenario s) {
        return new Case(name, exit, ERROR, contains, s);
    }

    static Case warning(String name, String contains, Scenario s) {
        return new Case(name, 0, WARNING, contains, s);
    }

    static Case note(String name, String contains, Scenario s) {
        return new Case(name, 0, "launch: ", contains, s);
    }

    static Case works(String name, Scenario s) {
        return new Case(name, 0, null, null, s);
    }

    static String nl(String s) {
        return s.replace("|", "\n");
    }

    List<Case> cases() {
        String bad = "qwen 3";
        return List.of(
                // ---- command-line arguments
                error("no arguments", 2, "missing integration", f -> f.run()),
                error("only a double dash", 2, "missing integration", f -> f.run("--", "-p", "hi")),
                error("unknown integration", 2, "unknown integration 'cluade': did you mean 'claude'?",
                        f -> f.run("cluade", "--model", "qwen3:8b")),
                error("integration in upper case", 2, "did you mean 'claude'?", f -> f.run("CLAUDE", "--model", "qwen3:8b")),
                error("integration name with a newline", 2, "unknown integration 'clau\\nde'",
                        f -> f.run(nl("clau|de"), "--model", "qwen3:8b")),
                error("integration name with a terminal escape", 2, "unknown integration '\\x1b[2J'",
                        f -> f.run("\u001b[2J", "--model", "qwen3:8b")),
                error("unknown top-level option", 2, "unknown option '--bogus' for 'launch'", f -> f.run("--bogus")),
                error("integration option at top level", 2, "unknown option '--json' for 'launch'", f -> f.run("--json")),
                error("unknown integration option", 2, "unknown option '--bogus' for 'launch claude'",
                        f -> f.run("claude", "--bogus", "--model", "qwen3:8b")),
                error("unknown short option", 2, "unknown option '-x' for 'launch claude'", f -> f.run("claude", "-x", "--model", "qwen3:8b")),
                error("tool option before --", 2, "after --", f -> f.run("claude", "--offline", "--model", "qwen3:8b", "-p", "hi")),
                error("tier flag without a value", 2, "--large needs a value (MODEL)",
                        f -> f.run("claude", "--offline", "--large")),
                error("empty tier value", 2, "--large needs a model name", f -> f.run("claude", "--offline", "--large", "", "--dry-run")),
                error("model name with a space", 2, "invalid model name '" + bad + "' for --large",
                        f -> f.run("claude", "--offline", "--large", bad, "--dry-run")),
                error("model name with a newline", 2, "invalid model name 'a", f -> f.run("claude", "--offline", "--model", nl("a|b"), "--dry-run")),
                error("model name climbing directories", 2, "invalid model name '../x' for --small",
                        f -> f.run("claude", "--offline", "--model", "qwen3:8b", "--small", "../x", "--dry-run")),
                error("model name of 5000 characters", 2, "invalid model name",
                        f -> f.run("claude", "--offline", "--model", "a".repeat(5000), "--dry-run")),
                error("model name that is not UTF-8", 2, "invalid model name",
                        f -> f.runShell("\"$L\" claude --offline --model \"$(printf '\\377\\376')\" --dry-run")),
                error("--model twice", 2, "--model was given more than once",
                        f -> f.run("claude", "--offline", "--model", "a:1", "--model", "b:1", "--dry-run")),
                error("no model for any tier", 2, "no model for any tier", f -> f.run("claude", "--dry-run")),
                error("server port out of range", 2, "invalid server address",
                        f -> f.run("claude", "--offline", "--model", "qwen3:8b", "--host", "http://h:99999", "--dry-run")),
                error("server with another scheme", 2, "scheme must be http or https",
                        f -> f.run("claude", "--offline", "--model", "qwen3:8b", "--host", "ftp://h", "--dry-run")),
                error("server with a newline", 2, "invalid server address 'h\\nx'",
                        f -> f.run("claude", "--offline", "--model", "qwen3:8b", "--host", nl("h|x"), "--dry-run")),
                error("--plugins-dir without a value", 2, "--plugins-dir needs a value (DIR)",
                        f -> f.run("list-integrations", "--plugins-dir")),
                error("list-integrations with an extra argument", 2, "unexpected argument 'extra'",
                        f -> f.run("list-integrations", "extra")),
                error("completion without a shell", 2, "missing SHELL", f -> f.run("completion")),
                error("completion for an unknown shell", 2, "expected one of [bash, zsh, fish]", f -> f.run("completion", "tcsh")),

                // ---- environment
                error("OLLAMA_HOST invalid", 2, "in OLLAMA_HOST",
                        f -> f.env("OLLAMA_HOST", "http://h:99999").run("claude", "--offline", "--model", "qwen3:8b", "--dry-run")),
                error("OLLAMA_HOST with a newline", 2, "invalid server address 'h\\nx' in OLLAMA_HOST",
                        f -> f.env("OLLAMA_HOST", nl("h|x")).run("claude", "--offline", "--model", "qwen3:8b", "--dry-run")),
                error("PATH unset: tool not found", 3, "Claude Code is not installed",
                        f -> f.env("PATH", null).run("claude", "--offline", "--model", "qwen3:8b")),
                error("PATH with only relative entries never runs ./bin/claude", 3, "Claude Code is not installed",
                        f -> f.toolInWorkDir().env("PATH", "bin:.").run("claude", "--offline", "--model", "qwen3:8b")),
                error("PATH with an empty entry never runs ./claude", 3, "Claude Code is not installed",
                        f -> f.toolInWorkDir().env("PATH", "::" + f.sysbin).run("claude", "--offline", "--model", "qwen3:8b")),
                error("PATH with . never runs ./claude", 3, "Claude Code is not installed",
                        f -> f.toolInWorkDir().env("PATH", ".:" + f.sysbin).run("claude", "--offline", "--model", "qwen3:8b")),
                error("no Java anywhere", 3, "no Java found",
                        f -> f.env("JAVA_HOME", f.dir.resolve("no-jdk").toString()).run("claude", "--offline", "--model", "qwen3:8b")),
                works("HOME unset", f -> f.stub().env("HOME", null).run("claude", "--offline", "--model", "qwen3:8b", "--", "-p", "hi")
                        .then(() -> assertEquals(List.of("-p", "hi"), f.tool.argv()))),
                works("HOME relative", f -> f.stub().env("HOME", "relative/home").run("claude", "--offline", "--model", "qwen3:8b")
                        .then(() -> assertTrue(f.tool.ran()))),
                works("XDG_DATA_HOME relative", f -> f.stub().env("XDG_DATA_HOME", "rel").run("claude", "--offline", "--model", "qwen3:8b")
                        .then(() -> assertTrue(f.tool.ran()))),
                works("non-UTF-8 bytes in an unrelated variable reach the tool as they were",
                        f -> f.stub().runShell("FOO=\"$(printf 'a\\377\\376b')\" \"$L\" claude --offline --model qwen3:8b")
                                .then(() -> assertTrue(f.toolEnvHas("FOO=a\377\376b"), "the tool's FOO"))),
                note("non-UTF-8 bytes in your tier variable: kept, said in one line", "keeping your ANTHROPIC_DEFAULT_HAIKU_MODEL=",
                        f -> f.stub().runShell("ANTHROPIC_DEFAULT_HAIKU_MODEL=\"$(printf 'm\\377')\" \"$L\" claude --offline --model qwen3:8b")
                                .then(() -> assertTrue(f.toolEnvHas("ANTHROPIC_DEFAULT_HAIKU_MODEL=m\377"), "kept byte for byte"))),
                note("a newline in your tier variable: kept, said in one line", "keeping your ANTHROPIC_DEFAULT_HAIKU_MODEL=a\\nb",
                        f -> f.stub().env("ANTHROPIC_DEFAULT_HAIKU_MODEL", nl("a|b")).run("claude", "--offline", "--model", "qwen3:8b")),
                warning("AGENT_LAUNCH_PLUGINS names a missing dir", "does not exist",
                        f -> f.env("AGENT_LAUNCH_PLUGINS", f.dir.resolve("nope").toString())
                                .run("claude", "--offline", "--model", "qwen3:8b", "--dry-run")),
                warning("AGENT_LAUNCH_PLUGINS names a file", "is not a directory",
                        f -> f.env("AGENT_LAUNCH_PLUGINS", f.file("plain.txt", "x").toString())
                                .run("claude", "--offline", "--model", "qwen3:8b", "--dry-run")),

                // ---- config file, profiles and the model server
                error("unknown profile", 2, "unknown profile 'nope'", f -> f.run("claude", "--offline", "--profile", "nope", "--dry-run")),
                error("--config names a missing file", 2, "missing.json",
                        f -> f.run("claude", "--offline", "--config", f.dir.resolve("missing.json").toString(), "--model", "qwen3:8b")),
                error("--config names a directory", 2, "is a directory",
                        f -> f.run("claude", "--offline", "--config", f.fixtureFiles.toString(), "--model", "qwen3:8b")),
                error("config file that is not JSON", 2, "config.json:1:",
                        f -> f.run("claude", "--offline", "--config", f.file("config.json", "{ not json").toString(),
                                "--model", "qwen3:8b", "--dry-run")),
                error("model server name that does not resolve", 3, "cannot resolve host 'no-such-host.invalid'",
                        f -> f.stub().run("claude", "--model", "qwen3:8b", "--host", "no-such-host.invalid")),
                error("model server down", 3, "is not reachable",
                        f -> f.stub().env("OLLAMA_HOST", "127.0.0.1:9").run("claude", "--model", "qwen3:8b")),
                error("doctor for an unknown integration", 2, "cluade",
                        f -> f.env("OLLAMA_HOST", "127.0.0.1:9").run("doctor", "cluade", "--model", "qwen3:8b")),

                // ---- plugins
                warning("--plugins-dir missing", "does not exist",
                        f -> f.run("--plugins-dir", f.dir.resolve("nope").toString(), "claude", "--offline", "--model", "qwen3:8b", "--dry-run")),
                warning("plugin that is not a zip", "broken.jar skipped",
                        f -> f.run("--plugins-dir", f.pluginsDir("broken.jar", "not a zip").toString(),
                                "claude", "--offline", "--model", "qwen3:8b", "--dry-run")),
                warning("plugin jar of zero bytes", "empty.jar skipped",
                        f -> f.run("--plugins-dir", f.pluginsDir("empty.jar", "").toString(),
                                "claude", "--offline", "--model", "qwen3:8b", "--dry-run")),
                warning("a directory named like a jar", "x.jar skipped",
                        f -> f.run("--plugins-dir", f.pluginsDirWithDirectory("x.jar").toString(),
                                "claude", "--offline", "--model", "qwen3:8b", "--dry-run")),
                warning("plugins dir writable by others", "chmod go-w",
                        f -> f.run("--plugins-dir", f.openPluginsDir().toString(), "claude", "--offline", "--model", "qwen3:8b", "--dry-run")),
                // A real plugin in the refused dir: a launcher that warned but loaded it anyway would list and launch it.
                warning("plugins dir writable by others: its plugin is not listed as an integration", "chmod go-w", f -> {
                    Run r = f.run("--plugins-dir", f.openPluginsDir(QwenExamplePluginIT.exampleJar()).toString(), "list-integrations");
                    String out = new String(r.outcome().stdout(), StandardCharsets.UTF_8);
                    return r.then(() -> {
                        assertTrue(out.contains("claude"), "the built-ins are listed: " + out);
                        assertFalse(out.contains("Qwen Code"), "not listed as an integration: " + out);
                        assertTrue(out.lines().filter(l -> l.startsWith("qwen ")).allMatch(l -> l.contains("FAILED"))
                                && out.contains("chmod go-w"), "listed as refused, with the fix: " + out);
                    });
                }),
                error("plugins dir writable by others: launching its plugin says it was refused", 4, "chmod go-w",
                        f -> f.run("--plugins-dir", f.openPluginsDir(QwenExamplePluginIT.exampleJar()).toString(),
                                "qwen", "--offline", "--model", "qwen3:8b", "--dry-run")),

                // ---- the tool's executable
                error("tool not executable", 3, "chmod +x", f -> f.toolFile("rw-r--r--").run("claude", "--offline", "--model", "qwen3:8b")),
                error("tool path is a directory", 3, "Claude Code is not installed",
                        f -> f.toolDirectory().run("claude", "--offline", "--model", "qwen3:8b")),
                error("tool is a dangling symlink", 3, "Claude Code is not installed",
                        f -> f.toolSymlinkTo(f.dir.resolve("gone")).run("claude", "--offline", "--model", "qwen3:8b")),
                works("tool is a symlink", f -> f.toolSymlinkTo(f.stub("elsewhere").tool.binDir.resolve("claude"))
                        .run("claude", "--offline", "--model", "qwen3:8b", "--", "-p", "hi").then(() -> assertEquals(List.of("-p", "hi"), f.tool.argv()))),
                works("tool with spaces in its path", f -> f.stub("my tools dir").run("claude", "--offline", "--model", "qwen3:8b", "--", "a b")
                        .then(() -> assertEquals(List.of("a b"), f.tool.argv()))),
                works("tool with a quote, $, backticks and a newline in its path", f -> f.stub(nl("\"$x\" `y` ;|z"))
                        .run("claude", "--offline", "--model", "qwen3:8b", "--", "ok").then(() -> assertEquals(List.of("ok"), f.tool.argv()))),
                works("launcher run through a symlink with PATH lacking dirname",
                        f -> f.stub().viaSymlink().run("claude", "--offline", "--model", "qwen3:8b").then(() -> assertTrue(f.tool.ran()))),
                works("arguments with newlines reach the tool intact", f -> f.stub()
                        .run("claude", "--offline", "--model", "qwen3:8b", "--", nl("line 1|line 2"), nl("|"), "")
                        .then(() -> assertEquals(List.of(nl("line 1|line 2"), "\n", ""), f.tool.argv()))),
                works("huge argv, close to the OS limit, reaches the tool intact", f -> {
                    List<String> huge = hugeArgs();
                    List<String> args = new ArrayList<>(List.of("claude", "--offline", "--model", "qwen3:8b", "--"));
                    args.addAll(huge);
                    f.stub();
                    return f.run(args.toArray(String[]::new)).then(() -> assertEquals(huge, f.tool.argv()));
                }));
    }

    /** Arguments adding up to ~60% of ARG_MAX: the launcher's script and the tool both get them whole. */
    static List<String> hugeArgs() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("getconf", "ARG_MAX").start();
        long max = Long.parseLong(new String(p.getInputStream().readAllBytes()).trim());
        p.waitFor();
        int count = (int) (max * 6 / 10 / 101);
        List<String> args = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            args.add(String.format("%06d-", i) + "x".repeat(93));
        }
        return args;
    }

    @TestFactory
    Stream<DynamicTest> badInput() {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 40, "at least 40 cases: " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) throws Exception {
        Fixture f = new Fixture(Files.createDirectories(root.resolve("case-" + Math.abs(c.name().hashCode()))));
        try {
            check(c, f);
        } finally {
            f.removeLinks();
        }
    }

    private void check(Case c, Fixture f) throws Exception {
        Map<String, String> homeBefore = FileTree.snapshot(f.home);
        Run run = c.scenario().run(f);
        Map<String, String> homeAfter = FileTree.snapshot(f.home);
        Outcome o = run.outcome();
        String err = o.err();

        assertEquals(c.exit(), o.exit(), () -> c.name() + ": " + o);
        assertFalse(err.matches("(?s).*(\\n\\s+at [\\w.$]+\\(|Caused by: |Exception in thread ).*"), "no stack trace: " + o);
        JavaNames.assertNone(err, c.name());
        List<String> lines = err.lines().toList();
        if (c.stderrPrefix() == null) {
            assertEquals(List.of(), lines, "nothing on stderr: " + o);
        } else {
            assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(1).startsWith("launch: hint: "),
                    "one line on stderr (plus an optional hint): " + o);
            assertTrue(lines.get(0).startsWith(c.stderrPrefix()), "starts with '" + c.stderrPrefix() + "': " + o);
            assertTrue(lines.get(0).contains(c.stderrContains()), "names '" + c.stderrContains() + "': " + o);
        }
        if (c.exit() != 0) {
            assertTrue(f.tool == null || !f.tool.ran(), "the tool did not run: " + o);
            assertFalse(Files.exists(f.dir.resolve("cwd-tool-ran")), "a tool in the working directory ran: " + o);
        }
        assertEquals(homeBefore, homeAfter, "no file changed under HOME");
        assertEquals(f.filesBefore, FileTree.snapshot(f.fixtureFiles), "no file of the case changed");
        if (run.check() != null) {
            run.check().verify();
        }
    }

    /** One case's world: a HOME, a working directory, a directory of system tools, files it made. */
    static final class Fixture {
        final Path dir;
        final Path home;
        final Path work;
        final Path sysbin;
        final Path fixtureFiles;
        Map<String, String> filesBefore;
        final Launcher launcher;
        StubTool tool;
        private Path script = Launcher.script();

        Fixture(Path dir) throws IOException {
            this.dir = dir;
            home = Files.createDirectories(dir.resolve("home"));
            work = Files.createDirectories(dir.resolve("work"));
            fixtureFiles = Files.createDirectories(dir.resolve("files"));
            // Only what the stub and the script's symlink resolution need: no claude anywhere on this PATH.
            sysbin = Files.createDirectories(dir.resolve("sysbin"));
            for (String cmd : List.of("env", "cat", "ls", "sed")) {
                Files.createSymbolicLink(sysbin.resolve(cmd), which(cmd));
            }
            launcher = new Launcher(home).env("PATH", sysbin.toString()).workDir(work);
            filesBefore = FileTree.snapshot(fixtureFiles);
        }

        Fixture env(String name, String value) {
            launcher.env(name, value);
            return this;
        }

        /**
         * Deletes the case's symbolic links (to system commands, to bin/launch) itself: left to the
         * temp-dir cleanup, each would log a warning about a link pointing outside the directory.
         */
        void removeLinks() throws IOException {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(Files::isSymbolicLink).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }

        /** A stub claude on PATH, in a directory named {@code dirName} (outside HOME). */
        Fixture stub(String dirName) throws IOException {
            tool = new StubTool(dir.resolve("tools").resolve(dirName), "claude", 0);
            launcher.path(tool.binDir);
            return this;
        }

        Fixture stub() throws IOException {
            return stub("stub");
        }

        /** A claude in the working directory (bin/claude and ./claude) that marks if it ever runs. */
        Fixture toolInWorkDir() throws IOException {
            String script = "#!/bin/sh\n: > '" + dir.resolve("cwd-tool-ran") + "'\n";
            for (Path p : List.of(work.resolve("claude"), Files.createDirectories(work.resolve("bin")).resolve("claude"))) {
                Files.writeString(p, script);
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return this;
        }

        Fixture toolFile(String permissions) throws IOException {
            Path bin = Files.createDirectories(fixtureFiles.resolve("bin"));
            Path p = Files.writeString(bin.resolve("claude"), "#!/bin/sh\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
            launcher.path(bin);
            filesBefore = FileTree.snapshot(fixtureFiles);
            return this;
        }

        Fixture toolDirectory() throws IOException {
            Path bin = Files.createDirectories(fixtureFiles.resolve("bin"));
            Files.createDirectories(bin.resolve("claude"));
            launcher.path(bin);
            filesBefore = FileTree.snapshot(fixtureFiles);
            return this;
        }

        Fixture toolSymlinkTo(Path target) throws IOException {
            Path bin = Files.createDirectories(fixtureFiles.resolve("linkbin"));
            Files.createSymbolicLink(bin.resolve("claude"), target);
            launcher.path(bin);
            filesBefore = FileTree.snapshot(fixtureFiles);
            return this;
        }

        /** Runs the launcher through a relative symlink to bin/launch, in a dir of its own. */
        Fixture viaSymlink() throws IOException {
            Path bin = Files.createDirectories(fixtureFiles.resolve("userbin"));
            Path link = bin.resolve("launch");
            Files.createSymbolicLink(link, bin.relativize(Launcher.script()));
            script = link;
            filesBefore = FileTree.snapshot(fixtureFiles);
            return this;
        }

        Path file(String name, String content) throws IOException {
            Path p = Files.writeString(fixtureFiles.resolve(name), content);
            filesBefore = FileTree.snapshot(fixtureFiles);
            return p;
        }

        Path pluginsDir(String jarName, String content) throws IOException {
            Path d = Files.createDirectories(fixtureFiles.resolve("plugins"));
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path jar = Files.writeString(d.resolve(jarName), content);
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
            filesBefore = FileTree.snapshot(fixtureFiles);
            return d;
        }

        Path pluginsDirWithDirectory(String name) throws IOException {
            Path d = Files.createDirectories(fixtureFiles.resolve("plugins"));
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(d.resolve(name));
            Files.setPosixFilePermissions(d.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
            filesBefore = FileTree.snapshot(fixtureFiles);
            return d;
        }

        Path openPluginsDir() throws IOException {
            return openPluginsDir(null);
        }

        /** A plugins dir anyone may write to, holding a copy of {@code jar} (when not null). */
        Path openPluginsDir(Path jar) throws IOException {
            Path d = Files.createDirectories(fixtureFiles.resolve("open-plugins"));
            if (jar != null) {
                Files.copy(jar, d.resolve(jar.getFileName()));
            }
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxrwxrwx"));
            filesBefore = FileTree.snapshot(fixtureFiles);
            return d;
        }

        boolean toolEnvHas(String line) throws IOException {
            byte[] env = Files.readAllBytes(tool.record.resolve("env"));
            String text = new String(env, StandardCharsets.ISO_8859_1);
            return text.lines().anyMatch(l -> l.equals(line));
        }

        Run run(String... args) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(script.toString());
            command.addAll(List.of(args));
            return new Run(exec(launcher.processBuilder(command)), null);
        }

        /** Runs a /bin/sh command line, with $L the launcher: for bytes Java cannot put in argv or env. */
        Run runShell(String shell) throws Exception {
            return new Run(exec(launcher.processBuilder(List.of("/bin/sh", "-c", "L='" + script + "'; " + shell))), null);
        }

        private static Outcome exec(ProcessBuilder pb) throws Exception {
            Path out = Files.createTempFile("bad-out", ".bin");
            Path err = Files.createTempFile("bad-err", ".bin");
            try {
                Process p = pb.redirectInput(new File("/dev/null")).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("did not finish: " + pb.command().subList(0, Math.min(4, pb.command().size())));
                }
                return new Outcome(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }

        private static Path which(String cmd) {
            for (String d : List.of("/usr/bin", "/bin")) {
                if (Files.isExecutable(Path.of(d, cmd))) {
                    return Path.of(d, cmd);
                }
            }
            throw new IllegalStateException("no " + cmd + " in /usr/bin or /bin");
        }
    }
}
