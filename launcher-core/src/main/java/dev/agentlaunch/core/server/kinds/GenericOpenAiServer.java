package dev.agentlaunch.core.server.kinds;

import dev.agentlaunch.api.ServedModel;
import dev.agentlaunch.api.ServerAnswer;
import dev.agentlaunch.api.ServerConnection;
import dev.agentlaunch.api.ServerFacts;
import dev.agentlaunch.api.WireApi;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Any OpenAI-compatible server: {@code GET /v1/models} only
 * (https://platform.openai.com/docs/api-reference/models/list). It says which models it serves and
 * nothing else (context, tools and size are "unknown"); chat completions is all it is assumed to
 * serve. Detected last: every other OpenAI-compatible kind answers this route too.
 */
public final class GenericOpenAiServer extends OpenAiCompatible {
    @Override
    public String kind() {
        return "openai";
    }

    @Override
    public String displayName() {
        return "OpenAI-compatible";
    }

    @Override
    public boolean recognises(Map<String, ServerAnswer> answers) {
        Map<String, Object> root = Fields.object200(answers.get(MODELS));
        return root != null && root.get("data") instanceof java.util.List<?>;
    }

    @Override
    public int detectionOrder() {
        return 1000;
    }

    @Override
    public Set<WireApi> wireApis() {
        return EnumSet.of(WireApi.OPENAI_CHAT);
    }

    @Override
    public String startHint() {
        return "start the server";
    }

    @Override
    public String addModelHint() {
        return "serve one on it";
    }

    @Override
    public CompletableFuture<ServerFacts> inspect(ServerConnection server, Set<String> models) {
        return inspectListing(server, models, "unknown", entry -> ServedModel.servedUnknown());
    }
}
