package dev.agentlaunch.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.SimKind;
import dev.agentlaunch.core.sim.SimModel;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --auto} against servers other than Ollama, in process: the kind found once, the token sent, the kind's own hints. */
class AutoOtherKindsCommandTest {
    @TempDir
    Path home;

    private OllamaSimulator sim;
    private InProcessLauncher launcher;
    private StringWriter out;
    private StringWriter err;
    private Map<String, String> env;

    @BeforeEach
    void plugins() throws Exception {
        launcher = new InProcessLauncher(home);
        out = launcher.out;
        err = launcher.err;
        env = launcher.env;
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private OllamaSimulator vllm() {
        return OllamaSimulator.start(SimKind.VLLM)
                .addModel(SimModel.servedAs("Qwen/Qwen3-32B").contextLength(40960))
                .addModel(SimModel.servedAs("Qwen/Qwen3-14B").contextLength(40960))
                .addModel(SimModel.servedAs("Qwen/Qwen3-4B").contextLength(40960))
                .addModel(SimModel.servedAs("meta-llama/Llama-3.2-1B-Instruct").contextLength(8192));
    }

    private int run(String... args) {
        return launcher.run(args);
    }

    @Test
    void vllmDryRunChoosesFromItsListingAndFindsTheKindOnce() {
        sim = vllm();
        int code = run("fake", "--host", sim.url(), "--auto", "--memory", "48GB", "--dry-run");
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("  large   Qwen/Qwen3-32B  auto"), text);
        assertTrue(text.contains("  medium  Qwen/Qwen3-14B  auto"), text);
        assertTrue(text.contains("  small   Qwen/Qwen3-4B   auto"), text);
        assertTrue(text.contains("kind         vllm (detected"), text);
        assertTrue(text.contains("  large Qwen/Qwen3-32B: the biggest (32B); size not told, but the server has it loaded\n"), text);
        assertTrue(text.contains("  skipped meta-llama/Llama-3.2-1B-Instruct (context 8192 < 16384)\n"), text);
        assertTrue(text.contains("\nchecks       ok ("), "the chosen models went through the kind's checks: " + text);
        // Detection GETs every kind's probe paths; LiteLLM's is asked only then: once means the kind was found once.
        assertEquals(1, sim.requests("/health/readiness").size(), "the kind was detected once: " + sim.requests());
    }

    @Test
    void aVllmServerWithoutASuitableModelIsToldToServeOneNotToPull() {
        sim = OllamaSimulator.start(SimKind.VLLM).addModel(SimModel.servedAs("meta-llama/Llama-3.2-1B-Instruct").contextLength(8192));
        int code = run("fake", "--host", sim.url(), "--auto", "--dry-run");
        assertEquals(3, code);
        assertEquals("launch: error: no model on the model server at " + sim.url() + " suits Fake Agent's large tier "
                + "(meta-llama/Llama-3.2-1B-Instruct: context 8192 < 16384); serve one, e.g. 'vllm serve Qwen/Qwen3-8B "
                + "--enable-auto-tool-choice --tool-call-parser hermes'\n", err.toString());
    }

    @Test
    void liteLlmIsAskedWithTheTokenItsVariableNames() throws Exception {
        sim = OllamaSimulator.start(SimKind.LITELLM).requireToken("sk-gateway")
                .addModel(SimModel.servedAs("coder-32b").contextLength(131072))
                .addModel(SimModel.servedAs("helper-8b").contextLength(131072))
                .addModel(SimModel.servedAs("embedder").capabilities("embedding"));
        env.put("GATEWAY_KEY", "sk-gateway");
        int code = run("fake", "--host", sim.url(), "--api-key-env", "GATEWAY_KEY", "--auto", "--dry-run", "--json");
        assertEquals(0, code, err.toString());
        JsonNode tiers = new ObjectMapper().readTree(out.toString()).path("tiers");
        assertEquals("coder-32b", tiers.path("large").path("model").asText());
        assertEquals("helper-8b", tiers.path("small").path("model").asText());
        assertTrue(sim.requests("/model/info").size() >= 1);
        assertTrue(sim.requests("/model/info").stream().allMatch(r -> "Bearer sk-gateway".equals(r.header("Authorization"))),
                "every listing carried the token");
    }

    @Test
    void profileSaveAutoUsesTheNamedServersKindAndToken() throws Exception {
        sim = vllm().requireToken("sk-cluster");
        env.put("CLUSTER_KEY", "sk-cluster");
        Path config = Files.writeString(home.resolve("config.json"), "{\"servers\": {\"gpu\": {\"url\": \"" + sim.url()
                + "\", \"kind\": \"vllm\", \"apiKeyEnv\": \"CLUSTER_KEY\"}}}");
        int code = run("profile", "save", "cluster", "--auto", "--server", "gpu", "--config", config.toString());
        assertEquals(0, code, err.toString());
        JsonNode profile = new ObjectMapper().readTree(Files.readString(config)).path("profiles").path("cluster");
        assertEquals("Qwen/Qwen3-32B", profile.path("large").asText());
        assertEquals("Qwen/Qwen3-4B", profile.path("small").asText());
        assertEquals("gpu", profile.path("server").asText());
        assertTrue(sim.requests("/v1/models").stream().allMatch(r -> "Bearer sk-cluster".equals(r.header("Authorization"))),
                "the cluster's token was sent");
    }

    @Test
    void aTierSentToAnotherServerMustBeNamedBeforeAutoChoosesTheRest() throws Exception {
        sim = vllm();
        try (OllamaSimulator laptop = OllamaSimulator.start().addModels("qwen3:4b")) {
            // Unnamed, the split tier would get one of the cluster's models, which the laptop does not have.
            int refused = run("fake", "--host", sim.url(), "--auto", "--tier-server", "small=" + laptop.url(), "--dry-run");
            assertEquals(2, refused);
            assertEquals("launch: error: --auto chooses from the main server's models, but the small tier goes to " + laptop.url()
                    + " (--tier-server); name its model (--small MODEL) or leave that split out of this command\n", err.toString());
            assertEquals(List.of(), sim.requests(), "refused before asking any server");
            assertEquals(List.of(), laptop.requests());

            err.getBuffer().setLength(0);
            int code = run("fake", "--host", sim.url(), "--auto", "--small", "qwen3:4b", "--tier-server", "small=" + laptop.url(),
                    "--dry-run", "--json");
            assertEquals(0, code, err.toString());
            JsonNode tiers = new ObjectMapper().readTree(out.toString()).path("tiers");
            assertEquals("Qwen/Qwen3-32B", tiers.path("large").path("model").asText(), "chosen from the cluster");
            assertEquals("qwen3:4b", tiers.path("small").path("model").asText(), "the named tier on the laptop is kept");
            assertEquals(1, laptop.requests("/api/show").size(), "the laptop checked its own tier: " + laptop.requests());
        }
    }

    @Test
    void profileSaveAutoRefusesAnUnnamedSplitTier() throws Exception {
        sim = vllm();
        int code = run("profile", "save", "split", "--auto", "--host", sim.url(), "--tier-server", "small=laptop");
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("launch: error: --auto chooses from the main server's models, but the small tier "
                + "goes to laptop (--tier-server); name its model (--small MODEL)"), err.toString());
        assertEquals(List.of(), sim.requests());
    }
}
