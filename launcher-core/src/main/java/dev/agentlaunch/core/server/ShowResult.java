package dev.agentlaunch.core.server;

import java.util.OptionalInt;
import java.util.Set;

/**
 * What {@code POST /api/show} said about one model.
 *
 * @param found         false when the server answered 404 (the model is not pulled)
 * @param contextLength the model's maximum context ({@code <arch>.context_length} in {@code model_info})
 * @param capabilities  {@code capabilities}: {@code completion}, {@code tools}, {@code vision}, ...
 */
record ShowResult(boolean found, OptionalInt contextLength, Set<String> capabilities) {
    static ShowResult notFound() {
        return new ShowResult(false, OptionalInt.empty(), Set.of());
    }
}
