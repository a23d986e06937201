package dev.agentlaunch.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.SimModel;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code launch fake --auto ...} as a user meets it, in process, against the simulator with six models. */
class AutoCommandTest {
    @TempDir
    Path home;

    private OllamaSimulator sim;
    private InProcessLauncher launcher;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() throws Exception {
        sim = OllamaSimulator.start()
                .addModel(SimModel.named("qwen3:32b").sizeBytes(20_200_000_000L).contextLength(40960))
                .addModel(SimModel.named("qwen3:14b").sizeBytes(9_300_000_000L).contextLength(40960))
                .addModel(SimModel.named("qwen3:4b").sizeBytes(2_600_000_000L).contextLength(40960))
                .addModel(SimModel.named("gemma3:27b").sizeBytes(17_400_000_000L).contextLength(131072)
                        .capabilities("completion", "vision"))
                .addModel(SimModel.named("llama3.2:3b").sizeBytes(2_000_000_000L).contextLength(8192))
                .addModel(SimModel.named("nomic-embed-text").parameterSize("137M").sizeBytes(274_000_000L).contextLength(2048)
                        .capabilities("embedding"));
        launcher = new InProcessLauncher(home);
        out = launcher.out;
        err = launcher.err;
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private int run(String... args) {
        return launcher.run(args);
    }

    @Test
    void dryRunShowsEachAutoTierWithWhyAndWhatWasSkipped() {
        int code = run("fake", "--host", sim.url(), "--auto", "--memory", "48GB", "--dry-run");
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("  large   qwen3:32b  auto               large work\n"), text);
        assertTrue(text.contains("  medium  qwen3:14b  auto               medium work\n"), text);
        assertTrue(text.contains("  small   qwen3:4b   auto               small work\n"), text);
        assertTrue(text.contains("auto         memory 48 GB (--memory)\n"
                + "  large qwen3:32b: the biggest (32B) that fits alone in 48 GB\n"
                + "  medium qwen3:14b: between large and small, nearest their middle (14B); the three need 32.1 GB of 48 GB\n"
                + "  small qwen3:4b: the smallest (4B)\n"
                + "  skipped gemma3:27b (no tool calling), llama3.2:3b (context 8192 < 16384), "
                + "nomic-embed-text:latest (embedding only)\n"), text);
        assertTrue(text.contains("\nchecks       ok ("), "the chosen models went through the usual checks: " + text);
    }

    @Test
    void jsonMarksAutoTiersAndSaysWhy() throws Exception {
        int code = run("fake", "--host", sim.url(), "--auto", "--memory", "24GB", "--dry-run", "--json");
        assertEquals(0, code, err.toString());
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals("auto", root.path("tiers").path("large").path("source").asText());
        assertEquals("qwen3:32b", root.path("tiers").path("medium").path("model").asText());
        assertEquals("no model between large and small fits beside them in 24 GB: the large tier's model",
                root.path("tiers").path("medium").path("why").asText());
        assertEquals(24_000_000_000L, root.path("auto").path("memoryBudget").path("bytes").asLong());
        assertEquals("gemma3:27b", root.path("auto").path("skipped").get(0).path("model").asText());
        assertEquals("no tool calling", root.path("auto").path("skipped").get(0).path("why").asText());
    }

    @Test
    void aTierFlagAndAProfileWinForTheirTiers() throws Exception {
        Path config = Files.writeString(home.resolve("config.json"), "{\"profiles\": {\"p\": {\"small\": \"llama3.2:3b\"}}}");
        int code = run("fake", "--host", sim.url(), "--auto", "--config", config.toString(), "--profile", "p",
                "--large", "qwen3:14b", "--memory", "48GB", "--dry-run", "--json");
        assertEquals(0, code, err.toString());
        JsonNode tiers = new ObjectMapper().readTree(out.toString()).path("tiers");
        assertEquals("qwen3:14b", tiers.path("large").path("model").asText());
        assertEquals("--large", tiers.path("large").path("source").asText());
        assertEquals("llama3.2:3b", tiers.path("small").path("model").asText());
        assertEquals("profile p", tiers.path("small").path("source").asText());
        assertEquals("qwen3:4b", tiers.path("medium").path("model").asText(), "between 14B and 3B, fitting beside them");
        assertEquals("auto", tiers.path("medium").path("source").asText());
    }

    @Test
    void profileSaveAutoSavesWhatWasChosen() throws Exception {
        Path config = home.resolve("config.json");
        int code = run("profile", "save", "coding", "--auto", "--host", sim.url(), "--memory", "48GB", "--small", "qwen3:14b",
                "--config", config.toString());
        assertEquals(0, code, err.toString());
        JsonNode profile = new ObjectMapper().readTree(Files.readString(config)).path("profiles").path("coding");
        assertEquals("qwen3:32b", profile.path("large").asText());
        assertEquals("qwen3:32b", profile.path("medium").asText(), "nothing between 32B and the named 14B");
        assertEquals("qwen3:14b", profile.path("small").asText(), "the named tier is kept");
        assertTrue(err.toString().contains("launch: --auto: large qwen3:32b: the biggest (32B) that fits alone in 48 GB\n"),
                err.toString());
    }

    @Test
    void autoWithOfflineOrModelIsBadUsage() {
        assertEquals(2, run("fake", "--auto", "--offline", "--dry-run"));
        assertTrue(err.toString().contains("--auto chooses from the server's models, which --offline never asks"), err.toString());
        assertEquals(2, run("fake", "--auto", "--model", "qwen3:4b", "--dry-run"));
        assertTrue(err.toString().contains("--auto and --model both fill every tier you do not name"), err.toString());
        assertEquals(2, run("fake", "--auto=everything", "--host", sim.url(), "--dry-run"));
        assertTrue(err.toString().contains("--auto takes no value or 'cloud'"), err.toString());
        assertTrue(sim.requests().isEmpty(), "nothing asked of the server: " + sim.requests());
    }

    @Test
    void noCandidateIsExit3InOneLine() {
        sim.removeModel("qwen3:32b").removeModel("qwen3:14b").removeModel("qwen3:4b").removeModel("llama3.2:3b");
        int code = run("fake", "--host", sim.url(), "--auto", "--dry-run");
        assertEquals(3, code);
        assertEquals("launch: error: no tool-capable model on the model server at " + sim.url() + " for the large tier "
                + "(gemma3:27b: no tool calling, nomic-embed-text:latest: embedding only); pull one, e.g. 'ollama pull qwen3:8b'\n",
                err.toString());
    }

    @Test
    void withoutAnyModelAndWithoutATerminalTheErrorMentionsAuto() {
        int code = run("fake", "--host", sim.url(), "--dry-run");
        assertEquals(2, code);
        assertTrue(err.toString().contains("or --auto to choose from the server's models"), err.toString());
        assertTrue(sim.requests().isEmpty(), "no picker, no server: " + sim.requests());
    }
}
