package dev.agentlaunch.core.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenAiApiTest {
    private static final String CHAT_TASK_TOOL =
            "{\"type\":\"function\",\"function\":{\"name\":\"task\",\"parameters\":{\"type\":\"object\"}}}";
    private static final String TASK_INPUT = "{\"description\":\"look\",\"prompt\":\"list files\",\"subagent_type\":\"explore\"}";

    private OllamaSimulator sim;

    @BeforeEach
    void start() {
        sim = OllamaSimulator.start().addModels("big", "small");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static String chat(String model, String stream, String tools, String lastRole) {
        return "{\"model\":\"" + model + "\"" + stream
                + (tools == null ? "" : ",\"tools\":[" + tools + "]")
                + ",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"" + lastRole
                + "\",\"content\":\"hi\"" + ("tool".equals(lastRole) ? ",\"tool_call_id\":\"call_1\"" : "") + "}]}";
    }

    private List<SimHttp.Event> sse(String path, String body) {
        HttpResponse<String> resp = SimHttp.post(sim, path, body);
        assertEquals(200, resp.statusCode(), resp.body());
        assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        return SimHttp.events(resp.body());
    }

    @Test
    void modelsListsTheInstalledModels() {
        JsonNode list = SimHttp.json(SimHttp.get(sim, "/v1/models").body());
        assertEquals("list", list.path("object").asText());
        assertEquals(List.of("big:latest", "small:latest"), list.path("data").findValuesAsText("id"));
        assertEquals("model", list.path("data").get(0).path("object").asText());
        assertEquals("library", list.path("data").get(0).path("owned_by").asText());
        assertTrue(list.path("data").get(0).path("created").asLong() > 0);
    }

    @Test
    void chatCompletionWithoutStreaming() {
        HttpResponse<String> resp = SimHttp.post(sim, "/v1/chat/completions", chat("big", "", null, "user"));
        assertEquals(200, resp.statusCode());
        JsonNode c = SimHttp.json(resp.body());
        assertEquals("chat.completion", c.path("object").asText());
        assertEquals("big", c.path("model").asText());
        JsonNode choice = c.path("choices").get(0);
        assertEquals("assistant", choice.path("message").path("role").asText());
        assertEquals("Hello from the simulator (model big).", choice.path("message").path("content").asText());
        assertEquals("stop", choice.path("finish_reason").asText());
        assertTrue(c.path("usage").path("total_tokens").asInt() > 0);
    }

    @Test
    void chatCompletionStreamsChunksThenUsageThenDone() {
        List<SimHttp.Event> events = sse("/v1/chat/completions",
                chat("small", ",\"stream\":true,\"stream_options\":{\"include_usage\":true}", null, "user"));
        assertNull(events.get(events.size() - 1).data(), "the stream ends with data: [DONE]");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(SimHttp.Event::data).toList();
        chunks.forEach(c -> assertEquals("chat.completion.chunk", c.path("object").asText()));
        assertEquals("assistant", chunks.get(0).path("choices").get(0).path("delta").path("role").asText());
        String text = chunks.stream().map(c -> c.path("choices").path(0).path("delta").path("content").asText(""))
                .collect(Collectors.joining());
        assertEquals("Hello from the simulator (model small).", text);
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertEquals("stop", finish.path("choices").get(0).path("finish_reason").asText());
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertEquals(0, usage.path("choices").size());
        assertTrue(usage.path("usage").path("prompt_tokens").asInt() > 0);
    }

    @Test
    void chatCompletionStreamHasNoUsageChunkUnlessAskedFor() {
        List<SimHttp.Event> events = sse("/v1/chat/completions", chat("small", ",\"stream\":true", null, "user"));
        assertTrue(events.stream().map(SimHttp.Event::data).filter(d -> d != null).noneMatch(d -> d.has("usage")));
    }

    @Test
    void chatToolCallIsOneShotAndAToolMessageGetsText() {
        sim.answerWithToolCall("task", TASK_INPUT);
        // no tool offered (a title request): text, call stays armed
        assertEquals("stop", SimHttp.json(SimHttp.post(sim, "/v1/chat/completions", chat("small", "", null, "user")).body())
                .path("choices").get(0).path("finish_reason").asText());
        // the conversation answers a tool result: text
        assertEquals("stop", SimHttp.json(SimHttp.post(sim, "/v1/chat/completions", chat("big", "", CHAT_TASK_TOOL, "tool")).body())
                .path("choices").get(0).path("finish_reason").asText());

        List<SimHttp.Event> events = sse("/v1/chat/completions", chat("big", ",\"stream\":true", CHAT_TASK_TOOL, "user"));
        JsonNode call = events.get(0).data().path("choices").get(0).path("delta").path("tool_calls").get(0);
        assertEquals(0, call.path("index").asInt());
        assertTrue(call.path("id").asText().startsWith("call_sim_"));
        assertEquals("function", call.path("type").asText());
        assertEquals("task", call.path("function").path("name").asText());
        assertEquals(SimHttp.json(TASK_INPUT), SimHttp.json(call.path("function").path("arguments").asText()));
        assertEquals("tool_calls", events.get(events.size() - 2).data().path("choices").get(0).path("finish_reason").asText());

        JsonNode next = SimHttp.json(SimHttp.post(sim, "/v1/chat/completions", chat("big", "", CHAT_TASK_TOOL, "user")).body());
        assertEquals("stop", next.path("choices").get(0).path("finish_reason").asText());
    }

    @Test
    void chatToolCallWithoutStreaming() {
        sim.answerWithToolCall("task", TASK_INPUT);
        JsonNode c = SimHttp.json(SimHttp.post(sim, "/v1/chat/completions", chat("big", "", CHAT_TASK_TOOL, "user")).body());
        assertEquals("tool_calls", c.path("choices").get(0).path("finish_reason").asText());
        assertEquals("task", c.path("choices").get(0).path("message").path("tool_calls").get(0).path("function").path("name").asText());
    }

    @Test
    void chatWithAnUnknownModelIs404() {
        HttpResponse<String> resp = SimHttp.post(sim, "/v1/chat/completions", chat("gpt-4o", "", null, "user"));
        assertEquals(404, resp.statusCode());
        assertEquals("model 'gpt-4o' not found", SimHttp.json(resp.body()).path("error").path("message").asText());
    }

    private static String responsesRequest(String model, boolean stream, String tools, String lastItem) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"tools\":[" + (tools == null ? "" : tools) + "],"
                + "\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"say hi\"}]}"
                + (lastItem == null ? "" : "," + lastItem) + "]}";
    }

    @Test
    void responsesStreamFollowsTheResponsesEventOrder() {
        List<SimHttp.Event> events = sse("/v1/responses", responsesRequest("big", true, null, null));
        assertEquals(List.of("response.created", "response.in_progress", "response.output_item.added",
                        "response.content_part.added", "response.output_text.delta", "response.output_text.done",
                        "response.content_part.done", "response.output_item.done", "response.completed"),
                events.stream().map(SimHttp.Event::name).distinct().toList());
        for (SimHttp.Event e : events) {
            assertEquals(e.name(), e.data().path("type").asText());
        }
        String text = events.stream().filter(e -> e.name().equals("response.output_text.delta"))
                .map(e -> e.data().path("delta").asText()).collect(Collectors.joining());
        assertEquals("Hello from the simulator (model big).", text);
        assertEquals("message", events.get(2).data().path("item").path("type").asText());
        JsonNode completed = events.get(events.size() - 1).data().path("response");
        assertEquals(events.get(0).data().path("response").path("id").asText(), completed.path("id").asText());
        assertEquals("completed", completed.path("status").asText());
        JsonNode usage = completed.path("usage");
        assertEquals(usage.path("input_tokens").asInt() + usage.path("output_tokens").asInt(), usage.path("total_tokens").asInt());
        assertEquals(text, completed.path("output").get(0).path("content").get(0).path("text").asText());
    }

    @Test
    void responsesToolCallMatchesAFunctionToolAndAFunctionCallOutputGetsText() {
        sim.answerWithToolCall("exec_command", "{\"cmd\":\"ls\"}");
        String execTool = "{\"type\":\"function\",\"name\":\"exec_command\",\"parameters\":{\"type\":\"object\"}}";
        String output = "{\"type\":\"function_call_output\",\"call_id\":\"call_x\",\"output\":\"a b\"}";
        List<SimHttp.Event> afterTool = sse("/v1/responses", responsesRequest("big", true, execTool, output));
        assertEquals("message", afterTool.get(afterTool.size() - 1).data().path("response").path("output").get(0).path("type").asText());

        List<SimHttp.Event> events = sse("/v1/responses", responsesRequest("big", true, execTool, null));
        assertTrue(events.stream().anyMatch(e -> e.name().equals("response.function_call_arguments.delta")));
        JsonNode item = events.stream().filter(e -> e.name().equals("response.output_item.done")).findFirst()
                .orElseThrow().data().path("item");
        assertEquals("function_call", item.path("type").asText());
        assertEquals("exec_command", item.path("name").asText());
        assertTrue(item.path("call_id").asText().startsWith("call_sim_"));
        assertTrue(item.path("id").asText().startsWith("fc_sim_"));
        assertEquals("{\"cmd\":\"ls\"}", item.path("arguments").asText());
        assertEquals(0, sim.pendingToolCalls());
    }

    @Test
    void responsesToolCallFindsAToolNestedInACodexNamespace() {
        sim.answerWithToolCall("spawn_agent", "{\"message\":\"list files\",\"agent_type\":\"explorer\"}");
        String namespace = "{\"type\":\"namespace\",\"name\":\"multi_agent_v1\",\"tools\":["
                + "{\"type\":\"function\",\"name\":\"spawn_agent\",\"parameters\":{\"type\":\"object\"}}]}";
        JsonNode resp = SimHttp.json(SimHttp.post(sim, "/v1/responses", responsesRequest("big", false, namespace, null)).body());
        assertEquals("response", resp.path("object").asText());
        JsonNode item = resp.path("output").get(0);
        assertEquals("function_call", item.path("type").asText());
        assertEquals("spawn_agent", item.path("name").asText());
        assertEquals("multi_agent_v1", item.path("namespace").asText());
    }

    @Test
    void responsesWithoutStreamingIsTheFinalResponseObject() {
        HttpResponse<String> resp = SimHttp.post(sim, "/v1/responses", responsesRequest("small", false, null, null));
        assertEquals(200, resp.statusCode());
        JsonNode r = SimHttp.json(resp.body());
        assertEquals("completed", r.path("status").asText());
        assertEquals("Hello from the simulator (model small).", r.path("output").get(0).path("content").get(0).path("text").asText());
        assertEquals(404, SimHttp.post(sim, "/v1/responses", responsesRequest("gpt-5", true, null, null)).statusCode());
    }
}
