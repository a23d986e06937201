package dev.agentlaunch.plugins.codex;

import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.StateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A launch context for tests: given tool args, a state dir under a temp dir, notes collected. */
final class FakeContext implements LaunchContext {
    final List<String> notes = new ArrayList<>();
    private final List<String> toolArgs;
    private final Path stateDir;

    FakeContext(Path stateDir, String... toolArgs) {
        this.stateDir = stateDir;
        this.toolArgs = List.of(toolArgs);
    }

    @Override
    public Map<String, String> ambientEnv() {
        return Map.of();
    }

    @Override
    public Optional<Path> home() {
        return Optional.empty();
    }

    @Override
    public List<String> toolArgs() {
        return toolArgs;
    }

    @Override
    public StateFiles stateFiles() {
        return (suffix, content) -> {
            try {
                Files.createDirectories(stateDir);
                Path file = stateDir.resolve(UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)) + suffix);
                Files.writeString(file, content);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Override
    public void note(String line) {
        notes.add(line);
    }
}
