package dev.agentlaunch.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in agent tool: a shell script that records its argv (NUL-separated, byte-exact) and
 * its environment in a directory outside HOME, then exits with a chosen code.
 */
final class StubTool {
    final Path binDir;
    final Path record;

    StubTool(Path dir, String name, int exitCode) throws IOException {
        this.binDir = Files.createDirectories(dir.resolve("bin"));
        this.record = Files.createDirectories(dir.resolve("record"));
        Path script = binDir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n"
                + "for a in \"$@\"; do printf '%s\\000' \"$a\"; done > '" + record.resolve("argv") + "'\n"
                + "env > '" + record.resolve("env") + "'\n"
                + "exit " + exitCode + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    boolean ran() {
        return Files.exists(record.resolve("argv"));
    }

    /**
     * The tool's arguments after the pair the Claude plugin puts first on every launch (its own
     * {@code --agents} Explore entry), so a test compares what the user passed; {@link #rawArgv()}
     * has everything.
     */
    List<String> argv() throws IOException {
        List<String> all = rawArgv();
        return all.size() >= 2 && all.get(0).equals("--agents") ? all.subList(2, all.size()) : all;
    }

    /** Every argument the tool received, byte-exact. */
    List<String> rawArgv() throws IOException {
        byte[] bytes = Files.readAllBytes(record.resolve("argv"));
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                args.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return args;
    }

    Map<String, String> env() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(record.resolve("env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }
}
