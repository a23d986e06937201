package dev.agentlaunch.core.server;

import java.util.OptionalInt;
import java.util.Set;

/**
 * What {@code POST /api/show} said about one model.
 *
 * @param found         false when the server answered 404 (the model is not pulled) or 401
 * @param contextLength the model's maximum context ({@code <arch>.context_length} in {@code model_info},
 *                      else {@code details.context_length})
 * @param capabilities  {@code capabilities}: {@code completion}, {@code tools}, {@code vision}, ...
 * @param remote        the answer names a {@code remote_host}: the model runs there, not on the server
 * @param signInNeeded  the server answered 401: a cloud model, and its owner is not signed in to ollama.com
 */
record ShowResult(boolean found, OptionalInt contextLength, Set<String> capabilities, boolean remote, boolean signInNeeded) {
    static ShowResult notFound() {
        return new ShowResult(false, OptionalInt.empty(), Set.of(), false, false);
    }

    static ShowResult signInFirst() {
        return new ShowResult(false, OptionalInt.empty(), Set.of(), true, true);
    }
}
