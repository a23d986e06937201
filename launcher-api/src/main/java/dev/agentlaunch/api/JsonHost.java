package dev.agentlaunch.api;

import java.util.ServiceLoader;
import java.util.function.Supplier;

/** Finds the launcher's {@link Json} once, on first use (never on a launch that needs no JSON). */
enum JsonHost implements Supplier<Json> {
    INSTANCE;

    private volatile Json json;

    @Override
    public Json get() {
        Json found = json;
        if (found == null) {
            found = ServiceLoader.load(Json.class, Json.class.getClassLoader()).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no JSON support found: the plugin runs outside agent-launch 1.2 or newer"));
            json = found;
        }
        return found;
    }
}
