package dev.agentlaunch.core.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a tool's executable on {@code PATH}, then in well-known per-user install dirs (where
 * {@code npm install -g} puts tools for users without root, often missing from PATH). Only
 * absolute {@code PATH} entries count: a relative entry would run a file from whatever directory
 * the user happens to be in.
 */
public final class ExecutableFinder {

    /**
     * The lookup's outcome.
     *
     * @param executable    the first executable match
     * @param notExecutable the first match that exists but cannot be run, when nothing runnable was found
     */
    public record Result(Optional<Path> executable, Optional<Path> notExecutable) {
    }

    private final String path;
    private final Optional<Path> home;

    public ExecutableFinder(String path, Optional<Path> home) {
        this.path = path;
        this.home = home;
    }

    public Result find(List<String> names) {
        Path notExecutable = null;
        for (Path dir : searchDirs()) {
            for (String name : names) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {      // follows symlinks; directories never match
                    if (Files.isExecutable(candidate)) {
                        return new Result(Optional.of(candidate), Optional.empty());
                    }
                    if (notExecutable == null) {
                        notExecutable = candidate;
                    }
                }
            }
        }
        return new Result(Optional.empty(), Optional.ofNullable(notExecutable));
    }

    List<Path> searchDirs() {
        List<Path> dirs = new ArrayList<>();
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isEmpty() && entry.startsWith("/")) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        home.ifPresent(h -> {
            dirs.add(h.resolve(".local/bin"));
            dirs.add(h.resolve(".npm-global/bin"));
        });
        return dirs;
    }
}
