package dev.agentlaunch.core.server;

import dev.agentlaunch.api.ModelServer;
import dev.agentlaunch.api.ServerAnswer;
import dev.agentlaunch.core.LauncherException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Finds the kind of an endpoint: every kind's probe paths, GET all at once (five small requests
 * for the built-ins), then the first kind in detection order that recognises the answers. A server
 * that answers none of them like a known kind, or only with 401/403, is one line saying what to do.
 */
public final class KindDetector {
    /** The kind found, and how, for {@code --dry-run} and {@code doctor}. */
    public record Detected(ModelServer kind, String how) {
    }

    private final ServerKinds kinds;

    public KindDetector(ServerKinds kinds) {
        this.kinds = kinds;
    }

    /**
     * @throws LauncherException exit 3: nothing answered, only refusals (401/403), or no kind recognised
     */
    public Detected detect(HttpServerConnection connection) {
        Map<String, ServerAnswer> answers = answers(connection);
        Detected found = recognise(answers);
        if (found != null) {
            return found;
        }
        for (Map.Entry<String, ServerAnswer> a : answers.entrySet()) {
            int status = a.getValue().status();
            if (status == 401 || status == 403) {
                throw connection.unauthorized(status, "GET " + a.getKey());
            }
        }
        throw LauncherException.notReady("the server at " + connection.url() + " (" + connection.address().source()
                + ") answers like none of the known server kinds (" + String.join(", ", kinds.names())
                + "); name its kind with --server-kind KIND, or check that --host points at a model server");
    }

    /**
     * Proves a kind the user named: the server must answer like it ({@code --server-kind vllm} at an
     * Ollama is a mistake to say, not a launch to try).
     *
     * @throws LauncherException exit 3 naming what the server looks like instead
     */
    public Detected verify(HttpServerConnection connection, ModelServer kind, String source) {
        Map<String, ServerAnswer> answers = answers(connection);
        if (recognisesSafely(kind, answers)) {
            return new Detected(kind, source + ", confirmed by its answer to " + String.join(", ", kind.probePaths().stream()
                    .map(p -> "GET " + p).toList()));
        }
        Detected instead = recognise(answers);
        for (String p : kind.probePaths()) {
            ServerAnswer a = answers.get(p);
            if (instead == null && a != null && (a.status() == 401 || a.status() == 403)) {
                throw connection.unauthorized(a.status(), "GET " + p);
            }
        }
        throw LauncherException.notReady("the server at " + connection.url() + " does not answer like " + kind.displayName()
                + " (" + source + " says " + kind.kind() + ")" + (instead == null ? "" : ": it answers like "
                + instead.kind().displayName() + "; pass --server-kind " + instead.kind().kind() + " or drop " + source)
                + (instead == null ? "; check " + source + " and --host" : ""));
    }

    private Detected recognise(Map<String, ServerAnswer> answers) {
        for (ModelServer kind : kinds.inDetectionOrder()) {
            if (recognisesSafely(kind, answers)) {
                return new Detected(kind, "detected from its answer to " + String.join(", ", kind.probePaths().stream()
                        .filter(answers::containsKey).map(p -> "GET " + p).toList()));
            }
        }
        return null;
    }

    private static boolean recognisesSafely(ModelServer kind, Map<String, ServerAnswer> answers) {
        try {
            return kind.recognises(answers);
        } catch (RuntimeException | LinkageError e) {
            return false;                   // a plugin's broken recogniser must not hide the built-ins
        }
    }

    /** Every kind's probe paths, all at once; an unanswered path is absent (all unanswered: the server is down). */
    private Map<String, ServerAnswer> answers(HttpServerConnection connection) {
        Set<String> paths = new LinkedHashSet<>();
        kinds.inDetectionOrder().forEach(k -> paths.addAll(k.probePaths()));
        Map<String, CompletableFuture<ServerAnswer>> pending = new LinkedHashMap<>();
        paths.forEach(p -> pending.put(p, connection.get(p)));
        Map<String, ServerAnswer> answers = new LinkedHashMap<>();
        RuntimeException unreachable = null;
        for (Map.Entry<String, CompletableFuture<ServerAnswer>> e : pending.entrySet()) {
            try {
                answers.put(e.getKey(), e.getValue().join());
            } catch (CompletionException ex) {
                if (unreachable == null) {
                    unreachable = ex.getCause() instanceof RuntimeException re ? re : ex;
                }
            }
        }
        if (answers.isEmpty() && unreachable != null) {
            throw unreachable;
        }
        return answers;
    }
}
