package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The launcher as a process, in both launch modes, around a stub tool: the tool's exit code
 * (signal deaths as 128+n) becomes the launcher's, signals reach the tool, the launcher never
 * exits before the tool, and stdin/stdout/stderr pass through byte for byte.
 */
@Timeout(120)
class ProcessBehaviourIT {
    /**
     * The stub "claude": its first argument after the launcher's {@code --agents} pair picks what it does. {@code wait} installs traps,
     * says "ready" on stdout, and exits 42 on SIGINT or 43 on SIGTERM after recording which came.
     */
    static final String STUB = """
            #!/bin/sh
            rec='%s'
            echo $$ > "$rec/pid"
            [ "$1" = --agents ] && shift 2   # the Claude plugin's own Explore entry comes first
            case "$1" in
              exit) exit "$2" ;;
              die) kill -s "$2" $$; exit 99 ;;
              cat) cat; cat "$2" >&2; exit 0 ;;
              wait)
                trap 'echo INT > "$rec/signal"; kill $child; exit 42' INT
                trap 'echo TERM > "$rec/signal"; kill $child; exit 43' TERM
                sleep 600 & child=$!
                echo ready
                wait $child
                exit 99 ;;
            esac
            exit 98
            """;

    @TempDir
    Path home;
    @TempDir
    Path outside;

    Path record;
    Launcher launcher;
    final List<Process> started = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        Path bin = Files.createDirectories(outside.resolve("bin"));
        record = Files.createDirectories(outside.resolve("record"));
        Path stub = bin.resolve("claude");
        Files.writeString(stub, STUB.formatted(record));
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        launcher = new Launcher(home).path(bin);
    }

    @AfterEach
    void killLeftovers() throws IOException {
        // An orphaned tool (the failure this class guards against) and its children must not outlive the test.
        toolProcess().ifPresent(t -> {
            t.descendants().forEach(ProcessHandle::destroyForcibly);
            t.destroyForcibly();
        });
        started.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
        started.forEach(Process::destroyForcibly);
    }

    static Stream<Arguments> exitCodes() {
        List<Arguments> cases = new ArrayList<>();
        for (LaunchMode mode : LaunchMode.values()) {
            for (int code : new int[] {0, 1, 2, 130}) {
                cases.add(Arguments.of(mode, List.of("exit", String.valueOf(code)), code));
            }
            cases.add(Arguments.of(mode, List.of("die", "TERM"), 128 + 15));
            cases.add(Arguments.of(mode, List.of("die", "KILL"), 128 + 9));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: tool does {1} -> launcher exits {2}")
    @MethodSource("exitCodes")
    void launcherExitsWithTheToolsExitCode(LaunchMode mode, List<String> toolArgs, int expected) throws Exception {
        Process p = start(mode, toolArgs);
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(expected, p.waitFor(), output);
        assertEquals("", output, "the launcher adds nothing to a clean launch");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LaunchMode.class)
    void sigtermToTheLauncherReachesTheToolAndTheLauncherWaitsForIt(LaunchMode mode) throws Exception {
        Process p = startWaitingTool(mode, false);
        long tool = toolProcess().orElseThrow().pid();

        signal("TERM", String.valueOf(p.pid()));

        assertEquals(43, p.waitFor(), "the tool's own exit code after its SIGTERM handler ran");
        assertEquals("TERM", Files.readString(record.resolve("signal")).trim());
        assertFalse(ProcessHandle.of(tool).map(ProcessHandle::isAlive).orElse(false),
                "the launcher exited after the tool, not before it (no orphan)");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LaunchMode.class)
    void ctrlCReachesTheToolAndTheLauncherWaitsForIt(LaunchMode mode) throws Exception {
        // A terminal sends Ctrl-C to the whole foreground process group: the launcher runs in its own group here.
        Process p = startWaitingTool(mode, true);
        long tool = toolProcess().orElseThrow().pid();

        signal("INT", "-" + p.pid());

        assertEquals(42, p.waitFor(), "the tool's own exit code after its SIGINT handler ran (not the launcher's 130)");
        assertEquals("INT", Files.readString(record.resolve("signal")).trim());
        assertFalse(ProcessHandle.of(tool).map(ProcessHandle::isAlive).orElse(false), "no orphan");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LaunchMode.class)
    void binaryStdinStdoutAndStderrPassThroughUntouched(LaunchMode mode) throws Exception {
        byte[] in = new byte[256 * 1024];
        new Random(8).nextBytes(in);
        for (int i = 0; i < 256; i++) {
            in[i] = (byte) i;  // every byte value, NUL and invalid UTF-8 included
        }
        byte[] errPayload = new byte[64 * 1024];
        new Random(9).nextBytes(errPayload);
        Path inFile = Files.write(outside.resolve("stdin.bin"), in);
        Path errSource = Files.write(outside.resolve("stderr.bin"), errPayload);
        Path out = outside.resolve("stdout.out");
        Path err = outside.resolve("stderr.out");

        ProcessBuilder pb = launcher.processBuilder(mode.command(List.of("claude", "--offline", "--model", "qwen3:8b", "--",
                "cat", errSource.toString())));
        pb.redirectInput(inFile.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        started.add(p);

        assertEquals(0, p.waitFor(), () -> "stderr: " + readLossy(err));
        assertArrayEquals(in, Files.readAllBytes(out), "stdin reached the tool and its stdout came back byte for byte");
        assertArrayEquals(errPayload, Files.readAllBytes(err), "the tool's stderr, and nothing else, on stderr");
    }

    // ------------------------------------------------------------------------------------ helpers

    private Process start(LaunchMode mode, List<String> toolArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("claude", "--offline", "--model", "qwen3:8b", "--"));
        args.addAll(toolArgs);
        Process p = launcher.processBuilder(mode.command(args)).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    /** Starts the waiting stub (optionally as the leader of a new process group) and returns once it is ready. */
    private Process startWaitingTool(LaunchMode mode, boolean ownGroup) throws IOException {
        List<String> args = new ArrayList<>(List.of("claude", "--offline", "--model", "qwen3:8b", "--", "wait"));
        List<String> command = new ArrayList<>(mode.command(args));
        if (ownGroup) {
            command.add(0, "setsid");   // not a group leader yet, so setsid execs in place: same pid
        }
        Process p = launcher.processBuilder(command).redirectInput(new File("/dev/null"))
                .redirectError(outside.resolve("stderr.txt").toFile()).start();
        started.add(p);
        BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", stdout.readLine(), "the stub tool started and installed its traps");
        return p;
    }

    private java.util.Optional<ProcessHandle> toolProcess() throws IOException {
        Path pid = record.resolve("pid");
        if (!Files.exists(pid)) {
            return java.util.Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()));
    }

    private static void signal(String signal, String target) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", signal, "--", target).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -s " + signal + " " + target);
    }

    private static String readLossy(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
