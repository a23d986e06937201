package dev.agentlaunch.core.server;

/**
 * The server a launch asked for, before anything is contacted: where, which kind (null: detect it),
 * and the name of the variable holding its token (null: none).
 *
 * @param address        the base URL and where it came from
 * @param kind           {@code --server-kind} or the config's, else null
 * @param kindSource     where {@code kind} came from
 * @param apiKeyEnv      {@code --api-key-env} or the config's, else null
 * @param apiKeyEnvSource where {@code apiKeyEnv} came from
 */
public record ServerSpec(ServerAddress address, String kind, String kindSource, String apiKeyEnv, String apiKeyEnvSource) {
    /** An Ollama-style address with nothing else said. */
    public static ServerSpec of(ServerAddress address) {
        return new ServerSpec(address, null, null, null, null);
    }
}
