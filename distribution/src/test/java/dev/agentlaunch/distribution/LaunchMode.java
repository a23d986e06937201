package dev.agentlaunch.distribution;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two ways the launcher starts a tool: {@code bin/launch} hands off and the tool replaces
 * the script's process (exec); {@code java -cp 'lib/*' Main} (no script, e.g. Windows or
 * {@code java -jar}) runs the tool as a child and waits for it.
 */
enum LaunchMode {
    EXEC {
        @Override
        List<String> command(List<String> args) {
            List<String> c = new ArrayList<>();
            c.add(Launcher.script().toString());
            c.addAll(args);
            return c;
        }
    },
    CHILD {
        @Override
        List<String> command(List<String> args) {
            List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", Launcher.dist().resolve("lib") + "/*", "dev.agentlaunch.core.Main"));
            c.addAll(args);
            return c;
        }
    };

    /** The command line that runs the launcher with these arguments. */
    abstract List<String> command(List<String> args);
}
