package dev.agentlaunch.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.auto.ModelCandidate;
import dev.agentlaunch.core.output.Reporter;
import dev.agentlaunch.core.output.Terminal;
import dev.agentlaunch.core.picker.ModelPicker;
import dev.agentlaunch.core.plugins.IntegrationRegistry;
import dev.agentlaunch.core.server.CheckRequirements;
import dev.agentlaunch.core.server.MemoryBudget;
import dev.agentlaunch.core.server.ServerAddress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the picker is asked and what its answers become, with a scripted picker in place of the terminal one. */
class PickerFlowTest {
    private static final ServerAddress SERVER = ServerAddress.of("http://127.0.0.1:11434", "default");
    private static final List<ModelCandidate> MODELS = List.of(
            model("qwen3:4b", 4, 2_600_000_000L, true, true),
            model("qwen3:32b", 32, 20_200_000_000L, true, false),
            model("gemma3:27b", 27, 17_400_000_000L, false, false),
            model("qwen3:14b", 14, 9_300_000_000L, true, false));

    static ModelCandidate model(String name, long billions, long bytes, boolean tools, boolean loaded) {
        return new ModelCandidate(name, OptionalLong.of(billions * 1_000_000_000L), OptionalLong.of(bytes),
                tools ? Set.of("completion", "tools") : Set.of("completion"), OptionalInt.of(40960), false, loaded);
    }

    /** Answers with fixed lines (or cancels) and keeps what it was asked. */
    static final class Scripted implements ModelPicker {
        final List<Question> asked = new ArrayList<>();
        final Optional<List<Integer>> answer;

        Scripted(Optional<List<Integer>> answer) {
            this.answer = answer;
        }

        @Override
        public Optional<List<Integer>> choose(String title, List<Question> questions) {
            asked.addAll(questions);
            return answer;
        }
    }

    private final StringWriter err = new StringWriter();

    private PickerFlow flow(ModelPicker picker) {
        CliContext context = new CliContext(Map.of(), Optional.empty(), new IntegrationRegistry(List.of(), List.of(), List.of()),
                new PrintWriter(new StringWriter()), new Reporter(new PrintWriter(err, true), false, false), List.of(), 0, null,
                Terminal.scripted(true, List.of()));
        return new PickerFlow(context, picker);
    }

    private static Map<Tier, String> pick(PickerFlow flow) {
        return flow.pick(new FakeIntegration(), () -> MODELS, "pull one, e.g. 'ollama pull qwen3:8b'", CheckRequirements.of(new FakeIntegration(), OptionalLong.empty()),
                Optional.of(new MemoryBudget(40_000_000_000L, "--memory")), SERVER);
    }

    @Test
    void oneListPerTierBiggestFirstWithTheCursorWhereAutoWouldPut() {
        Scripted picker = new Scripted(Optional.of(List.of(3, 1, 0)));
        Map<Tier, String> picked = pick(flow(picker));
        assertEquals(Map.of(Tier.LARGE, "qwen3:4b", Tier.MEDIUM, "gemma3:27b", Tier.SMALL, "qwen3:32b"), picked);
        assertEquals(3, picker.asked.size());
        ModelPicker.Question large = picker.asked.get(0);
        assertEquals("large tier: large work", large.heading());
        assertEquals(List.of("qwen3:32b", "gemma3:27b", "qwen3:14b", "qwen3:4b"), large.values());
        assertEquals("  MODEL      PARAMS      SIZE TOOLS  CONTEXT  MEMORY", large.columns());
        assertEquals("  qwen3:32b     32B   20.2 GB yes        40k  fits", large.lines().get(0));
        assertEquals("  gemma3:27b    27B   17.4 GB no         40k  fits", large.lines().get(1));
        assertEquals("* qwen3:4b       4B    2.6 GB yes        40k  fits", large.lines().get(3));
        assertEquals(List.of(0, 2, 3), picker.asked.stream().map(ModelPicker.Question::preselected).toList(),
                "--auto's choice: 32B, 14B (fits beside them in 40 GB), 4B");
    }

    @Test
    void cancellingIsExit130AndNothingElse() {
        LauncherException e = assertThrows(LauncherException.class, () -> pick(flow(new Scripted(Optional.empty()))));
        assertEquals(130, e.exitCode());
        assertEquals("cancelled in the model picker: nothing was launched", e.getMessage());
        assertTrue(err.toString().isEmpty(), err.toString());
    }
}
