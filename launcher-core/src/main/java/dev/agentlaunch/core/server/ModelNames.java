package dev.agentlaunch.core.server;

import java.util.Locale;

/** How Ollama matches model names: case-insensitively, and a name without a tag means {@code :latest}. */
final class ModelNames {
    private ModelNames() {
    }

    static String normalize(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        int slash = n.lastIndexOf('/');
        return n.indexOf(':', slash + 1) >= 0 ? n : n + ":latest";
    }
}
