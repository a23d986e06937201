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
}
