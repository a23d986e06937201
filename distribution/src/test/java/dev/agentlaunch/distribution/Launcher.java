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
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        String javaHome = System.getProperty("java.home");
        env.put("JAVA_HOME", javaHome);
        env.put("LANG", "C.UTF-8");
        // The launcher's own cache (its class-data archive) outside each fresh HOME, shared by all
        // runs, so only the first launch makes it; StartupArchiveIT covers the default location.
        env.put("AGENT_LAUNCH_CACHE_DIR", dist().getParent().resolve("e2e-launcher-cache").toString());
        workDir = home;
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

    Result run(String... args) throws IOException, InterruptedException {
        return run(120, args);
    }

    Result run(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(script().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
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
