package dev.agentlaunch.core.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks an installed tool for its version ({@code <tool> --version}), for {@code list-integrations}
 * and {@code doctor} only: a launch never runs it, since starting a Node CLI costs more than the
 * whole launch.
 */
public final class ToolVersion {
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?)");
    private static final long TIMEOUT_SECONDS = 10;

    private final Map<String, String> env;

    /** @param env the environment the tool runs with (the user's) */
    public ToolVersion(Map<String, String> env) {
        this.env = env;
    }

    /** The first {@code x.y.z} the tool prints for {@code --version}, if it prints one in time. */
    public Optional<String> of(Path executable) {
        ProcessBuilder pb = new ProcessBuilder(List.of(executable.toString(), "--version")).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(4096);
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return Optional.empty();
            }
            return parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<String> parse(String output) {
        Matcher m = VERSION.matcher(output);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
