package dev.agentlaunch.core.config;

/**
 * The server options of one command line, each null when not given.
 *
 * @param host      {@code --host}
 * @param server    {@code --server NAME}, a config {@code servers} entry
 * @param kind      {@code --server-kind KIND}
 * @param apiKeyEnv {@code --api-key-env VAR}
 */
public record ServerFlags(String host, String server, String kind, String apiKeyEnv) {
    public static ServerFlags host(String host) {
        return new ServerFlags(host, null, null, null);
    }
}
