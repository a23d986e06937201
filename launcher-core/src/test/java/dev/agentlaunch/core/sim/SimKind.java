package dev.agentlaunch.core.sim;

/**
 * Which server's HTTP API a simulator follows. Every kind serves the same chat endpoints
 * ({@code /v1/messages}, {@code /v1/chat/completions}, {@code /v1/responses}, canned answers, every
 * request recorded); what differs is discovery, authentication and error shapes, each following
 * that server's documentation (see {@link KindApi}). Every answer says, in its {@code X-Simulator}
 * header, that it comes from a simulator.
 */
public enum SimKind {
    OLLAMA("Ollama"),
    VLLM("vLLM"),
    SGLANG("SGLang"),
    LLAMACPP("llama.cpp"),
    LMSTUDIO("LM Studio"),
    LITELLM("LiteLLM"),
    /** A generic OpenAI-compatible server: {@code /v1/models} and chat completions only. */
    OPENAI("an OpenAI-compatible server");

    private final String displayName;

    SimKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The {@code X-Simulator} header of every answer. */
    public String disclaimer() {
        return this == OLLAMA ? OllamaSimulator.DISCLAIMER
                : "agent-launch simulator of " + displayName + "'s HTTP API for tests, not " + displayName;
    }
}
