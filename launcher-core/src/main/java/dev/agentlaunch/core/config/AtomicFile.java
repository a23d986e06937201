package dev.agentlaunch.core.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Replaces a file so that a reader (or a crash) only ever sees the old content or the new one:
 * write a temp file in the same directory, flush it to disk, keep the old file as
 * {@code NAME.bak} (one backup, itself replaced atomically), then rename over the target. A
 * symlinked target (dotfiles) stays a symlink: the file it points to is replaced.
 */
final class AtomicFile {
    /** The rename step, replaceable so a test can simulate a crash between write and rename. */
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    static final Mover RENAME = (from, to) -> {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    };

    private final Mover mover;

    AtomicFile(Mover mover) {
        this.mover = mover;
    }

    /** The backup kept next to a file. */
    static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /** Writes {@code content} to {@code target}; returns the path actually written (the symlink's target). */
    Path replace(Path target, byte[] content) throws IOException {
        Path real = Files.exists(target) ? target.toRealPath() : target;
        Path dir = real.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean existed = Files.exists(real, LinkOption.NOFOLLOW_LINKS);
        Path tmp = Files.createTempFile(dir, "." + real.getFileName() + ".", ".tmp");
        try {
            write(tmp, content);
            if (existed) {
                copyPermissions(real, tmp);
                Path backupTmp = Files.createTempFile(dir, "." + real.getFileName() + ".", ".bak.tmp");
                try {
                    Files.copy(real, backupTmp, StandardCopyOption.REPLACE_EXISTING);
                    mover.move(backupTmp, backupOf(real));
                } finally {
                    Files.deleteIfExists(backupTmp);
                }
            }
            mover.move(tmp, real);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return real;
    }

    private static void write(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);   // on disk before the rename makes it the file
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (view != null) {
            Files.setPosixFilePermissions(to, view.readAttributes().permissions());
        }
    }
}
