package dev.agentlaunch.api;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the model server said about one model, when the server was checked. Every figure is
 * optional: a plan built with {@code --offline} carries none.
 *
 * @param name          the model name as the user gave it ({@code qwen3:4b})
 * @param sizeBytes     the model's size on disk, roughly what it needs in memory
 * @param contextLength the model's maximum context window in tokens
 * @param capabilities  the server's capability words ({@code completion}, {@code tools}, ...)
 */
public record ModelInfo(String name, OptionalLong sizeBytes, OptionalInt contextLength, Set<String> capabilities) {
    /** Validates and copies. */
    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sizeBytes, "sizeBytes");
        Objects.requireNonNull(contextLength, "contextLength");
        capabilities = Set.copyOf(capabilities);
    }

    /** A model the launcher knows nothing about beyond its name. */
    public static ModelInfo unknown(String name) {
        return new ModelInfo(name, OptionalLong.empty(), OptionalInt.empty(), Set.of());
    }
}
