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
 * @param capabilities  capability words ({@code tools}, {@code completion}, {@code embedding}, ...); empty means unknown
 * @param parameters    its parameter count, when the server tells it (llama.cpp {@code meta.n_params}, LM Studio
 *                      {@code params_string}); empty when it does not (since 1.3.0)
 * @param loaded        whether the server says the model is in memory right now (a vLLM, SGLang or llama.cpp server
 *                      serves only what it has loaded; LM Studio tells per model); false when it is not or the
 *                      server does not say (since 1.3.0)
 * @since 1.2.0
 */
public record ServedModel(boolean served, OptionalLong sizeBytes, OptionalInt contextLength, OptionalInt servedContext,
                          Set<String> capabilities, OptionalLong parameters, boolean loaded) {
    /** Validates and copies. */
    public ServedModel {
        Objects.requireNonNull(sizeBytes, "sizeBytes");
        Objects.requireNonNull(contextLength, "contextLength");
        Objects.requireNonNull(servedContext, "servedContext");
        Objects.requireNonNull(parameters, "parameters");
        capabilities = Set.copyOf(capabilities);
    }

    /** A model without a parameter count or loaded state (the 1.2 form, kept for plugins built against it). */
    public ServedModel(boolean served, OptionalLong sizeBytes, OptionalInt contextLength, OptionalInt servedContext,
                       Set<String> capabilities) {
        this(served, sizeBytes, contextLength, servedContext, capabilities, OptionalLong.empty(), false);
    }

    /** A model the server does not serve. */
    public static ServedModel notServed() {
        return new ServedModel(false, OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), Set.of());
    }

    /** A served model the server told nothing more about. */
    public static ServedModel servedUnknown() {
        return new ServedModel(true, OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), Set.of());
    }

    /**
     * This model with its parameter count.
     *
     * @since 1.3.0
     */
    public ServedModel withParameters(OptionalLong count) {
        return new ServedModel(served, sizeBytes, contextLength, servedContext, capabilities, count, loaded);
    }

    /**
     * This model, in memory on the server or not.
     *
     * @since 1.3.0
     */
    public ServedModel withLoaded(boolean inMemory) {
        return new ServedModel(served, sizeBytes, contextLength, servedContext, capabilities, parameters, inMemory);
    }
}
