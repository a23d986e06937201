package dev.agentlaunch.core.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.server.ByteSize;
import dev.agentlaunch.core.server.MemoryBudget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code --auto} rule as a table: a server's model list and a request in, the plan (or the one
 * line of a refusal) out. Every row also runs with the list reversed and rotated: the server's
 * listing order never changes the plan.
 */
class AutoSelectorTest {
    private static final String TOOLS = "completion,tools";
    private static final String WHERE = "the model server at http://127.0.0.1:11434";

    /** A model: name, parameters ({@code 32B}, or null), size ({@code 20.2GB}, or null), capabilities, context (0: unknown). */
    static ModelCandidate m(String name, String params, String size, String caps, int context) {
        return new ModelCandidate(name, params == null ? OptionalLong.empty() : ModelCandidate.parseCount(params),
                size == null ? OptionalLong.empty() : OptionalLong.of(ByteSize.parse(size, "size")),
                caps.isEmpty() ? Set.of() : Set.of(caps.split(",")), context == 0 ? OptionalInt.empty() : OptionalInt.of(context),
                name.endsWith("-cloud"), false);
    }

    static final ModelCandidate Q32 = m("qwen3:32b", "32.8B", "20.2GB", TOOLS, 40960);
    static final ModelCandidate Q14 = m("qwen3:14b", "14.8B", "9.3GB", TOOLS, 40960);
    static final ModelCandidate Q8 = m("qwen3:8b", "8.2B", "5.2GB", TOOLS, 40960);
    static final ModelCandidate Q4 = m("qwen3:4b", "4.0B", "2.6GB", TOOLS, 40960);
    static final ModelCandidate EMBED = m("nomic-embed-text:latest", "137M", "274MB", "embedding", 2048);
    static final ModelCandidate GEMMA = m("gemma3:27b", "27.4B", "17.4GB", "completion,vision", 131072);
    static final ModelCandidate LLAMA_SHORT = m("llama3.2:3b", "3.2B", "2.0GB", TOOLS, 8192);
    static final ModelCandidate CLOUD = m("gpt-oss:120b-cloud", "116.8B", "384B", TOOLS, 131072);
    static final ModelCandidate BIG = m("llama3.3:70b", "70.6B", "42.5GB", TOOLS, 131072);

    /** A model as a vLLM or SGLang server lists it: a name, the context it serves (max_model_len), loaded, nothing else. */
    static ModelCandidate served(String name, int maxModelLen) {
        return new ModelCandidate(name, ModelCandidate.countInName(name), OptionalLong.empty(), Set.of(),
                OptionalInt.of(maxModelLen), false, true);
    }

    static final List<ModelCandidate> VLLM = List.of(served("Qwen/Qwen3-32B", 40960), served("Qwen/Qwen3-14B", 40960),
            served("Qwen/Qwen3-4B", 40960), served("meta-llama/Llama-3.2-1B-Instruct", 8192));

    /** The request: tiers named, tools needed on these tiers, minimum context, budget, cloud. */
    record Ask(Map<Tier, String> fixed, Set<Tier> toolTiers, int minContext, String budget, boolean cloud) {
        static Ask claude(String budget) {
            return new Ask(Map.of(), EnumSet.allOf(Tier.class), 32768, budget, false);
        }

        Ask withCloud() {
            return new Ask(fixed, toolTiers, minContext, budget, true);
        }

        Ask fixed(Tier tier, String model) {
            Map<Tier, String> f = new EnumMap<>(Tier.class);
            f.putAll(fixed);
            f.put(tier, model);
            return new Ask(f, toolTiers, minContext, budget, cloud);
        }

        Ask toolsOn(Tier... tiers) {
            return new Ask(fixed, tiers.length == 0 ? Set.of() : EnumSet.of(tiers[0], tiers), minContext, budget, cloud);
        }

        AutoRequest request() {
            return new AutoRequest(fixed, "Claude Code", toolTiers, minContext,
                    budget == null ? Optional.empty() : Optional.of(new MemoryBudget(ByteSize.parse(budget, "budget"), "--memory")),
                    cloud, WHERE, "pull one, e.g. 'ollama pull qwen3:8b'");
        }
    }

