package dev.agentlaunch.core.config;

/**
 * A named model server in the config's {@code servers}: where it is, its kind (absent: detected)
 * and the variable holding its token (absent: none). Never the token itself.
 *
 * @param url       host, host:port or http(s)://host:port
 * @param kind      {@code ollama}, {@code vllm}, ... or null
 * @param apiKeyEnv the token's variable name, or null
 */
public record ServerEntry(String url, String kind, String apiKeyEnv) {
}
