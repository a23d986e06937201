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

    static Path script() {
        return dist().resolve("bin/launch");
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
    private Path workDir;

    Launcher(Path home) {
        env.put("HOME", home.toString());
        env.put("PATH", systemPath());
        String javaHome = System.getProperty("java.home");
        env.put("JAVA_HOME", javaHome);
        env.put("LANG", "C.UTF-8");
        workDir = home;
    }

    private static String systemPath;

    /**
     * The tests' base PATH: /usr/bin and /bin, minus the tools installed there globally from npm
     * (a machine's own {@code claude} must never stand in for a stub, or hide a missing tool).
     * A directory of symlinks, made once per test JVM.
     */
    static synchronized String systemPath() {
        if (systemPath == null) {
            try {
                Path dir = Files.createTempDirectory("launch-it-path");
                for (String system : List.of("/usr/bin", "/bin")) {
                    try (java.util.stream.Stream<Path> entries = Files.list(Path.of(system))) {
                        for (Path p : (Iterable<Path>) entries::iterator) {
                            Path link = dir.resolve(p.getFileName().toString());
                            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !npmInstalled(p)) {
                                Files.createSymbolicLink(link, p);
                            }
                        }
                    }
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try (java.util.stream.Stream<Path> links = Files.list(dir)) {
                        for (Path l : (Iterable<Path>) links::iterator) {
                            Files.deleteIfExists(l);
                        }
                        Files.deleteIfExists(dir);
                    } catch (IOException e) {
                        // a temp dir left behind
                    }
                }));
                systemPath = dir.toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return systemPath;
    }

    private static boolean npmInstalled(Path p) throws IOException {
        if (!Files.isSymbolicLink(p)) {
            return false;
        }
        String target = Files.readSymbolicLink(p).toString();
        return target.contains("node_modules/") && !target.contains("node_modules/npm/") && !target.contains("corepack");
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
        this.workDir = dir;
        return this;
    }

    /** A process builder for any command, with this launcher's environment and working directory. */
    ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb;
    }

    Result run(String... args) throws IOException, InterruptedException {
        return run(120, args);
    }

    Result run(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(script().toString());
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
