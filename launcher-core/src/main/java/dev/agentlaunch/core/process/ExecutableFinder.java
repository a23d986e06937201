package dev.agentlaunch.core.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a tool's executable where it really is: on {@code PATH} first, then where installers put
 * tools and often leave them off PATH: the integration's own install dirs (Claude Code's native
 * installer, OpenCode's install script), npm's global bin dir, and the per-user bin dirs. Only
 * absolute {@code PATH} entries count: a relative entry would run a file from whatever directory
 * the user happens to be in.
 *
 * <p>npm's global prefix is learned without running npm (a Node process would cost a launch a
 * few hundred milliseconds): {@code npm_config_prefix} in the environment, else {@code prefix=}
 * in the user's npmrc ({@code npm_config_userconfig}, default {@code ~/.npmrc}), else in the
 * global npmrc next to the {@code node} on PATH ({@code <prefix>/etc/npmrc}); npm's default
 * prefix is that node's own directory, already on PATH. None of it is read when the tool is on
 * PATH.
 */
public final class ExecutableFinder {

    /**
     * The lookup's outcome.
     *
     * @param executable    the first executable match
     * @param notExecutable the first match that exists but cannot be run, when nothing runnable was found
     * @param where         where the match was, in words: {@code on PATH}, {@code in npm's global bin dir ...}
     */
    public record Result(Optional<Path> executable, Optional<Path> notExecutable, String where) {
        public Result(Optional<Path> executable, Optional<Path> notExecutable) {
            this(executable, notExecutable, executable.isPresent() ? "on PATH" : "");
        }

        /** {@code /x/claude (on PATH)}, or empty when nothing runnable was found. */
        public Optional<String> described() {
            return executable.map(p -> p + " (" + where + ")");
        }
    }

    /** A directory to look in, and how to say it was there. */
    record Dir(Path path, String where) {
    }

    private static final Pattern PREFIX_LINE = Pattern.compile("^\\s*prefix\\s*=\\s*(.*?)\\s*$", Pattern.MULTILINE);
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([^}]+)}");

    private final Map<String, String> env;
    private final Optional<Path> home;

    public ExecutableFinder(Map<String, String> env, Optional<Path> home) {
        this.env = env;
        this.home = home;
    }

    /** PATH alone (and the per-user dirs), for helpers that are not an integration's tool. */
    public ExecutableFinder(String path, Optional<Path> home) {
        this(path == null ? Map.of() : Map.of("PATH", path), home);
    }

    public Result find(List<String> names) {
        return find(names, List.of(), "its installer");
    }

    /**
     * @param names       executable names, first match wins within a directory
     * @param installDirs the tool's own install dirs, relative to the home directory
     * @param tool        the tool's name, for {@code where}
     */
    public Result find(List<String> names, List<String> installDirs, String tool) {
        Path[] notExecutable = {null};
        Optional<Result> found = search(pathDirs(), names, notExecutable);
        if (found.isEmpty()) {
            found = search(installerDirs(installDirs, tool), names, notExecutable);
        }
        return found.orElseGet(() -> new Result(Optional.empty(), Optional.ofNullable(notExecutable[0]), ""));
    }

    private static Optional<Result> search(List<Dir> dirs, List<String> names, Path[] notExecutable) {
        for (Dir dir : dirs) {
            for (String name : names) {
                Path candidate = dir.path().resolve(name);
                if (Files.isRegularFile(candidate)) {      // follows symlinks; directories never match
                    if (Files.isExecutable(candidate)) {
                        return Optional.of(new Result(Optional.of(candidate), Optional.empty(), dir.where()));
                    }
                    if (notExecutable[0] == null) {
                        notExecutable[0] = candidate;
                    }
                }
            }
        }
        return Optional.empty();
    }

    List<Dir> pathDirs() {
        List<Dir> dirs = new ArrayList<>();
        String path = env.get("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isEmpty() && entry.startsWith("/")) {
                    dirs.add(new Dir(Path.of(entry), "on PATH"));
                }
            }
        }
        return dirs;
    }

    /** Where installers put tools, in the order searched after PATH. */
    List<Dir> installerDirs(List<String> installDirs, String tool) {
        List<Dir> dirs = new ArrayList<>();
        home.ifPresent(h -> {
            for (String dir : installDirs) {
                Path p = h.resolve(dir).normalize();
                if (p.startsWith(h)) {          // a plugin names dirs under HOME, never elsewhere
                    dirs.add(new Dir(p, "in " + tool + "'s own install dir ~/" + h.relativize(p) + ", not on PATH"));
                }
            }
        });
        npmPrefix().ifPresent(p -> dirs.add(new Dir(p.resolve("bin"), "in npm's global bin dir (prefix " + p + "), not on PATH")));
        home.ifPresent(h -> {
            dirs.add(new Dir(h.resolve(".npm-global/bin"), "in ~/.npm-global/bin, not on PATH"));
            dirs.add(new Dir(h.resolve(".local/bin"), "in ~/.local/bin, not on PATH"));
        });
        return dirs;
    }

    /** npm's global prefix as npm would find it, from the environment and npmrc files only. */
    Optional<Path> npmPrefix() {
        String fromEnv = npmEnv("prefix");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return absolute(fromEnv);
        }
        String userConfig = npmEnv("userconfig");
        Optional<Path> userRc = userConfig != null && !userConfig.isBlank() ? absolute(userConfig)
                : home.map(h -> h.resolve(".npmrc"));
        Optional<Path> fromUser = userRc.flatMap(this::prefixIn);
        if (fromUser.isPresent()) {
            return fromUser;
        }
        return nodePrefix().flatMap(p -> prefixIn(p.resolve("etc/npmrc")));
    }

    /** {@code npm_config_NAME} in any case, as npm reads it. */
    private String npmEnv(String name) {
        String wanted = "npm_config_" + name;
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
                return e.getValue();
            }
        }
        return null;
    }

    private Optional<Path> prefixIn(Path npmrc) {
        try {
            if (!Files.isRegularFile(npmrc) || Files.size(npmrc) > 1_000_000) {
                return Optional.empty();
            }
            Matcher m = PREFIX_LINE.matcher(Files.readString(npmrc));
            String value = null;
            while (m.find()) {
                value = m.group(1);              // npm's ini: the last one wins
            }
            if (value == null || value.isEmpty()) {
                return Optional.empty();
            }
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            return absolute(value);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();             // an unreadable npmrc only means one place fewer to look
        }
    }

    /** A configured path: {@code ${VAR}} from the environment and a leading {@code ~/} expanded, as npm does. */
    private Optional<Path> absolute(String raw) {
        Matcher m = ENV_REF.matcher(raw);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(env.getOrDefault(m.group(1), "")));
        }
        m.appendTail(b);
        String s = b.toString();
        if ((s.equals("~") || s.startsWith("~/")) && home.isPresent()) {
            return Optional.of(home.get().resolve(s.equals("~") ? "" : s.substring(2)));
        }
        return s.startsWith("/") ? Optional.of(Path.of(s)) : Optional.empty();
    }

    /** The directory above the {@code node} found on PATH: npm's default prefix, holding its global npmrc. */
    private Optional<Path> nodePrefix() {
        for (Dir dir : pathDirs()) {
            Path node = dir.path().resolve("node");
            if (Files.isRegularFile(node) && Files.isExecutable(node)) {
                try {
                    Path bin = node.toRealPath().getParent();
                    return Optional.ofNullable(bin == null ? null : bin.getParent());
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
