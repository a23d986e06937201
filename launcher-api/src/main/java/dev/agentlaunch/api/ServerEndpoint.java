package dev.agentlaunch.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a tier's requests go: the server's base URL, its kind, and the name of the environment
 * variable that holds its token. The token itself never passes through a plan: a tool gets it
 * its own way (Claude Code reads the value the launcher sets, Codex an {@code env_key}, OpenCode
 * {@code {env:VAR}}), and nothing the launcher prints or writes carries it.
 *
 * @param url       base URL without a trailing slash, e.g. {@code http://gpu-box:8000}
 * @param kind      the server kind ({@code ollama}, {@code vllm}, ...; see {@link ModelServer#kind()})
 * @param apiKeyEnv the variable holding the server's token, when it needs one
 * @since 1.2.0
 */
public record ServerEndpoint(String url, String kind, Optional<String> apiKeyEnv) {
    /** Validates; strips a trailing slash. */
    public ServerEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** An Ollama server without a token: what every plan was before API 1.2. */
    public static ServerEndpoint ollama(String url) {
        return new ServerEndpoint(url, "ollama", Optional.empty());
    }
}
