package dev.agentlaunch.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.auto.ModelCandidate;
import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.SimKind;
import dev.agentlaunch.core.sim.SimModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The models of a server of another kind than Ollama as {@code --auto} and the picker see them, each
 * kind asked through its own API (the simulators follow each server's documented answers): what the
 * server tells is kept, what it does not stays unknown.
 */
class ServerModelCatalogTest {
    private OllamaSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private Map<String, ModelCandidate> list(Map<String, String> env, String keyVariable) {
        ServerResolver resolver = new ServerResolver(ServerKinds.with(List.of()), env);
        ServerSpec spec = new ServerSpec(ServerAddress.of(sim.url(), "--host"), null, null, keyVariable,
                keyVariable == null ? null : "--api-key-env");
        ServerTarget target = resolver.connect(spec, resolver.key(spec));
        assertEquals(sim.kind().name().toLowerCase(java.util.Locale.ROOT), target.kind().kind(), "the kind was detected");
        return target.catalog().list().stream().collect(Collectors.toMap(ModelCandidate::name, Function.identity()));
    }

    @Test
    void vllmListsEveryServedModelLoadedWithItsServedContextAndTheCountItsNameStates() {
        sim = OllamaSimulator.start(SimKind.VLLM)
                .addModel(SimModel.servedAs("Qwen/Qwen3-32B").contextLength(40960))
                .addModel(SimModel.servedAs("Qwen/Qwen3-8B").contextLength(32768))
                .addModel(SimModel.servedAs("my-finetune").contextLength(16384));
        Map<String, ModelCandidate> models = list(Map.of(), null);
        assertEquals(Set.of("Qwen/Qwen3-32B", "Qwen/Qwen3-8B", "my-finetune"), models.keySet());
        ModelCandidate q32 = models.get("Qwen/Qwen3-32B");
        assertEquals(OptionalLong.of(32_000_000_000L), q32.parameters(), "vLLM tells no count: the name's");
        assertEquals(OptionalInt.of(40960), q32.contextLength(), "max_model_len");
        assertEquals(OptionalLong.empty(), q32.sizeBytes(), "vLLM tells no size: unknown, not zero");
        assertFalse(q32.capabilitiesKnown(), "tool calling is a server flag, not told per model");
        assertTrue(q32.loaded(), "a vLLM server serves only what it has loaded");
        assertEquals(OptionalLong.empty(), models.get("my-finetune").parameters(), "no count anywhere: unknown");
    }

    @Test
    void lmStudioTellsSizeParametersToolsAndWhichAreLoaded() {
        sim = OllamaSimulator.start(SimKind.LMSTUDIO)
                .addModel(SimModel.servedAs("qwen/qwen3-14b").parameterSize("14B").sizeBytes(9_000_000_000L).contextLength(40960))
                .addModel(SimModel.servedAs("google/gemma-3-4b").parameterSize("4B").sizeBytes(3_000_000_000L)
                        .contextLength(131072).capabilities("completion", "vision"))
                .addModel(SimModel.servedAs("text-embedding-nomic-embed-text-v1.5").parameterSize("137M").sizeBytes(84_000_000L)
                        .contextLength(2048).capabilities("embedding"))
                .loaded("qwen/qwen3-14b", 16384);
        Map<String, ModelCandidate> models = list(Map.of(), null);
        ModelCandidate q = models.get("qwen/qwen3-14b");
        assertEquals(OptionalLong.of(14_000_000_000L), q.parameters(), "params_string");
        assertEquals(OptionalLong.of(9_000_000_000L), q.sizeBytes(), "size_bytes");
        assertTrue(q.supportsTools(), "trained_for_tool_use");
        assertEquals(OptionalInt.of(16384), q.contextLength(), "loaded: the context it is loaded with");
        assertTrue(q.loaded());
        ModelCandidate gemma = models.get("google/gemma-3-4b");
        assertFalse(gemma.supportsTools());
        assertFalse(gemma.loaded());
        assertEquals(OptionalInt.of(131072), gemma.contextLength(), "not loaded: max_context_length");
        assertTrue(models.get("text-embedding-nomic-embed-text-v1.5").cannotComplete(), "type embedding");
    }

    @Test
    void llamaCppTellsTheCountAndSizeOfItsOneModelFromItsListing() {
        sim = OllamaSimulator.start(SimKind.LLAMACPP)
                .addModel(SimModel.servedAs("Qwen3-8B-Q4_K_M.gguf").parameterSize("8.2B").sizeBytes(5_000_000_000L).contextLength(8192));
        Map<String, ModelCandidate> models = list(Map.of(), null);
        ModelCandidate m = models.get("Qwen3-8B-Q4_K_M.gguf");
        assertEquals(OptionalLong.of(8_200_000_000L), m.parameters(), "meta.n_params, not the name's 8B");
        assertEquals(OptionalLong.of(5_000_000_000L), m.sizeBytes(), "meta.size");
        assertEquals(OptionalInt.of(8192), m.contextLength(), "/props n_ctx");
        assertTrue(m.supportsTools(), "chat_template_caps");
        assertTrue(m.loaded());
    }

    @Test
    void liteLlmIsAskedWithTheTokenAndTellsToolsContextAndEmbeddingModels() {
        sim = OllamaSimulator.start(SimKind.LITELLM).requireToken("sk-gateway")
                .addModel(SimModel.servedAs("coder-large").contextLength(131072))
                .addModel(SimModel.servedAs("chat-no-tools").contextLength(32768).capabilities("completion"))
                .addModel(SimModel.servedAs("embedder").capabilities("embedding"));
        Map<String, ModelCandidate> models = list(Map.of("GATEWAY_KEY", "sk-gateway"), "GATEWAY_KEY");
        assertTrue(models.get("coder-large").supportsTools(), "supports_function_calling");
        assertEquals(OptionalInt.of(131072), models.get("coder-large").contextLength(), "max_input_tokens");
        assertFalse(models.get("chat-no-tools").supportsTools());
        assertTrue(models.get("embedder").cannotComplete(), "mode embedding");
        assertFalse(models.get("coder-large").loaded(), "a gateway does not say what is loaded behind it");
        assertTrue(sim.requests("/model/info").stream().allMatch(r -> "Bearer sk-gateway".equals(r.header("Authorization"))),
                "the token reached the gateway");
    }

    @Test
    void ollamaKeepsItsOwnRicherCatalog() {
        sim = OllamaSimulator.start().addModels("qwen3:8b");
        ServerResolver resolver = new ServerResolver(ServerKinds.with(List.of()), Map.of());
        ServerTarget target = resolver.connect(ServerSpec.of(ServerAddress.of(sim.url(), "--host")), Optional.empty());
        assertInstanceOf(OllamaModelCatalog.class, target.catalog());
        assertEquals("pull one, e.g. 'ollama pull qwen3:8b'", target.kind().addModelHint());
    }
}
