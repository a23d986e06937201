package dev.agentlaunch.core.process;

import dev.agentlaunch.api.StateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's state dir, {@code $XDG_STATE_HOME/agent-launch} (default
 * {@code ~/.local/state/agent-launch}): the only place a launch writes, and only for files a
 * tool must read. Files are named by content hash and written atomically (temp file + rename),
 * so parallel launches never see a half-written file.
 */
public final class StateDirectory implements StateFiles {
    private final Path dir;

    public StateDirectory(Path dir) {
        this.dir = dir;
    }

    public static Optional<StateDirectory> of(Map<String, String> env, Optional<Path> home) {
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && xdg.startsWith("/")) {
            return Optional.of(new StateDirectory(Path.of(xdg, "agent-launch")));
        }
        return home.map(h -> new StateDirectory(h.resolve(".local/state/agent-launch")));
    }

    public Path dir() {
        return dir;
    }

    /** The same names, written nowhere: for a trial mapping that must not touch the disk. */
    public StateFiles namesOnly() {
        return new StateFiles() {
            @Override
            public Path file(String suffix, String content) {
                return fileName(suffix, content.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public Path directory(String suffix, String relativePath, String content) {
                directoryFile(directoryName(suffix, content), relativePath);
                return directoryName(suffix, content);
            }
        };
    }

    @Override
    public Path file(String suffix, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Path target = fileName(suffix, bytes);
        write(target, bytes);
        return target;
    }

    @Override
    public Path directory(String suffix, String relativePath, String content) {
        Path root = directoryName(suffix, content);
        write(directoryFile(root, relativePath), content.getBytes(StandardCharsets.UTF_8));
        return root;
    }

    private Path fileName(String suffix, byte[] bytes) {
        return dir.resolve(sha256(bytes).substring(0, 16) + suffix);
    }

    private Path directoryName(String suffix, String content) {
        return dir.resolve(sha256(content.getBytes(StandardCharsets.UTF_8)).substring(0, 16) + suffix);
    }

    private static Path directoryFile(Path root, String relativePath) {
        Path target = root.resolve(relativePath).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("not a path inside the directory: " + relativePath);
        }
        return target;
    }

    private static void write(Path target, byte[] bytes) {
        Path parent = target.getParent();
        try {
            if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                return;
            }
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".tmp-", ".part");
            try {
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the launcher's state dir " + parent, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
