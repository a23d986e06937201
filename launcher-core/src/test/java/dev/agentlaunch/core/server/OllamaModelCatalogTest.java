package dev.agentlaunch.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.auto.ModelCandidate;
import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.SimModel;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Ollama listing behind {@code --auto}, against the simulator: what each model's candidate says. */
class OllamaModelCatalogTest {
    private OllamaSimulator sim;

    @BeforeEach
    void start() {
        sim = OllamaSimulator.start()
                .addModel(SimModel.named("qwen3:32b").parameterSize("32.8B").sizeBytes(20_200_000_000L).contextLength(40960))
                .addModel(SimModel.named("nomic-embed-text").parameterSize("137M").sizeBytes(274_000_000L).contextLength(2048)
                        .capabilities("embedding"))
                .addModel(SimModel.named("gpt-oss:120b-cloud").parameterSize("116.8B").sizeBytes(384).contextLength(131072))
                .loaded("qwen3:32b", 8192);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void eachModelWithItsCountSizeCapabilitiesContextAndWhetherItIsLoadedOrRemote() {
        Map<String, ModelCandidate> models = new OllamaModelCatalog(new OllamaClient(ServerAddress.of(sim.url(), "--host"))).list()
                .stream().collect(Collectors.toMap(ModelCandidate::name, Function.identity()));
        ModelCandidate q = models.get("qwen3:32b");
        assertEquals(OptionalLong.of(32_800_000_000L), q.parameters(), "general.parameter_count");
        assertEquals(OptionalLong.of(20_200_000_000L), q.sizeBytes());
        assertEquals(Set.of("completion", "tools"), q.capabilities());
        assertEquals(OptionalInt.of(40960), q.contextLength(), "the model's maximum, not the 8192 it is loaded with");
        assertTrue(q.loaded());
        assertFalse(q.remote());
        assertTrue(models.get("nomic-embed-text:latest").cannotComplete());
        assertTrue(models.get("gpt-oss:120b-cloud").remote(), "a -cloud tag is a cloud model");
        assertEquals(1, sim.requests("/api/tags").size());
        assertEquals(List.of("gpt-oss:120b-cloud", "nomic-embed-text:latest", "qwen3:32b"),
                sim.requests("/api/show").stream().map(r -> r.model()).sorted().toList(), "one /api/show per model");
    }

    @Test
    void aModelListedWithRemoteHostIsRemoteWhateverItsName() {
        assertTrue(OllamaModelCatalog.remote("gpt-oss:20b", Map.of("remote_host", "https://ollama.com:443")));
        assertFalse(OllamaModelCatalog.remote("qwen3:8b", Map.of()));
        assertTrue(OllamaModelCatalog.remote("qwen3-coder:480b-cloud", Map.of()));
    }
}
