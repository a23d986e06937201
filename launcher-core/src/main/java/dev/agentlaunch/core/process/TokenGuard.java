package dev.agentlaunch.core.process;

import dev.agentlaunch.api.StateFiles;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.server.ApiKey;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps a server's token out of everything a launch prints or writes, whatever the integration
 * does: a note that would carry it shows the user's variable instead ({@code $TEAM_TOKEN}, e.g.
 * "replacing your OPENAI_API_KEY=**** with ..."), and a plugin putting it into a state file or
 * the tool's arguments fails the launch (exit 4) instead of leaving it on disk or in {@code ps}.
 */
final class TokenGuard {
    private final ApiKey key;
    private final LoadedIntegration loaded;

    TokenGuard(ApiKey key, LoadedIntegration loaded) {
        this.key = key;
        this.loaded = loaded;
    }

    /** Notes with the token written as a reference to its variable. */
    Consumer<String> notes(Consumer<String> notes) {
        return line -> notes.accept(line.replace(key.value(), "$" + key.variable()));
    }

    /** The state dir, refusing any file that would hold the token. */
    StateFiles stateFiles(StateFiles files) {
        return new StateFiles() {
            @Override
            public Path file(String suffix, String content) {
                check(content, "a file of the launcher's state dir");
                return files.file(suffix, content);
            }

            @Override
            public Path directory(String suffix, String relativePath, String content) {
                check(content, "a file of the launcher's state dir");
                return files.directory(suffix, relativePath, content);
            }
        };
    }

    void checkArgs(List<String> args) {
        for (String a : args) {
            check(a, "the tool's arguments, where anyone on this machine could read it");
        }
    }

    private void check(String text, String where) {
        if (text.contains(key.value())) {
            throw LauncherException.plugin("plugin " + loaded.jar() + " put the server's token into " + where
                    + "; report it to the plugin's author");
        }
    }
}
