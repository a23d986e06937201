package dev.agentlaunch.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.pf4j.ExtensionPoint;

/**
 * One kind of model server (Ollama, vLLM, a LiteLLM gateway, ...): how to recognise it, what it
 * serves and what it says about a model. A plugin adds a kind by implementing this interface in a
 * class annotated with PF4J's {@code @Extension}, as with {@link Integration}; the user names it
 * with {@code --server-kind KIND} or lets the launcher detect it.
 *
 * <p>A kind never prints, never prompts and never reads the user's environment: the launcher
 * hands it a {@link ServerConnection} (timeouts, token, errors) and judges what it returns
 * (model served, context, tool calling, memory fit) the same way for every kind.
 *
 * @since 1.2.0
 */
public interface ModelServer extends ExtensionPoint {

    /** The kind's name for {@code --server-kind} and the config, lower case: {@code vllm}. */
    String kind();

    /** Its human name: {@code vLLM}. */
    String displayName();

    /**
     * The paths the launcher GETs, all at once, to detect the kind of an endpoint; the answers go
     * to {@link #recognises}. Keep them few, cheap and public (no model load, no token needed
     * where the server allows it).
     */
    List<String> probePaths();

    /**
     * Whether these answers come from this kind. A server may answer an unknown route with 200
     * (LM Studio does), so judge the body, never the status alone.
     *
     * @param answers the answer to each probe path of every kind; a path that got no answer is absent
     */
    boolean recognises(Map<String, ServerAnswer> answers);

    /**
     * Detection order, lowest first: a kind whose answers another kind also gives (any
     * OpenAI-compatible server lists {@code /v1/models}) goes after the more specific ones.
     */
    default int detectionOrder() {
        return 100;
    }

    /** The chat APIs the server serves. */
    Set<WireApi> wireApis();

    /** Whether the launcher can pull a missing model onto this server (Ollama can; a vLLM cluster serves what it was started with). */
    default boolean canPull() {
        return false;
    }

    /** One hint for a server that does not answer: {@code start it with 'vllm serve MODEL'}. */
    String startHint();

    /**
     * What would put a suitable model on the server, for a launch that finds none (after "no
     * tool-capable model on the server; "): {@code pull one, e.g. 'ollama pull qwen3:8b'} where
     * the launcher can pull, {@code serve one, e.g. 'vllm serve Qwen/Qwen3-8B ...'} where the server
     * serves what it was started with.
     *
     * @since 1.3.0
     */
    default String addModelHint() {
        return "serve one on it (" + startHint() + ")";
    }

    /**
     * Asks the server about the launch's models (all requests at once through {@code server}).
     *
     * @param models the distinct model names of the launch (may be empty: just prove the server is up)
     * @return the facts; completes exceptionally with the launcher's error when the server fails
     */
    CompletableFuture<ServerFacts> inspect(ServerConnection server, Set<String> models);
}
