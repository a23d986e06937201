package dev.agentlaunch.api;

/**
 * The chat APIs an agent tool speaks to its model server. An integration declares the one its
 * tool needs ({@link Integration#wireApi()}); a server kind declares the ones it serves
 * ({@link ModelServer#wireApis()}); the launcher stops before the tool starts when they do not meet.
 *
 * @since 1.2.0
 */
public enum WireApi {
    /** Anthropic Messages, {@code POST /v1/messages} (Claude Code). */
    ANTHROPIC_MESSAGES("Anthropic messages", "/v1/messages"),
    /** OpenAI Responses, {@code POST /v1/responses} (Codex). */
    OPENAI_RESPONSES("OpenAI responses", "/v1/responses"),
    /** OpenAI chat completions, {@code POST /v1/chat/completions} (OpenCode and most others). */
    OPENAI_CHAT("OpenAI chat completions", "/v1/chat/completions");

    private final String words;
    private final String path;

    WireApi(String words, String path) {
        this.words = words;
        this.path = path;
    }

    /** For messages: {@code Anthropic messages}. */
    public String words() {
        return words;
    }

    /** The request path below the server's base URL: {@code /v1/messages}. */
    public String path() {
        return path;
    }
}
