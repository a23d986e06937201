package dev.agentlaunch.core.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

import static dev.agentlaunch.core.sim.OllamaSimulator.JSON;

/**
 * The discovery and auth routes of the servers other than Ollama, as their documentation shows
 * them (the same sources the launcher's server kinds cite):
 * <ul>
 *   <li>vLLM: {@code GET /v1/models} ({@code owned_by:"vllm"}, {@code root}, {@code max_model_len}),
 *       {@code GET /version}, {@code GET /health} (empty 200); {@code --api-key} guards {@code /v1/*} with
 *       401 {@code {"error":"Unauthorized"}}; unknown model 404 NotFoundError; unknown route 404 {@code {"detail":"Not Found"}}.</li>
 *   <li>SGLang: as vLLM with {@code owned_by:"sglang"}; no {@code /v1/responses}.</li>
 *   <li>llama.cpp: {@code GET /props} ({@code default_generation_settings.n_ctx}, {@code model_path},
 *       {@code chat_template_caps}), {@code GET /v1/models} ({@code owned_by:"llamacpp"}, {@code meta.n_ctx_train, n_params, size}),
 *       {@code GET /health}; {@code --api-key}: Bearer or {@code x-api-key}, 401 "Invalid API Key", health public;
 *       one model: any name is served; unknown route 404 {@code {"error":{"code":404,"message":"File Not Found"}}}.</li>
 *   <li>LM Studio: {@code GET /api/v1/models} ({@code models[]: type, key, size_bytes, params_string, max_context_length,
 *       loaded_instances, capabilities.trained_for_tool_use} (no capabilities for an embedding model)); an unknown route is <b>200</b> {@code {"error":"Unexpected endpoint or method. (GET /x)"}}.</li>
 *   <li>LiteLLM: {@code GET /health/liveliness} ("I'm alive!"), {@code GET /health/readiness} ({@code litellm_version}),
 *       {@code GET /model/info} ({@code model_info.max_input_tokens, supports_function_calling, mode}), {@code GET /v1/models}; the key guards every route but {@code /} and {@code /health/*}:
 *       401 {@code auth_error}; unknown model 400 "Invalid model name passed in model=X".</li>
 *   <li>OpenAI-compatible: {@code GET /v1/models} and chat completions only.</li>
 * </ul>
 */
final class KindApi {
    private final OllamaSimulator sim;

    KindApi(OllamaSimulator sim) {
        this.sim = sim;
    }

    /** Whether this request needs the token on this kind (the simulator requires one only when told to). */
    static boolean guarded(SimKind kind, String path) {
        return switch (kind) {
            case VLLM, SGLANG -> path.startsWith("/v1/");
            case LLAMACPP -> !path.equals("/health") && !path.equals("/v1/health");
            case LITELLM -> !path.equals("/") && !path.startsWith("/health/");
            default -> true;
        };
    }

    /** Whether the request carries the token the way this kind accepts it. */
    static boolean authorized(SimKind kind, RecordedRequest req, String token) {
        if (("Bearer " + token).equals(req.header("Authorization"))) {
            return true;
        }
        return (kind == SimKind.LLAMACPP || kind == SimKind.LMSTUDIO || kind == SimKind.LITELLM)
                && token.equals(req.header("x-api-key"));
    }

    void unauthorized(SimKind kind, Reply reply) throws IOException {
        switch (kind) {
            case VLLM, SGLANG -> reply.json(401, JSON.createObjectNode().put("error", "Unauthorized"));
            case LLAMACPP -> {
                ObjectNode root = JSON.createObjectNode();
                root.putObject("error").put("code", 401).put("message", "Invalid API Key").put("type", "authentication_error");
                reply.json(401, root);
            }
            case LITELLM -> {
                ObjectNode root = JSON.createObjectNode();
                root.putObject("error").put("message", "Authentication Error, No api key passed in.").put("type", "auth_error")
                        .put("param", "None").put("code", "401");
                reply.json(401, root);
            }
            default -> reply.json(401, OpenAiApi.error("Invalid API key", "invalid_request_error"));
        }
    }

