package dev.agentlaunch.distribution;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the assembled {@code bin/launch} as a user would: a real process, a clean environment
 * (a fresh HOME, an explicit PATH), stdin closed, stdout and stderr captured.
 */
final class Launcher {
    /** The assembled distribution, from the build (failsafe passes its path). */
    static Path dist() {
        String dir = System.getProperty("agentlaunch.dist");
        if (dir == null) {
            throw new IllegalStateException("run through Maven (failsafe sets agentlaunch.dist)");
        }
        return Path.of(dir);
    }

    /** The build's {@code bin/launch}. */
    static Path script() {
        return dist().resolve("bin/launch");
    }

    private static Path toolbox;

    /**
     * A PATH directory with just the system commands the launcher script and the stub tools use,
     * so a tool installed system-wide on the test machine never leaks into a test's PATH. It lives
     * in the build's target dir, not the system temp dir: the suite leaves nothing behind there.
     */
    static synchronized Path toolbox() {
        if (toolbox == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "launch-toolbox").toAbsolutePath());
                for (String cmd : List.of("sh", "dirname", "sed", "ls", "env", "cat", "uname", "sleep", "head", "tr", "mv", "rm",
                        "mkdir")) {
                    for (String sysDir : List.of("/usr/bin", "/bin")) {
                        Path p = Path.of(sysDir, cmd);
                        if (Files.isExecutable(p)) {
                            if (!Files.isSymbolicLink(dir.resolve(cmd))) {
                                try {
                                    Files.createSymbolicLink(dir.resolve(cmd), p);
                                } catch (java.nio.file.FileAlreadyExistsException e) {
                                    // another test JVM made it at the same moment
                                }
                            }
                            break;
                        }
                    }
                }
                toolbox = dir;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return toolbox;
    }

    /** One run's outcome. */
    record Result(int exitCode, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private final Map<String, String> env = new LinkedHashMap<>();
    /** The distribution whose bin/launch runs (the build's, unless a test copies it). */
    private Path distribution = dist();
    /** The fresh HOME of the runs. */
    final Path home;
    /** The working directory of the runs. */
    Path work;

    /** A launcher whose runs have {@code home} as HOME and working directory, and only system commands on PATH. */
    Launcher(Path home) {
        this.home = home;
        this.work = home;
        env.put("HOME", home.toString());
        env.put("PATH", toolbox().toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("LANG", "C.UTF-8");
        // Claude Code's auto-updater would otherwise install a newer Claude Code system-wide in the background.
        env.put("DISABLE_AUTOUPDATER", "1");
    }

    /**
     * A launcher with a fresh HOME and working dir under {@code tmp}; with {@code agentsOnPath}, PATH
     * starts with the real agent CLIs the build installed, then node's directory.
     */
    Launcher(Path tmp, boolean agentsOnPath) throws IOException {
        this(Files.createDirectories(tmp.resolve("home")));
        this.work = Files.createDirectories(tmp.resolve("work"));
        env.put("NO_COLOR", "1");
        if (agentsOnPath) {
            path(AgentClis.binDir(), AgentClis.nodeDir());
        }
    }

    /** Skips the test when the build could not install the CLI (no npm); under CI=true that fails instead. */
    void requireTool(String name) {
        AgentClis.require(name);
    }

    /** The launcher's own state dir in the test HOME. */
    Path stateDir() {
        return home.resolve(".local/state/agent-launch");
    }

    /** Asserts every file under HOME lies in the launcher's state dir or one of the tool's own dirs. */
    void assertHomeHoldsOnly(String... toolDirs) throws IOException {
        List<Path> allowed = new ArrayList<>();
        allowed.add(stateDir());
        for (String dir : toolDirs) {
            allowed.add(home.resolve(dir));
        }
        try (java.util.stream.Stream<Path> files = Files.walk(home)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                if (allowed.stream().noneMatch(f::startsWith)) {
                    throw new AssertionError(f + " was written outside the launcher's state dir and the tool's own dirs "
                            + List.of(toolDirs));
                }
            });
        }
    }

    /** Runs a command in the working dir with the runs' environment (git, to set up a repository). */
    void sh(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("PATH", env.get("PATH") + File.pathSeparator + "/usr/bin:/bin");
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
    }

    /** Runs the bin/launch of another copy of the distribution. */
    Launcher distribution(Path dir) {
        this.distribution = dir;
        return this;
    }

    /** Puts directories in front of PATH. */
    Launcher path(Path... dirs) {
        StringBuilder p = new StringBuilder();
        for (Path d : dirs) {
            p.append(d).append(File.pathSeparator);
        }
        env.put("PATH", p + env.get("PATH"));
        return this;
    }

    Launcher env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    Launcher workDir(Path dir) {
        this.work = dir;
        return this;
    }

    /** A process builder for any command, with this launcher's environment and working directory. */
    ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb;
    }

    Result run(String... args) throws IOException, InterruptedException {
        return run(240, args);
    }

    Result run(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(distribution.resolve("bin/launch").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = processBuilder(command);
        Path out = Files.createTempFile("launch-out", ".txt");
        Path err = Files.createTempFile("launch-err", ".txt");
        try {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.redirectOutput(out.toFile());
            pb.redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("launch did not finish within " + timeoutSeconds + " s: " + command
                        + "\n--- stdout\n" + Files.readString(out) + "\n--- stderr\n" + Files.readString(err));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
