package dev.agentlaunch.core.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs {@code TOOL --version} (stdin closed, a few seconds at most) and keeps its first line. */
public final class ToolVersion {
    private static final long TIMEOUT_SECONDS = 5;

    private ToolVersion() {
    }

    public static Optional<String> of(Path executable) {
        try {
            Process p = new ProcessBuilder(executable.toString(), "--version")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            try (InputStream in = p.getInputStream()) {
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return Optional.empty();
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                return text.isEmpty() ? Optional.empty() : Optional.of(text.lines().findFirst().orElse("").strip());
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
