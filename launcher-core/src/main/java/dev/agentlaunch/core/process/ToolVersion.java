package dev.agentlaunch.core.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An installed tool's version, for {@code list-integrations} and {@code doctor} only (never on a
 * launch). A tool installed from npm says it in its package's {@code package.json}, read without
 * running anything: starting a Node CLI costs more than the whole listing, and some create their
 * data dirs under HOME on any start. Anything else is asked with {@code <tool> --version}.
 */
public final class ToolVersion {
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?)");
    private static final long TIMEOUT_SECONDS = 10;

    private final Map<String, String> env;

    /** @param env the environment the tool runs with (the user's) */
    public ToolVersion(Map<String, String> env) {
        this.env = env;
    }

    private static final Pattern PACKAGE_VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    /** The tool's version: its npm package's, else the first {@code x.y.z} it prints for {@code --version}. */
    public Optional<String> of(Path executable) {
        Optional<String> fromPackage = npmPackageVersion(executable);
        return fromPackage.isPresent() ? fromPackage : asked(executable);
    }

    /** The version in the package.json of the npm package the executable (through its symlinks) belongs to. */
    static Optional<String> npmPackageVersion(Path executable) {
        Path real;
        try {
            real = executable.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        // Only inside node_modules, and only up to the package's own directory: a package.json
        // further up would be some project's, not the tool's.
        for (Path dir = real.getParent(); dir != null && dir.getParent() != null; dir = dir.getParent()) {
            Path pkg = dir.resolve("package.json");
            if (Files.isRegularFile(pkg)) {
                if (!isInNodeModules(dir)) {
                    return Optional.empty();
                }
                try {
                    Matcher m = PACKAGE_VERSION.matcher(Files.readString(pkg));
                    return m.find() ? parse(m.group(1)) : Optional.empty();
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            }
            if (dir.getFileName() != null && dir.getFileName().toString().equals("node_modules")) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean isInNodeModules(Path dir) {
        for (Path p = dir.getParent(); p != null && p.getFileName() != null; p = p.getParent()) {
            if (p.getFileName().toString().equals("node_modules")) {
                return true;
            }
        }
        return false;
    }

    /** The first {@code x.y.z} the tool prints for {@code --version}, if it prints one in time. */
    private Optional<String> asked(Path executable) {
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