    /** One row: what the server has, what was asked, the plan "large medium small" ({@code -} for a named tier), the skipped models. */
    record Row(String why, List<ModelCandidate> models, Ask ask, String plan, String skipped) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<Row> table() {
        return Stream.of(
                new Row("five models, room for three: biggest, nearest the middle (about 11B: 14B beats 8B), smallest; the embedder skipped",
                        List.of(Q32, Q14, Q8, Q4, EMBED), Ask.claude("48GB"),
                        "qwen3:32b qwen3:14b qwen3:4b", "nomic-embed-text:latest (embedding only)"),
                new Row("no room beside large and small for any middle model: medium shares the large model",
                        List.of(Q32, Q14, Q8, Q4), Ask.claude("24GB"), "qwen3:32b qwen3:32b qwen3:4b", ""),
                new Row("the biggest does not fit alone: the next one is large",
                        List.of(Q32, Q14, Q8, Q4), Ask.claude("16GB"), "qwen3:14b qwen3:14b qwen3:4b",
                        "qwen3:32b (needs 20.2 GB, over the 16 GB memory)"),
                new Row("room for large and small and 8B but not 14B beside them: the middle that fits",
                        List.of(Q32, Q14, Q8, Q4), Ask.claude("30GB"), "qwen3:32b qwen3:8b qwen3:4b", ""),
                new Row("memory unknown: nothing skipped for size, medium nearest the middle",
                        List.of(BIG, Q32, Q14, Q8, Q4), Ask.claude(null), "llama3.3:70b qwen3:14b qwen3:4b", ""),
                new Row("a model without tool calling is never a tier model when every tier needs tools",
                        List.of(GEMMA, Q14, Q4), Ask.claude("64GB"), "qwen3:14b qwen3:14b qwen3:4b", "gemma3:27b (no tool calling)"),
                new Row("tools needed on large only: a model without them may be medium or small",
                        List.of(GEMMA, Q32, Q4), Ask.claude("64GB").toolsOn(Tier.LARGE), "qwen3:32b gemma3:27b qwen3:4b",
                        "gemma3:27b (no tool calling (large))"),
                new Row("a context under the tool's minimum is skipped",
                        List.of(Q14, Q8, LLAMA_SHORT), Ask.claude("64GB"), "qwen3:14b qwen3:14b qwen3:8b",
                        "llama3.2:3b (context 8192 < 32768)"),
                new Row("cloud models only when asked for",
                        List.of(CLOUD, Q14, Q4), Ask.claude("64GB"), "qwen3:14b qwen3:14b qwen3:4b",
                        "gpt-oss:120b-cloud (cloud model (--auto=cloud uses them))"),
                new Row("asked for: a cloud model needs no local memory, so it is large even on a small machine",
                        List.of(CLOUD, Q14, Q8, Q4), Ask.claude("16GB").withCloud(), "gpt-oss:120b-cloud qwen3:14b qwen3:4b", ""),
                new Row("one model: every tier",
                        List.of(Q8, EMBED), Ask.claude("64GB"), "qwen3:8b qwen3:8b qwen3:8b", "nomic-embed-text:latest (embedding only)"),
                new Row("equal parameter counts: the longer context wins",
                        List.of(m("qwen3:8b", "8B", "5.2GB", TOOLS, 40960), m("llama3.1:8b", "8B", "4.9GB", TOOLS, 131072)),
                        Ask.claude("64GB"), "llama3.1:8b llama3.1:8b llama3.1:8b", ""),
                new Row("equal parameters and context: the smaller download, then the name",
                        List.of(m("b-model:7b", "7B", "4.1GB", TOOLS, 32768), m("a-model:7b", "7B", "4.1GB", TOOLS, 32768),
                                m("c-model:7b", "7B", "3.9GB", TOOLS, 32768)),
                        Ask.claude("64GB"), "c-model:7b c-model:7b c-model:7b", ""),
                new Row("a server that reports no capabilities (an old Ollama): nothing skipped for tools",
                        List.of(m("old:13b", "13B", "7.4GB", "", 0), m("old:7b", "7B", "3.8GB", "", 0)), Ask.claude("64GB"),
                        "old:13b old:13b old:7b", ""),
                new Row("the large tier named: medium and small chosen to fit beside it",
                        List.of(BIG, Q32, Q14, Q8, Q4), Ask.claude("30GB").fixed(Tier.LARGE, "qwen3:32b"), "- qwen3:8b qwen3:4b",
                        "llama3.3:70b (needs 42.5 GB, over the 30 GB memory)"),
                new Row("the small tier named: large is the biggest, medium between them",
                        List.of(Q32, Q14, Q8, Q4), Ask.claude("64GB").fixed(Tier.SMALL, "qwen3:8b"), "qwen3:32b qwen3:14b -", ""),
                new Row("no parameter counts anywhere: size decides",
                        List.of(m("x-large", null, "20GB", TOOLS, 65536), m("x-mid", null, "8GB", TOOLS, 65536),
                                m("x-small", null, "2GB", TOOLS, 65536)), Ask.claude("64GB"), "x-large x-mid x-small", ""),
                new Row("a vLLM listing (names and max_model_len only): counts from the names, sizes unknown so nothing is "
                        + "skipped for memory, not even on a small budget", VLLM, Ask.claude("8GB"),
                        "Qwen/Qwen3-32B Qwen/Qwen3-14B Qwen/Qwen3-4B", "meta-llama/Llama-3.2-1B-Instruct (context 8192 < 32768)"),
                new Row("a vLLM listing, memory unknown (a remote cluster): the same plan",
                        VLLM, Ask.claude(null), "Qwen/Qwen3-32B Qwen/Qwen3-14B Qwen/Qwen3-4B",
                        "meta-llama/Llama-3.2-1B-Instruct (context 8192 < 32768)"),
                new Row("a vLLM listing with one name that states no count: skipped, the counted ones decide",
                        List.of(served("Qwen/Qwen3-32B", 40960), served("my-finetune", 65536), served("Qwen/Qwen3-4B", 40960)),
                        Ask.claude(null), "Qwen/Qwen3-32B Qwen/Qwen3-32B Qwen/Qwen3-4B", "my-finetune (parameter count unknown)"),
                new Row("a gateway's names with no count, size or capabilities: the names decide, the first by name on every tier",
                        List.of(served("fast", 131072), served("coder", 131072)), Ask.claude("64GB"), "coder coder coder", ""),
                new Row("one model without a parameter count among counted ones is skipped",
                        List.of(Q14, Q4, m("mystery", null, "6GB", TOOLS, 65536)), Ask.claude("64GB"), "qwen3:14b qwen3:14b qwen3:4b",
                        "mystery (parameter count unknown)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void theRule(Row row) {
        for (List<ModelCandidate> order : orders(row.models())) {
            AutoChoice choice = new AutoSelector().select(order, row.ask().request());
            String plan = Stream.of(Tier.values()).map(t -> choice.picks().containsKey(t) ? choice.picks().get(t).model() : "-")
                    .collect(Collectors.joining(" "));
            assertEquals(row.plan(), plan, row.why() + ", listed as " + order.stream().map(ModelCandidate::name).toList());
            assertEquals(row.skipped(), choice.skipped().stream().map(s -> s.model() + " (" + s.why() + ")")
                    .collect(Collectors.joining(", ")), row.why());
            choice.picks().values().forEach(p -> assertTrue(!p.why().isBlank(), "every pick says why"));
        }
    }

    @Test
    void eachPickSaysWhyInAFewWords() {
        AutoChoice choice = new AutoSelector().select(List.of(Q32, Q14, Q8, Q4), Ask.claude("48GB").request());
        assertEquals("the biggest (33B) that fits alone in 48 GB", choice.picks().get(Tier.LARGE).why());
        assertEquals("between large and small, nearest their middle (15B); the three need 32.1 GB of 48 GB",
                choice.picks().get(Tier.MEDIUM).why());
        assertEquals("the smallest (4B)", choice.picks().get(Tier.SMALL).why());
    }

    @Test
    void unknownSizesAreSaidToBeUnknownNeverCountedAsZero() {
        // A gateway (LiteLLM) tells neither sizes nor what is loaded behind it.
        List<ModelCandidate> gateway = VLLM.stream().map(m -> new ModelCandidate(m.name(), m.parameters(), m.sizeBytes(),
                m.capabilities(), m.contextLength(), false, false)).toList();
        AutoChoice choice = new AutoSelector().select(gateway, Ask.claude("48GB").request());
        assertEquals("the biggest (32B); memory fit unknown (size not told)", choice.picks().get(Tier.LARGE).why());
        assertEquals("between large and small, nearest their middle (14B); memory fit unknown (the server does not tell every size)",
                choice.picks().get(Tier.MEDIUM).why());
        assertEquals("the smallest (4B)", choice.picks().get(Tier.SMALL).why());
    }

    @Test
    void aServerThatHasEveryModelLoadedNeedsNoSizesToFit() {
        AutoChoice choice = new AutoSelector().select(VLLM, Ask.claude("48GB").request());
        assertEquals("the biggest (32B); size not told, but the server has it loaded", choice.picks().get(Tier.LARGE).why());
        assertEquals("between large and small, nearest their middle (14B); sizes not told, but the server has the three loaded",
                choice.picks().get(Tier.MEDIUM).why());
    }

    @Test
    void aServerThatCannotPullIsToldWhatWouldHelpThere() {
        AutoRequest request = new AutoRequest(Map.of(), "Claude Code", EnumSet.allOf(Tier.class), 65536, Optional.empty(), false,
                "the model server at http://gpu-box:8000", "serve one, e.g. 'vllm serve Qwen/Qwen3-8B'");
        LauncherException e = assertThrows(LauncherException.class, () -> new AutoSelector().select(VLLM, request));
        assertEquals(ExitCode.NOT_READY, e.exitCode());
        assertEquals("no model on the model server at http://gpu-box:8000 suits Claude Code's large tier (Qwen/Qwen3-14B: "
                + "context 40960 < 65536, Qwen/Qwen3-32B: context 40960 < 65536, Qwen/Qwen3-4B: context 40960 < 65536, "
                + "meta-llama/Llama-3.2-1B-Instruct: context 8192 < 65536); serve one, e.g. 'vllm serve Qwen/Qwen3-8B'",
                e.getMessage());
    }

    static Stream<Row> refusals() {
        return Stream.of(
                new Row("no tool-capable model", List.of(GEMMA, EMBED), Ask.claude("64GB"), "",
                        "no tool-capable model on " + WHERE + " for the large tier (gemma3:27b: no tool calling, "
                                + "nomic-embed-text:latest: embedding only); pull one, e.g. 'ollama pull qwen3:8b'"),
                new Row("an empty server", List.of(), Ask.claude("64GB"), "",
                        WHERE + " has no models; pull one, e.g. 'ollama pull qwen3:8b', or name the tiers with --large, --medium and --small"),
                new Row("only a cloud model and one too big", List.of(CLOUD, BIG), Ask.claude("24GB"), "",
                        "no model on " + WHERE + " suits Claude Code's large tier (gpt-oss:120b-cloud: cloud model (--auto=cloud uses them), "
                                + "llama3.3:70b: needs 42.5 GB, over the 24 GB memory); pass --auto=cloud to use its cloud models, "
                                + "or pull one, e.g. 'ollama pull qwen3:8b'"),
                new Row("contexts too short", List.of(LLAMA_SHORT), Ask.claude("24GB"), "",
                        "no model on " + WHERE + " suits Claude Code's large tier (llama3.2:3b: context 8192 < 32768); "
                                + "pull one, e.g. 'ollama pull qwen3:8b'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void noCandidateIsExit3WithOneLineSayingWhy(Row row) {
        LauncherException e = assertThrows(LauncherException.class, () -> new AutoSelector().select(row.models(), row.ask().request()));
        assertEquals(ExitCode.NOT_READY, e.exitCode());
        assertEquals(row.skipped(), e.getMessage());
    }

    @Test
    void parameterCountsAsServersAndNamesWriteThem() {
        assertEquals(OptionalLong.of(4_000_000_000L), ModelCandidate.parseCount("4.0B"));
        assertEquals(OptionalLong.of(567_000_000L), ModelCandidate.parseCount("567M"));
        assertEquals(OptionalLong.empty(), ModelCandidate.parseCount("large"));
        assertEquals(OptionalLong.of(32_000_000_000L), ModelCandidate.countInName("qwen3:32b"));
        assertEquals(OptionalLong.of(30_000_000_000L), ModelCandidate.countInName("Qwen/Qwen3-30B-A3B-Instruct"));
        assertEquals(OptionalLong.of(56_000_000_000L), ModelCandidate.countInName("mixtral:8x7b"));
        assertEquals(OptionalLong.empty(), ModelCandidate.countInName("llama3.2:latest"));
        assertEquals("1.7B", ModelCandidate.count(1_720_000_000L));
        assertEquals("567M", ModelCandidate.count(567_000_000L));
    }

    /** The list as given, reversed, and rotated by one. */
    private static List<List<ModelCandidate>> orders(List<ModelCandidate> models) {
        List<ModelCandidate> reversed = new ArrayList<>(models);
        Collections.reverse(reversed);
        List<ModelCandidate> rotated = new ArrayList<>(models);
        Collections.rotate(rotated, 1);
        return List.of(models, reversed, rotated);
    }
}
