package dev.agentlaunch.api;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a model server said about one model the launch asked for. Every figure is optional: a
 * server tells what it tells.
 *
 * @param served        whether the server serves a model by this name
 * @param sizeBytes     its size, roughly what it needs in memory (Ollama tells; most servers do not)
 * @param contextLength the model's maximum context window in tokens
 * @param servedContext the context the server actually runs it with (vLLM {@code max_model_len},
 *                      llama.cpp {@code n_ctx}, Ollama {@code /api/ps})
 * @param capabilities  capability words ({@code tools}, {@code completion}, ...); empty means unknown
 * @since 1.2.0
 */
public record ServedModel(boolean served, OptionalLong sizeBytes, OptionalInt contextLength, OptionalInt servedContext,
                          Set<String> capabilities) {
    /** Validates and copies. */
    public ServedModel {
        Objects.requireNonNull(sizeBytes, "sizeBytes");
        Objects.requireNonNull(contextLength, "contextLength");
        Objects.requireNonNull(servedContext, "servedContext");
        capabilities = Set.copyOf(capabilities);
    }

    /** A model the server does not serve. */
    public static ServedModel notServed() {
        return new ServedModel(false, OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), Set.of());
    }

    /** A served model the server told nothing more about. */
    public static ServedModel servedUnknown() {
        return new ServedModel(true, OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), Set.of());
    }
}
