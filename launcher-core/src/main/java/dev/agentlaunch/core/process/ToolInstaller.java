package dev.agentlaunch.core.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Installs a missing tool with the npm command its plugin names in {@code installHint()}, when the
 * user said yes. Only a hint that is exactly {@code npm install -g PACKAGE...} qualifies: the
 * launcher runs npm itself (the one on PATH), never a shell, never {@code sudo}.
 */
public final class ToolInstaller {
    private static final Pattern PACKAGE = Pattern.compile("(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*(@[A-Za-z0-9._~^<>=*+-]+)?");

    private final Map<String, String> env;

    public ToolInstaller(Map<String, String> env) {
        this.env = env;
    }

    /** The npm arguments of a hint that is exactly an {@code npm install -g} of packages, else empty. */
    public static Optional<List<String>> npmCommand(String hint) {
        if (hint == null) {
            return Optional.empty();
        }
        String[] words = hint.trim().split(" +");
        if (words.length < 4 || !words[0].equals("npm") || !(words[1].equals("install") || words[1].equals("i"))
                || !(words[2].equals("-g") || words[2].equals("--global"))) {
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>(List.of("install", "-g"));
        for (int i = 3; i < words.length; i++) {
            if (!PACKAGE.matcher(words[i]).matches()) {
                return Optional.empty();
            }
            argv.add(words[i]);
        }
        return Optional.of(argv);
    }

    /** The npm on PATH, if any. */
    public Optional<Path> npm() {
        return new ExecutableFinder(env.get("PATH"), Optional.empty()).find(List.of("npm")).executable();
    }

    /**
     * Runs {@code npm ARGS} with the user's environment, its output (both streams) on {@code err}:
     * stdout stays the tool's.
     *
     * @return npm's exit code
     */
    public int run(Path npm, List<String> args, PrintWriter err) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(npm.toString());
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        try (InputStream out = p.getInputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = out.read(buf)) > 0) {
                err.write(new String(buf, 0, n, Charset.defaultCharset()));
                err.flush();
            }
        }
        return p.waitFor();
    }
}
