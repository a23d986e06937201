package dev.agentlaunch.core.sim;

final class OpenAiApi {
    private final OllamaSimulator sim;
    OpenAiApi(OllamaSimulator sim) { this.sim = sim; }
    void models(Reply r) throws java.io.IOException { r.json(501, OllamaSimulator.JSON.createObjectNode()); }
    void model(String id, Reply r) throws java.io.IOException { r.json(501, OllamaSimulator.JSON.createObjectNode()); }
    void chatCompletions(RecordedRequest q, Reply r) throws java.io.IOException { r.json(501, OllamaSimulator.JSON.createObjectNode()); }
    void responses(RecordedRequest q, Reply r) throws java.io.IOException { r.json(501, OllamaSimulator.JSON.createObjectNode()); }
}
