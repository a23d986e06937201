package dev.agentlaunch.core.cli;

import dev.agentlaunch.core.Main;
import dev.agentlaunch.core.output.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code launch --plugins-dir DIR ...} in this JVM, as the command tests meet it: a HOME of its
 * own, PATH only {@code HOME/bin}, no terminal, and a plugin dir holding the fake integration
 * (tests add more jars there). What it printed stays in {@link #out} and {@link #err}.
 */
final class InProcessLauncher {
    final Path home;
    final Path plugins;
    /** The launcher's environment: tests add their variables (tokens, say). */
    final Map<String, String> env = new HashMap<>();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    InProcessLauncher(Path home) throws IOException {
        this.home = home;
        this.plugins = Files.createDirectory(home.resolve("plugins"));
        TestPlugin.jar(plugins, "fake-plugin", FakeIntegration.class);
        env.put("HOME", home.toString());
        env.put("PATH", home.resolve("bin").toString());
    }

    /** Runs one command; its exit code. */
    int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--plugins-dir", plugins.toString()));
        all.addAll(List.of(args));
        return new Main(env, new PrintWriter(out, true), new PrintWriter(err, true), null, Optional.empty(), Terminal.none())
                .run(all.toArray(String[]::new));
    }
}
