package dev.agentlaunch.api;

import java.util.Map;

/**
 * One answer of a model server to a request the launcher sent for a {@link ModelServer}. The
 * launcher reads the whole body (they are small JSON documents) before handing it over.
 *
 * @since 1.2.0
 */
public interface ServerAnswer {
    /** The HTTP status. */
    int status();

    /** The {@code Content-Type} header, or null. */
    String contentType();

    /** The body as text ("" when none). */
    String body();

    /**
     * The body parsed as JSON (a {@code Map<String,Object>}, {@code List<Object>}, {@code String},
     * {@code Long}, {@code Double}, {@code Boolean}), or null when it is not JSON (an HTML page, a
     * truncated body). Never throws.
     */
    Object json();

    /**
     * The body as a JSON object, for a kind that needs it: a status other than 200, a 401/403
     * (naming the token variable to set), an HTML page or a truncated body becomes the launcher's
     * one-line error (exit 3) naming the server and {@code what} was asked.
     *
     * @param what the request in words, e.g. {@code GET /v1/models}
     */
    Map<String, Object> requireObject(String what);
}
