package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import dev.agentlaunch.core.sim.SimModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code launch claude --auto --dry-run} through the assembled {@code bin/launch} against the
 * simulator serving five models of different sizes and capabilities: the plan names each tier's
 * model with source {@code auto} and why, and the models passed over with the reason.
 */
class AutoTiersIT {
    @TempDir
    Path tmp;

    private OllamaSimulator sim;
    private Launcher launcher;

    @BeforeEach
    void start() throws Exception {
        sim = OllamaSimulator.start()
                .addModel(SimModel.named("llama3.3:70b").sizeBytes(42_500_000_000L).contextLength(131072))
                .addModel(SimModel.named("qwen3:32b").sizeBytes(20_200_000_000L).contextLength(40960))
                .addModel(SimModel.named("gemma3:27b").sizeBytes(17_400_000_000L).contextLength(131072)
                        .capabilities("completion", "vision"))
                .addModel(SimModel.named("qwen3:14b").sizeBytes(9_300_000_000L).contextLength(40960))
                .addModel(SimModel.named("qwen3:4b").sizeBytes(2_600_000_000L).contextLength(40960));
        launcher = new Launcher(tmp, false).env("OLLAMA_HOST", sim.url());
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void fiveModelsGiveBiggestThatFitsMiddleAndSmallest() throws Exception {
        Launcher.Result r = launcher.run("claude", "--auto", "--memory", "40GB", "--dry-run");
        assertEquals(0, r.exitCode(), r.toString());
        String out = r.stdout();
        assertTrue(out.matches("(?s).*\n  large   qwen3:32b  auto  +main conversation.*"), out);
        assertTrue(out.matches("(?s).*\n  medium  qwen3:14b  auto  .*"), out);
        assertTrue(out.matches("(?s).*\n  small   qwen3:4b   auto  .*"), out);
        assertTrue(out.contains("auto         memory 40 GB (--memory)\n"
                + "  large qwen3:32b: the biggest (32B) that fits alone in 40 GB\n"
                + "  medium qwen3:14b: between large and small, nearest their middle (14B); the three need 32.1 GB of 40 GB\n"
                + "  small qwen3:4b: the smallest (4B)\n"
                + "  skipped gemma3:27b (no tool calling), llama3.3:70b (needs 42.5 GB, over the 40 GB memory)\n"), out);
        assertTrue(out.contains("ANTHROPIC_DEFAULT_OPUS_MODEL   = qwen3:32b"), out);
        assertTrue(out.contains("ANTHROPIC_DEFAULT_HAIKU_MODEL  = qwen3:4b"), out);
        // Every model was described: the five for the choice, the chosen ones again by the usual checks.
        List<String> shown = sim.requests("/api/show").stream().map(RecordedRequest::model).toList();
        assertTrue(shown.containsAll(List.of("llama3.3:70b", "qwen3:32b", "gemma3:27b", "qwen3:14b", "qwen3:4b")), shown.toString());
    }

    @Test
    void jsonAndCloudModelsOnlyWhenAskedFor() throws Exception {
        sim.addModel(SimModel.named("gpt-oss:120b-cloud").parameterSize("116.8B").sizeBytes(384).contextLength(131072));
        Launcher.Result local = launcher.run("claude", "--auto", "--memory", "40GB", "--dry-run", "--json");
        assertEquals(0, local.exitCode(), local.toString());
        JsonNode root = new ObjectMapper().readTree(local.stdout());
        assertEquals("qwen3:32b", root.path("tiers").path("large").path("model").asText());
        assertEquals("auto", root.path("tiers").path("large").path("source").asText());
        assertTrue(root.path("auto").path("skipped").toString().contains("\"gpt-oss:120b-cloud\""), root.toString());

        Launcher.Result cloud = launcher.run("claude", "--auto=cloud", "--memory", "40GB", "--dry-run", "--json");
        assertEquals(0, cloud.exitCode(), cloud.toString());
        JsonNode tiers = new ObjectMapper().readTree(cloud.stdout()).path("tiers");
        assertEquals("gpt-oss:120b-cloud", tiers.path("large").path("model").asText());
        assertEquals("the biggest (117B) that fits alone in 40 GB", tiers.path("large").path("why").asText());
    }

    @Test
    void aLaunchThatOpensNoPickerLoadsNeitherThePickerNorJLine() throws Exception {
        Path classes = tmp.resolve("classes.log");
        Launcher.Result r = launcher.env("AGENT_LAUNCH_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto "
                + "-Xlog:class+load=info:file=" + classes).run("claude", "--model", "qwen3:4b", "--dry-run", "--offline");
        assertEquals(0, r.exitCode(), r.toString());
        List<String> loaded = java.nio.file.Files.readAllLines(classes);
        assertTrue(loaded.stream().anyMatch(l -> l.contains("dev.agentlaunch.core.cli.IntegrationCommand ")), "the log lists classes");
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains("org.jline") || l.contains("dev.agentlaunch.picker")
                || l.contains("PickerLoader") || l.contains("PickerFlow") || l.contains("AutoSelector")).toList());
    }

    @Test
    void noToolCapableModelIsExit3InOneLine() throws Exception {
        for (String m : List.of("llama3.3:70b", "qwen3:32b", "qwen3:14b", "qwen3:4b")) {
            sim.removeModel(m);
        }
        Launcher.Result r = launcher.run("claude", "--auto", "--dry-run");
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals(List.of("launch: error: no tool-capable model on the model server at " + sim.url() + " for the large tier "
                + "(gemma3:27b: no tool calling); pull one, e.g. 'ollama pull qwen3:8b'"), r.stderrLines());
    }
}
