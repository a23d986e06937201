package dev.agentlaunch.api;

import java.util.concurrent.CompletableFuture;

/**
 * The launcher's HTTP client for one model server, handed to a {@link ModelServer}: short
 * timeouts, the server's token (when the user named one with {@code --api-key-env}) sent as
 * {@code Authorization: Bearer}, and one-line errors for a server that does not answer. Requests
 * run concurrently; a kind starts all it needs, then joins them.
 *
 * @since 1.2.0
 */
public interface ServerConnection {
    /** The server's base URL without a trailing slash: {@code http://gpu-box:8000}. */
    String url();

    /**
     * {@code GET url + path}. Completes exceptionally with the launcher's one-line error when the
     * server does not answer at all; any HTTP status completes normally.
     */
    CompletableFuture<ServerAnswer> get(String path);

    /** {@code POST url + path} with a JSON body; otherwise like {@link #get}. */
    CompletableFuture<ServerAnswer> post(String path, String jsonBody);

    /**
     * {@code POST url + path} with a JSON body, its answer read line by line as it streams (a
     * pull's progress): each non-blank line goes to {@code lines} as an answer of its own (the
     * response's status, the line as body, {@link ServerAnswer#json()} parsed) until {@code lines}
     * returns false or the answer ends. Blocks, without a read timeout (a download takes minutes);
     * Ctrl-C ends it with the launcher's "cancelled" error. A 401/403 or a status other than 200 is
     * the launcher's one-line error (exit 3) naming {@code what}.
     *
     * @param what the request in words, for errors: {@code POST /api/pull for qwen3:4b}
     * @return true when {@code lines} ended it (returned false), false when the answer ended first
     * @throws UnsupportedOperationException from a launcher older than 1.3.0
     * @since 1.3.0
     */
    default boolean stream(String path, String jsonBody, String what, java.util.function.Predicate<ServerAnswer> lines) {
        throw new UnsupportedOperationException("streaming needs launcher API 1.3.0");
    }
}
