package dev.agentlaunch.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the assembled {@code bin/launch} the way a user would, with the real agent CLIs the build
 * installed: a fresh HOME, an environment built from scratch (no XDG dirs, no OLLAMA_HOST, no
 * tool config of the machine's), stdin closed, headless.
 */
final class Launcher {
    /** The outcome of one run. */
    record Result(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private final Path dist = Path.of(required("agentlaunch.dist"));
    private final Path agentsBin = Path.of(required("agentlaunch.agents")).resolve("node_modules/.bin");
    final Path home;
    final Path work;
    final Map<String, String> env = new LinkedHashMap<>();

    /** A launcher with a fresh HOME and working dir under {@code tmp}; PATH holds the agent CLIs unless told otherwise. */
    Launcher(Path tmp, boolean toolsOnPath) throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        work = Files.createDirectories(tmp.resolve("work"));
        String systemPath = "/usr/bin:/bin";
        String node = findOnPath("node");
        if (node != null) {
            systemPath = Path.of(node).getParent() + ":" + systemPath;
        }
        env.put("PATH", toolsOnPath ? agentsBin + ":" + systemPath : systemPath);
        env.put("HOME", home.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("LANG", "C.UTF-8");
        env.put("NO_COLOR", "1");
    }

    /** Skips the test when the build could not install the agent CLIs (no npm); under CI=true that fails instead. */
    void requireTool(String name) {
        boolean installed = Files.isExecutable(agentsBin.resolve(name));
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail(name + " is not installed in " + agentsBin + ": the build's agents/install.sh must install it under CI");
        }
        Assumptions.assumeTrue(installed, name + " is not installed in " + agentsBin + " (no npm?): skipping");
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(dist.resolve("bin/launch").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(home.getParent(), "stdout", ".txt");
        Path err = Files.createTempFile(home.getParent(), "stderr", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();    // stdin closed: Codex exec reads stdin until EOF
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("launch " + String.join(" ", args) + " did not finish\n" + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
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
        try (Stream<Path> files = Files.walk(home)) {
            files.filter(Files::isRegularFile).forEach(f -> assertTrue(allowed.stream().anyMatch(f::startsWith),
                    f + " was written outside the launcher's state dir and the tool's own dirs " + List.of(toolDirs)));
        }
    }

    /** Runs a command in the working dir (git, to set up a repository for a review). */
    void sh(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            fail(String.join(" ", command) + " failed: " + output);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the e2e tests through Maven (failsafe)");
        }
        return value;
    }

    private static String findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return null;
    }
}