    /** The kind's discovery routes; false when {@code key} is not one of them (chat and unknown routes). */
    boolean route(SimKind kind, String key, RecordedRequest req, Reply reply) throws IOException {
        switch (kind) {
            case VLLM, SGLANG -> {
                switch (key) {
                    case "GET /v1/models" -> reply.json(200, openAiModels(kind == SimKind.VLLM ? "vllm" : "sglang", true));
                    case "GET /version" -> reply.json(200, JSON.createObjectNode().put("version", "0.11.0"));
                    case "GET /health" -> reply.text(200, "application/json", "");
                    default -> {
                        return false;
                    }
                }
            }
            case LLAMACPP -> {
                switch (key) {
                    case "GET /props", "GET /api/props" -> reply.json(200, props());
                    case "GET /v1/models", "GET /models" -> reply.json(200, openAiModels("llamacpp", false));
                    case "GET /health", "GET /v1/health" -> reply.json(200, JSON.createObjectNode().put("status", "ok"));
                    default -> {
                        return false;
                    }
                }
            }
            case LMSTUDIO -> {
                switch (key) {
                    case "GET /api/v1/models" -> reply.json(200, lmStudioModels());
                    case "GET /v1/models" -> reply.json(200, openAiModels("organization_owner", false));
                    default -> {
                        return false;
                    }
                }
            }
            case LITELLM -> {
                switch (key) {
                    case "GET /health/liveliness" -> reply.json(200, JSON.getNodeFactory().textNode("I'm alive!"));
                    case "GET /health/readiness" -> reply.json(200, JSON.createObjectNode().put("status", "healthy")
                            .put("db", "Not connected").putNull("cache").put("litellm_version", "1.80.0"));
                    case "GET /model/info", "GET /v1/model/info" -> reply.json(200, liteLlmModelInfo());
                    case "GET /v1/models", "GET /models" -> reply.json(200, openAiModels("openai", false));
                    default -> {
                        return false;
                    }
                }
            }
            case OPENAI -> {
                if (!key.equals("GET /v1/models")) {
                    return false;
                }
                reply.json(200, openAiModels("system", false));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Whether the kind serves this chat route (SGLang: no responses; generic: chat completions only). */
    static boolean serves(SimKind kind, String key) {
        return switch (kind) {
            case SGLANG -> !key.equals("POST /v1/responses");
            case OPENAI -> key.equals("POST /v1/chat/completions");
            default -> true;
        };
    }

    /** The kind's answer for a route it does not have. */
    void unknownRoute(SimKind kind, RecordedRequest req, Reply reply) throws IOException {
        switch (kind) {
            case VLLM, SGLANG, LITELLM -> reply.json(404, JSON.createObjectNode().put("detail", "Not Found"));
            case LLAMACPP -> {
                ObjectNode root = JSON.createObjectNode();
                root.putObject("error").put("code", 404).put("message", "File Not Found").put("type", "not_found_error");
                reply.json(404, root);
            }
            // LM Studio answers an unknown route with 200: detection must read the body.
            case LMSTUDIO -> reply.json(200, JSON.createObjectNode().put("error", "Unexpected endpoint or method. ("
                    + req.method() + " " + req.path() + ")"));
            default -> reply.json(404, OpenAiApi.error("Not found", "invalid_request_error"));
        }
    }

    /** The kind's answer for a chat request naming a model it does not serve. */
    void unknownModel(SimKind kind, String model, Reply reply) throws IOException {
        switch (kind) {
            case VLLM, SGLANG -> reply.json(404, OpenAiApi.error("The model `" + model + "` does not exist.", "NotFoundError"));
            case LITELLM -> reply.json(400, OpenAiApi.error("Invalid model name passed in model=" + model, "invalid_request_error"));
            case LMSTUDIO -> reply.json(400, OpenAiApi.error("Model " + model + " not found", "model_not_found"));
            default -> reply.json(404, OpenAiApi.error("model '" + model + "' not found", "not_found_error"));
        }
    }

    private ObjectNode openAiModels(String owner, boolean vllmFields) {
        ObjectNode root = JSON.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (SimModel m : sim.models()) {
            ObjectNode o = data.addObject().put("id", m.name()).put("object", "model").put("created", 1_700_000_000L)
                    .put("owned_by", owner);
            if (vllmFields) {
                o.put("root", m.name()).putNull("parent").put("max_model_len", m.contextLength());
            }
            if (owner.equals("llamacpp")) {
                o.putObject("meta").put("n_ctx_train", 131072).put("n_params", parameters(m)).put("size", m.sizeBytes());
            }
        }
        return root;
    }

    private static boolean embeddingOnly(SimModel m) {
        return m.capabilities().contains("embedding") && !m.capabilities().contains("completion");
    }

    /** {@code 4B} as a number, for llama.cpp's {@code meta.n_params}. */
    private static long parameters(SimModel m) {
        java.util.regex.Matcher x = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)([KMB])").matcher(m.parameterSize());
        if (!x.matches()) {
            return 0;
        }
        double scale = switch (x.group(2)) {
            case "K" -> 1e3;
            case "M" -> 1e6;
            default -> 1e9;
        };
        return Math.round(Double.parseDouble(x.group(1)) * scale);
    }

    private ObjectNode props() {
        SimModel first = sim.models().isEmpty() ? SimModel.named("model:latest") : sim.models().get(0);
        ObjectNode root = JSON.createObjectNode();
        root.putObject("default_generation_settings").put("n_ctx", first.contextLength()).put("model", first.name());
        root.put("total_slots", 1).put("model_path", "/models/" + first.name() + ".gguf").put("build_info", "b6000-simulator");
        root.putObject("chat_template_caps").put("supports_tools", first.capabilities().contains("tools"))
                .put("supports_tool_calls", first.capabilities().contains("tools"));
        return root;
    }

    private ObjectNode lmStudioModels() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode models = root.putArray("models");
        for (SimModel m : sim.models()) {
            boolean embedding = embeddingOnly(m);
            ObjectNode o = models.addObject().put("type", embedding ? "embedding" : "llm").put("publisher", "simulator")
                    .put("key", m.name()).put("display_name", m.name()).put("size_bytes", m.sizeBytes())
                    .put("params_string", m.parameterSize()).put("max_context_length", m.contextLength()).put("format", "gguf");
            Integer loaded = sim.loadedContext(m.name());
            ArrayNode instances = o.putArray("loaded_instances");
            if (loaded != null) {
                instances.addObject().put("id", m.name()).putObject("config").put("context_length", loaded);
            }
            if (!embedding) {       // absent for embedding models
                o.putObject("capabilities").put("vision", false).put("trained_for_tool_use", m.capabilities().contains("tools"));
            }
        }
        return root;
    }

    private ObjectNode liteLlmModelInfo() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode data = root.putArray("data");
        for (SimModel m : sim.models()) {
            ObjectNode o = data.addObject().put("model_name", m.name());
            o.putObject("litellm_params").put("model", "hosted_vllm/" + m.name());
            o.putObject("model_info").put("id", SimModel.sha256(m.name()).substring(0, 16)).put("max_input_tokens", m.contextLength())
                    .put("supports_function_calling", m.capabilities().contains("tools")).put("mode", embeddingOnly(m) ? "embedding" : "chat");
        }
        return root;
    }
}
