package dev.agentlaunch.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A snapshot of every file under a directory (path → size and modification time), to prove nothing changed. */
final class FileTree {
    private FileTree() {
    }

    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                files.put(root.relativize(p).toString(), (a.isDirectory() ? "dir" : a.size() + " bytes")
                        + " @" + a.lastModifiedTime().toMillis());
            }
        }
        return files;
    }
}
