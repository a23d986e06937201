package dev.agentlaunch.core.server.kinds;

import dev.agentlaunch.api.ServerAnswer;
import dev.agentlaunch.api.ServerConnection;
import dev.agentlaunch.api.ServerFacts;
import dev.agentlaunch.api.WireApi;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * SGLang's OpenAI-compatible server (https://docs.sglang.ai/basic_usage/openai_api_completions.html):
 * {@code GET /v1/models} with {@code owned_by:"sglang"} and {@code max_model_len}; chat
 * completions and Anthropic messages. Its {@code /v1/responses} is not documented for every
 * model, so this kind does not claim it: Codex is refused with a line naming a gateway.
 */
public final class SglangServer extends OpenAiCompatible {
    @Override
    public String kind() {
        return "sglang";
    }

    @Override
    public String displayName() {
        return "SGLang";
    }

    @Override
    public boolean recognises(Map<String, ServerAnswer> answers) {
        return Fields.ownedBy(answers.get(MODELS), "sglang");
    }

    @Override
    public int detectionOrder() {
        return 31;
    }

    @Override
    public Set<WireApi> wireApis() {
        return EnumSet.of(WireApi.OPENAI_CHAT, WireApi.ANTHROPIC_MESSAGES);
    }

    @Override
    public String startHint() {
        return "start it with 'python -m sglang.launch_server --model-path MODEL'";
    }

    @Override
    public String addModelHint() {
        return "serve one, e.g. 'python -m sglang.launch_server --model-path Qwen/Qwen3-8B --tool-call-parser qwen25'";
    }

    @Override
    public CompletableFuture<ServerFacts> inspect(ServerConnection server, Set<String> models) {
        return inspectListing(server, models, "unknown", VllmServer::describe);
    }
}
