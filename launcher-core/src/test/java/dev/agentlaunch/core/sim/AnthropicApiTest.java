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

class AnthropicApiTest {
    private static final String AGENT_TOOL = "{\"name\":\"Agent\",\"description\":\"Launch a subagent\",\"input_schema\":{\"type\":\"object\"}}";
    private static final String EXPLORE = "{\"subagent_type\":\"Explore\",\"description\":\"look\",\"prompt\":\"list files\"}";

    private OllamaSimulator sim;

    @BeforeEach
    void start() {
        sim = OllamaSimulator.start().addModels("qwen3:4b", "qwen3:32b");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static String request(String model, boolean stream, String tools, String lastUserContent) {
        return "{\"model\":\"" + model + "\",\"max_tokens\":1024,\"stream\":" + stream
                + (tools == null ? "" : ",\"tools\":[" + tools + "]")
                + ",\"messages\":[{\"role\":\"user\",\"content\":" + lastUserContent + "}]}";
    }

    private List<SimHttp.Event> stream(String body) {
        HttpResponse<String> resp = SimHttp.post(sim, "/v1/messages?beta=true", body);
        assertEquals(200, resp.statusCode(), resp.body());
        assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        return SimHttp.events(resp.body());
    }

    private static String names(List<SimHttp.Event> events) {
        return events.stream().map(SimHttp.Event::name).distinct().collect(Collectors.joining(","));
    }

    @Test
    void streamingTextFollowsAnthropicsEventOrder() {
        List<SimHttp.Event> events = stream(request("qwen3:4b", true, null, "\"hi\""));
        assertEquals("message_start,content_block_start,ping,content_block_delta,content_block_stop,message_delta,message_stop",
                names(events));
        for (SimHttp.Event e : events) {
            assertEquals(e.name(), e.data().path("type").asText(), "data.type matches the event name");
        }
        JsonNode message = events.get(0).data().path("message");
        assertEquals("qwen3:4b", message.path("model").asText());
        assertEquals("assistant", message.path("role").asText());
        assertEquals("message", message.path("type").asText());
        assertTrue(message.path("id").asText().startsWith("msg_"));
        assertEquals(0, message.path("content").size());
        assertTrue(message.path("usage").path("input_tokens").asInt() > 0);

        String text = events.stream().filter(e -> "content_block_delta".equals(e.name()))
                .map(e -> e.data().path("delta").path("text").asText()).collect(Collectors.joining());
        assertEquals("Hello from the simulator (model qwen3:4b).", text);
        JsonNode delta = events.get(events.size() - 2).data();
        assertEquals("end_turn", delta.path("delta").path("stop_reason").asText());
        assertTrue(delta.path("usage").path("output_tokens").asInt() > 0);
    }

    @Test
    void nonStreamingAnswersOneMessage() {
        HttpResponse<String> resp = SimHttp.post(sim, "/v1/messages", request("qwen3:32b", false, null, "\"hi\""));
        assertEquals(200, resp.statusCode());
        JsonNode msg = SimHttp.json(resp.body());
        assertEquals("message", msg.path("type").asText());
        assertEquals("qwen3:32b", msg.path("model").asText());
        assertEquals("text", msg.path("content").get(0).path("type").asText());
        assertEquals("Hello from the simulator (model qwen3:32b).", msg.path("content").get(0).path("text").asText());
        assertEquals("end_turn", msg.path("stop_reason").asText());
    }

    @Test
    void anUnknownModelIs404InAnthropicsErrorShape() {
        HttpResponse<String> resp = SimHttp.post(sim, "/v1/messages?beta=true",
                request("claude-opus-4-8", true, null, "\"hi\""));
        assertEquals(404, resp.statusCode());
        JsonNode err = SimHttp.json(resp.body());
        assertEquals("error", err.path("type").asText());
        assertEquals("not_found_error", err.path("error").path("type").asText());
        assertEquals("model 'claude-opus-4-8' not found", err.path("error").path("message").asText());
    }

    @Test
    void anArmedToolCallAnswersTheFirstRequestOfferingThatToolOnce() {
        sim.answerWithToolCall("Agent", EXPLORE);

        // a title request without the tool gets text and leaves the call armed
        List<SimHttp.Event> title = stream(request("qwen3:4b", true, null, "\"title please\""));
        assertEquals("text", title.get(1).data().path("content_block").path("type").asText());
        assertEquals(1, sim.pendingToolCalls());

        List<SimHttp.Event> call = stream(request("qwen3:32b", true, AGENT_TOOL, "\"say hi to the team\""));
        JsonNode block = call.get(1).data().path("content_block");
        assertEquals("tool_use", block.path("type").asText());
        assertEquals("Agent", block.path("name").asText());
        assertTrue(block.path("id").asText().startsWith("toolu_sim_"));
        assertEquals("{}", block.path("input").toString());
        String partial = call.stream().filter(e -> "content_block_delta".equals(e.name()))
                .peek(e -> assertEquals("input_json_delta", e.data().path("delta").path("type").asText()))
                .map(e -> e.data().path("delta").path("partial_json").asText()).collect(Collectors.joining());
        assertEquals(SimHttp.json(EXPLORE), SimHttp.json(partial));
        JsonNode messageDelta = call.stream().filter(e -> "message_delta".equals(e.name())).findFirst().orElseThrow().data();
        assertEquals("tool_use", messageDelta.path("delta").path("stop_reason").asText());
        assertEquals(0, sim.pendingToolCalls());

        // one-shot: the next request offering the tool gets text
        List<SimHttp.Event> again = stream(request("qwen3:32b", true, AGENT_TOOL, "\"again\""));
        assertEquals("text", again.get(1).data().path("content_block").path("type").asText());
    }

    @Test
    void aRequestCarryingAToolResultGetsTextEvenWhenACallIsArmed() {
        sim.answerWithToolCall("Agent", EXPLORE);
        String toolResult = "[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_sim_1\",\"content\":\"done\"}]";
        List<SimHttp.Event> events = stream(request("qwen3:32b", true, AGENT_TOOL, toolResult));
        assertEquals("text", events.get(1).data().path("content_block").path("type").asText());
        assertEquals(1, sim.pendingToolCalls());
    }

    @Test
    void nonStreamingToolCallIsOneToolUseBlock() {
        sim.answerWithToolCall("Agent", EXPLORE);
        JsonNode msg = SimHttp.json(SimHttp.post(sim, "/v1/messages", request("qwen3:32b", false, AGENT_TOOL, "\"go\"")).body());
        assertEquals("tool_use", msg.path("stop_reason").asText());
        assertEquals("Explore", msg.path("content").get(0).path("input").path("subagent_type").asText());
    }

    @Test
    void countTokensAnswersARoughEstimate() {
        HttpResponse<String> resp = SimHttp.post(sim, "/v1/messages/count_tokens?beta=true",
                request("qwen3:4b", false, null, "\"a fairly long message to count\""));
        assertEquals(200, resp.statusCode());
        assertTrue(SimHttp.json(resp.body()).path("input_tokens").asInt() > 10);
    }

    @Test
    void theLogShowsThePathWithoutTheQueryAndTheModel() {
        stream(request("qwen3:4b", true, null, "\"hi\""));
        RecordedRequest r = sim.requests("/v1/messages").get(0);
        assertEquals("POST /v1/messages model=qwen3:4b", r.toString());
        assertEquals("beta=true", r.query());
        assertEquals("application/json", r.header("content-type"));
        assertNull(sim.requests().get(0).json().get("tools"));
    }
}
