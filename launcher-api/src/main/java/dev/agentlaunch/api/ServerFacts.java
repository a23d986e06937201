package dev.agentlaunch.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ModelServer} found out about the server and the launch's models.
 *
 * @param version what the server says its version is ({@code unknown} when it does not say)
 * @param models  one entry for every model asked about
 * @param listed  every model name the server lists, for "did you mean" when a model is not served
 * @since 1.2.0
 */
public record ServerFacts(String version, Map<String, ServedModel> models, List<String> listed) {
    /** Validates and copies. */
    public ServerFacts {
        Objects.requireNonNull(version, "version");
        models = Map.copyOf(models);
        listed = List.copyOf(listed);
    }
}
