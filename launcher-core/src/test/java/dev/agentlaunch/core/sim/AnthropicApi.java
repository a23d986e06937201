package dev.agentlaunch.core.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static dev.agentlaunch.core.sim.OllamaSimulator.JSON;

/** Anthropic Messages API ({@code /v1/messages}), the one Claude Code speaks. */
final class AnthropicApi {
    private final OllamaSimulator sim;

    AnthropicApi(OllamaSimulator sim) {
        this.sim = sim;
    }

    void countTokens(RecordedRequest req, Reply reply) throws IOException {
        reply.json(200, JSON.createObjectNode().put("input_tokens", OllamaSimulator.estimateTokens(req.body())));
    }

    void messages(RecordedRequest req, Reply reply) throws IOException {
        JsonNode body = req.json();
        if (body == null || !body.isObject()) {
            reply.json(400, error("invalid_request_error", "request body is not a JSON object"));
            return;
        }
        String model = req.model();
        if (sim.signInNeeded(model)) {
            reply.json(401, OllamaSimulator.unauthorized());
            return;
        }
        if (sim.find(model) == null) {
            reply.json(404, error("not_found_error", "model '" + model + "' not found"));
            return;
        }
        ToolScript.Armed call = lastUserMessageHasToolResult(body) ? null
                : sim.toolScript().take(name -> offersTool(body, name));
        long n = sim.nextId();
        String id = "msg_sim_" + n;
        int inputTokens = OllamaSimulator.estimateTokens(req.body());
        String text = OllamaSimulator.replyText(model);
        String inputJson = call == null ? null : call.input().toString();
        int outputTokens = OllamaSimulator.estimateTokens(call == null ? text : inputJson);
        String stopReason = call == null ? "end_turn" : "tool_use";

        if (!body.path("stream").asBoolean(false)) {
            ObjectNode msg = message(id, model, inputTokens, outputTokens, stopReason);
            ObjectNode block = msg.withArray("content").addObject();
            if (call == null) {
                block.put("type", "text").put("text", text);
            } else {
                block.put("type", "tool_use").put("id", "toolu_sim_" + n).put("name", call.name());
                block.set("input", call.input());
            }
            reply.json(200, msg);
            return;
        }

        reply.startStream("text/event-stream; charset=utf-8");
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        start.set("message", message(id, model, inputTokens, 1, null));
        reply.sse("message_start", start);

        ObjectNode blockStart = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        ObjectNode block = blockStart.putObject("content_block");
        if (call == null) {
            block.put("type", "text").put("text", "");
        } else {
            block.put("type", "tool_use").put("id", "toolu_sim_" + n).put("name", call.name());
            block.putObject("input");
        }
        reply.sse("content_block_start", blockStart);
        reply.sse("ping", JSON.createObjectNode().put("type", "ping"));
        for (String piece : call == null ? words(text) : halves(inputJson)) {
            ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            if (call == null) {
                delta.putObject("delta").put("type", "text_delta").put("text", piece);
            } else {
                delta.putObject("delta").put("type", "input_json_delta").put("partial_json", piece);
            }
            reply.sse("content_block_delta", delta);
        }
        reply.sse("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", 0));

        ObjectNode messageDelta = JSON.createObjectNode().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", outputTokens);
        reply.sse("message_delta", messageDelta);
        reply.sse("message_stop", JSON.createObjectNode().put("type", "message_stop"));
        reply.end();
    }

    private static ObjectNode message(String id, String model, int inputTokens, int outputTokens, String stopReason) {
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("type", "message");
        msg.put("role", "assistant");
        msg.put("model", model);
        msg.putArray("content");
        msg.put("stop_reason", stopReason);
        msg.putNull("stop_sequence");
        ObjectNode usage = msg.putObject("usage");
        usage.put("input_tokens", inputTokens);
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", 0);
        usage.put("output_tokens", outputTokens);
        return msg;
    }

    static ObjectNode error(String type, String message) {
        ObjectNode e = JSON.createObjectNode().put("type", "error");
        e.putObject("error").put("type", type).put("message", message);
        return e;
    }

    private static boolean offersTool(JsonNode body, String name) {
        for (JsonNode tool : body.path("tools")) {
            if (name.equals(tool.path("name").asText(null))) {
                return true;
            }
        }
        return false;
    }

    private static boolean lastUserMessageHasToolResult(JsonNode body) {
        JsonNode messages = body.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if ("user".equals(m.path("role").asText())) {
                for (JsonNode part : m.path("content")) {
                    if ("tool_result".equals(part.path("type").asText())) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /** "Hello from the" into "Hello ", "from ", "the": a few deltas, as a real model streams. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    static List<String> halves(String text) {
        int mid = text.length() / 2;
        return mid == 0 ? List.of(text) : List.of(text.substring(0, mid), text.substring(mid));
    }
}
