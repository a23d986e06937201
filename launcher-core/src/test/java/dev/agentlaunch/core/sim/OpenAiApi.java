package dev.agentlaunch.core.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

import static dev.agentlaunch.core.sim.OllamaSimulator.JSON;

/**
 * OpenAI-compatible endpoints: {@code /v1/models}, {@code /v1/chat/completions} (OpenCode, Qwen
 * Code) and {@code /v1/responses} (Codex).
 */
final class OpenAiApi {
    private static final long CREATED = 1_700_000_000L;
    private final OllamaSimulator sim;

    OpenAiApi(OllamaSimulator sim) {
        this.sim = sim;
    }

    // ---------------------------------------------------------------- /v1/models

    void models(Reply reply) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (SimModel m : sim.models()) {
            data.add(modelObject(m));
        }
        reply.json(200, root);
    }

    void model(String id, Reply reply) throws IOException {
        SimModel m = sim.find(id);
        if (m == null) {
            reply.json(404, error("model '" + id + "' not found", "not_found_error"));
        } else {
            reply.json(200, modelObject(m));
        }
    }

    private static ObjectNode modelObject(SimModel m) {
        return JSON.createObjectNode().put("id", m.name()).put("object", "model")
                .put("created", CREATED).put("owned_by", "library");
    }

    static ObjectNode error(String message, String type) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return root;
    }

    /** Checks the body and the model; answers the error and returns false when the request cannot be served. */
    private boolean servable(RecordedRequest req, Reply reply) throws IOException {
        if (req.json() == null || !req.json().isObject()) {
            reply.json(400, error("request body is not a JSON object", "invalid_request_error"));
            return false;
        }
        if (sim.signInNeeded(req.model())) {
            reply.json(401, OllamaSimulator.unauthorized());
            return false;
        }
        if (sim.find(req.model()) == null) {
            reply.json(404, error("model '" + req.model() + "' not found", "not_found_error"));
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- /v1/chat/completions

    void chatCompletions(RecordedRequest req, Reply reply) throws IOException {
        if (!servable(req, reply)) {
            return;
        }
        JsonNode body = req.json();
        String model = req.model();
        JsonNode messages = body.path("messages");
        boolean afterTool = messages.size() > 0
                && "tool".equals(messages.get(messages.size() - 1).path("role").asText());
        ToolScript.Armed call = afterTool ? null : sim.toolScript().take(name -> offersChatTool(body, name));
        long n = sim.nextId();
        String id = "chatcmpl-sim-" + n;
        String text = OllamaSimulator.replyText(model);
        String arguments = call == null ? null : call.input().toString();
        int promptTokens = OllamaSimulator.estimateTokens(req.body());
        int completionTokens = OllamaSimulator.estimateTokens(call == null ? text : arguments);
        String finish = call == null ? "stop" : "tool_calls";

        if (!body.path("stream").asBoolean(false)) {
            ObjectNode root = chatObject(id, "chat.completion", model);
            ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
            ObjectNode message = choice.putObject("message").put("role", "assistant");
            if (call == null) {
                message.put("content", text);
            } else {
                message.put("content", "");
                message.putArray("tool_calls").add(toolCall(call, n, arguments, null));
            }
            choice.put("finish_reason", finish);
            root.set("usage", chatUsage(promptTokens, completionTokens));
            reply.json(200, root);
            return;
        }

        reply.startStream("text/event-stream; charset=utf-8");
        if (call == null) {
            boolean first = true;
            for (String piece : AnthropicApi.words(text)) {
                ObjectNode delta = JSON.createObjectNode();
                if (first) {
                    delta.put("role", "assistant");
                    first = false;
                }
                delta.put("content", piece);
                reply.sse(null, chunk(id, model, delta, null));
            }
        } else {
            ObjectNode delta = JSON.createObjectNode().put("role", "assistant");
            delta.putArray("tool_calls").add(toolCall(call, n, arguments, 0));
            reply.sse(null, chunk(id, model, delta, null));
        }
        reply.sse(null, chunk(id, model, JSON.createObjectNode(), finish));
        if (body.path("stream_options").path("include_usage").asBoolean(false)) {
            ObjectNode usage = chatObject(id, "chat.completion.chunk", model);
            usage.putArray("choices");
            usage.set("usage", chatUsage(promptTokens, completionTokens));
            reply.sse(null, usage);
        }
        reply.write("data: [DONE]\n\n");
        reply.end();
    }

    private static ObjectNode chatObject(String id, String object, String model) {
        return JSON.createObjectNode().put("id", id).put("object", object).put("created", CREATED)
                .put("model", model).put("system_fingerprint", "fp_ollama");
    }

    private static ObjectNode chunk(String id, String model, ObjectNode delta, String finish) {
        ObjectNode root = chatObject(id, "chat.completion.chunk", model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finish);
        return root;
    }

    private static ObjectNode toolCall(ToolScript.Armed call, long n, String arguments, Integer index) {
        ObjectNode tc = JSON.createObjectNode();
        if (index != null) {
            tc.put("index", index);
        }
        tc.put("id", "call_sim_" + n).put("type", "function");
        tc.putObject("function").put("name", call.name()).put("arguments", arguments);
        return tc;
    }

    private static ObjectNode chatUsage(int prompt, int completion) {
        return JSON.createObjectNode().put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    private static boolean offersChatTool(JsonNode body, String name) {
        for (JsonNode tool : body.path("tools")) {
            if (name.equals(tool.path("function").path("name").asText(null))) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- /v1/responses

    void responses(RecordedRequest req, Reply reply) throws IOException {
        if (!servable(req, reply)) {
            return;
        }
        JsonNode body = req.json();
        String model = req.model();
        JsonNode input = body.path("input");
        boolean afterTool = input.isArray() && input.size() > 0
                && "function_call_output".equals(input.get(input.size() - 1).path("type").asText());
        String[] namespace = new String[1];
        ToolScript.Armed call = afterTool ? null
                : sim.toolScript().take(name -> findResponsesTool(body.path("tools"), name, null, namespace));
        long n = sim.nextId();
        String responseId = "resp_sim_" + n;
        String text = OllamaSimulator.replyText(model);
        String arguments = call == null ? null : call.input().toString();
        int inputTokens = OllamaSimulator.estimateTokens(req.body());
        int outputTokens = OllamaSimulator.estimateTokens(call == null ? text : arguments);

        ObjectNode item = JSON.createObjectNode();
        if (call == null) {
            item.put("id", "msg_sim_" + n).put("type", "message").put("status", "completed").put("role", "assistant");
            item.putArray("content").add(outputText(text));
        } else {
            item.put("type", "function_call").put("id", "fc_sim_" + n).put("call_id", "call_sim_" + n)
                    .put("name", call.name());
            if (namespace[0] != null) {
                item.put("namespace", namespace[0]);
            }
            item.put("arguments", arguments).put("status", "completed");
        }
        ObjectNode done = response(responseId, model, "completed");
        done.withArray("output").add(item);
        ObjectNode usage = done.putObject("usage");
        usage.put("input_tokens", inputTokens);
        usage.putObject("input_tokens_details").put("cached_tokens", 0);
        usage.put("output_tokens", outputTokens);
        usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
        usage.put("total_tokens", inputTokens + outputTokens);

        if (!body.path("stream").asBoolean(false)) {
            reply.json(200, done);
            return;
        }

        Events events = new Events(reply);
        reply.startStream("text/event-stream; charset=utf-8");
        events.send("response.created", JSON.createObjectNode().set("response", response(responseId, model, "in_progress")));
        events.send("response.in_progress", JSON.createObjectNode().set("response", response(responseId, model, "in_progress")));
        String itemId = item.get("id").asText();
        ObjectNode added = item.deepCopy().put("status", "in_progress");
        if (call == null) {
            added.putArray("content");
            events.send("response.output_item.added", JSON.createObjectNode().put("output_index", 0).set("item", added));
            events.send("response.content_part.added", part(itemId).set("part", outputText("")));
            for (String piece : AnthropicApi.words(text)) {
                events.send("response.output_text.delta", part(itemId).put("delta", piece));
            }
            events.send("response.output_text.done", part(itemId).put("text", text));
            events.send("response.content_part.done", part(itemId).set("part", outputText(text)));
        } else {
            added.put("arguments", "");
            events.send("response.output_item.added", JSON.createObjectNode().put("output_index", 0).set("item", added));
            for (String piece : AnthropicApi.halves(arguments)) {
                events.send("response.function_call_arguments.delta",
                        JSON.createObjectNode().put("item_id", itemId).put("output_index", 0).put("delta", piece));
            }
            events.send("response.function_call_arguments.done",
                    JSON.createObjectNode().put("item_id", itemId).put("output_index", 0).put("arguments", arguments));
        }
        events.send("response.output_item.done", JSON.createObjectNode().put("output_index", 0).set("item", item));
        events.send("response.completed", JSON.createObjectNode().set("response", done));
        reply.end();
    }

    /** Sends {@code event: T\ndata: {"type":T,"sequence_number":k,...}}. */
    private static final class Events {
        private final Reply reply;
        private int sequence;

        Events(Reply reply) {
            this.reply = reply;
        }

        void send(String type, JsonNode fields) throws IOException {
            ObjectNode data = JSON.createObjectNode().put("type", type).put("sequence_number", sequence++);
            data.setAll((ObjectNode) fields);
            reply.sse(type, data);
        }
    }

    private static ObjectNode response(String id, String model, String status) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", id).put("object", "response").put("created_at", CREATED).put("status", status)
                .put("model", model);
        r.putArray("output");
        r.putNull("usage");
        return r;
    }

    private static ObjectNode part(String itemId) {
        return JSON.createObjectNode().put("item_id", itemId).put("output_index", 0).put("content_index", 0);
    }

    private static ObjectNode outputText(String text) {
        ObjectNode part = JSON.createObjectNode().put("type", "output_text").put("text", text);
        part.putArray("annotations");
        return part;
    }

    /**
     * True when {@code tools} offers a tool named {@code name} anywhere: at the top level
     * ({@code {"type":"function","name":...}}) or nested in a namespace
     * ({@code {"type":"namespace","name":NS,"tools":[...]}}); the enclosing namespace's name goes
     * to {@code namespaceOut[0]}.
     */
    static boolean findResponsesTool(JsonNode tools, String name, String namespace, String[] namespaceOut) {
        for (JsonNode tool : tools) {
            if (name.equals(tool.path("name").asText(null)) && !tool.has("tools")) {
                namespaceOut[0] = namespace;
                return true;
            }
            if (tool.path("tools").isArray()
                    && findResponsesTool(tool.get("tools"), name, tool.path("name").asText(null), namespaceOut)) {
                return true;
            }
        }
        return false;
    }
}
