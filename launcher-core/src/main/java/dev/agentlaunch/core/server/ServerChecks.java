package dev.agentlaunch.core.server;

import dev.agentlaunch.api.ServedModel;
import dev.agentlaunch.api.ServerFacts;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.tiers.OllamaModelName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Asks the server about the tier models, all requests at once: {@code /api/version} (is it up),
 * {@code /api/tags} (sizes), {@code /api/ps} (served context of loaded models) and one
 * {@code /api/show} per distinct model (present, capabilities, maximum context), while the
 * memory probe runs beside them. Then judges tool calling, context length and memory fit.
 * Reads only: pulling is {@link LaunchChecks}' business.
 */
public final class ServerChecks {
    private final ServerTarget target;
    private final Supplier<Optional<MemoryBudget>> memoryProbe;
    private final LongSupplier nanoTime;

    /** Ollama through its own client. */
    public ServerChecks(OllamaClient client, Supplier<Optional<MemoryBudget>> memoryProbe, LongSupplier nanoTime) {
        this(ServerTarget.ollama(client, "default"), memoryProbe, nanoTime);
    }

    /** Any kind of server. */
    public ServerChecks(ServerTarget target, Supplier<Optional<MemoryBudget>> memoryProbe, LongSupplier nanoTime) {
        this.target = target;
        this.memoryProbe = memoryProbe;
        this.nanoTime = nanoTime;
    }

    public ServerTarget target() {
        return target;
    }

    /** Each distinct model of the plan with the tiers using it, largest tier first. */
    public static Map<String, List<Tier>> tiersByModel(TierPlan plan) {
        Map<String, List<Tier>> byModel = new LinkedHashMap<>();
        plan.assignments().forEach((tier, a) -> byModel.computeIfAbsent(a.model(), m -> new ArrayList<>()).add(tier));
        return byModel;
    }

    /**
     * @param models the distinct models and their tiers (empty: only the server and the memory)
     * @throws LauncherException exit 3 when the server is unreachable or answers nonsense
     */
    public ServerReport check(Map<String, List<Tier>> models, CheckRequirements req) {
        long start = nanoTime.getAsLong();
        ServerAddress address = target.address();
        String skipped = null;
        CompletableFuture<Optional<MemoryBudget>> memory;
        if (req.memory().isPresent()) {
            memory = CompletableFuture.completedFuture(Optional.of(new MemoryBudget(req.memory().getAsLong(), "--memory")));
        } else if (address.isLocal()) {
            memory = CompletableFuture.supplyAsync(memoryProbe);
            skipped = "this machine's memory is unknown; pass --memory SIZE to check the fit";
        } else {
            memory = CompletableFuture.completedFuture(Optional.empty());
            skipped = "the server is remote and its memory unknown here; pass --memory SIZE to check the fit";
        }
        List<ModelStatus> statuses = new ArrayList<>();
        String serverVersion;
        List<String> listedNames;
        if (target.ollama() != null) {
            // Ollama: the original checks, as they were before server kinds (cloud models included).
            OllamaClient client = target.ollama();
            CompletableFuture<String> version = client.version();
            CompletableFuture<Map<String, ListedModel>> tags = client.tags();
            // /api/ps only refines the context check; an old server without it must not stop the launch.
            CompletableFuture<Map<String, Integer>> ps = client.ps().exceptionally(e -> Map.of());
            Map<String, CompletableFuture<ShowResult>> shows = new LinkedHashMap<>();
            models.keySet().forEach(m -> shows.put(m, client.show(m)));

            serverVersion = join(version);
            Map<String, ListedModel> listed = join(tags);
            Map<String, Integer> served = join(ps);
            for (Map.Entry<String, List<Tier>> e : models.entrySet()) {
                ShowResult show = join(shows.get(e.getKey()));
                Optional<OllamaModelName> name = OllamaModelName.parse(e.getKey()).name();
                boolean namedCloud = name.map(OllamaModelName::isCloud).orElse(false);
                String key = ModelNames.normalize(name.map(OllamaModelName::base).orElse(e.getKey()));   // qwen3:4b:local lists as qwen3:4b
                ListedModel entry = namedCloud ? null : listed.get(key);     // a :cloud name never means the installed model
                Integer ctx = namedCloud ? null : served.get(key);
                boolean cloud = namedCloud || show.remote() || (entry != null && entry.remote());
                statuses.add(new ModelStatus(e.getKey(), e.getValue(), show.found(),
                        show.found() && entry != null ? OptionalLong.of(entry.size()) : OptionalLong.empty(), show.contextLength(),
                        ctx == null ? OptionalInt.empty() : OptionalInt.of(ctx), show.capabilities(), cloud, show.signInNeeded(),
                        List.of()));
            }
            listedNames = List.copyOf(listed.keySet());
        } else {
            // Any other kind: through the seam.
            ServerFacts facts = join(target.inspect(new LinkedHashSet<>(models.keySet())));
            for (Map.Entry<String, List<Tier>> e : models.entrySet()) {
                ServedModel m = facts.models().getOrDefault(e.getKey(), ServedModel.notServed());
                statuses.add(new ModelStatus(e.getKey(), e.getValue(), m.served(), m.sizeBytes(), m.contextLength(),
                        m.servedContext(), m.capabilities()));
            }
            serverVersion = facts.version();
            listedNames = facts.listed();
        }
        boolean sized = statuses.stream().anyMatch(m -> m.present() && m.size().isPresent());
        MemoryFit fit = !sized && !statuses.isEmpty() && target.ollama() == null
                ? MemoryFit.of(statuses, Optional.empty(), "the " + target.kind().displayName()
                        + " server does not tell model sizes, so the fit is unknown")
                : MemoryFit.of(statuses, join(memory), skipped);
        List<String> warnings = new ArrayList<>();
        warnings.addAll(toolWarnings(statuses, req));
        warnings.addAll(contextWarnings(statuses, req, target.kind().kind()));
        fit.warning().ifPresent(warnings::add);
        Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
        return new ServerReport(address.url(), address.source(), serverVersion, statuses, fit, warnings, elapsed,
                target.kind().kind(), target.kind().displayName(), target.kindSource(), listedNames);
    }

    static List<String> toolWarnings(List<ModelStatus> statuses, CheckRequirements req) {
        List<String> warnings = new ArrayList<>();
        for (ModelStatus m : statuses) {
            List<Tier> needing = m.tiers().stream().filter(req.toolTiers()::contains).toList();
            if (m.present() && !needing.isEmpty() && m.capabilitiesKnown() && !m.supportsTools()) {
                ModelStatus shown = new ModelStatus(m.name(), needing, true, m.size(), m.contextLength(), m.servedContext(),
                        m.capabilities(), m.cloud(), false, m.yourVariables());
                warnings.add(m.name() + " (" + shown.tierWords() + ") does not support tool calling (capabilities: "
                        + String.join(", ", m.sortedCapabilities())
                        + "): " + req.toolName() + " drives its model through tool calls and would get prose or raw JSON "
                        + "back and do nothing; pick a model with 'tools' for that tier");
            }
        }
        return warnings;
    }

    static List<String> contextWarnings(List<ModelStatus> statuses, CheckRequirements req) {
        return contextWarnings(statuses, req, OllamaServer.KIND);
    }

    static List<String> contextWarnings(List<ModelStatus> statuses, CheckRequirements req, String kind) {
        List<String> warnings = new ArrayList<>();
        int need = req.minimumContext();
        if (need <= 0) {
            return warnings;
        }
        for (ModelStatus m : statuses) {
            if (!m.present()) {
                continue;
            }
            if (m.contextLength().isPresent() && m.contextLength().getAsInt() < need) {
                warnings.add(m.name() + " (" + m.tierWords() + ") has a context window of " + m.contextLength().getAsInt()
                        + " tokens but " + req.toolName() + " needs at least " + need + ": its prompts would be cut; "
                        + "pick a model with a larger context for that tier");
            } else if (m.servedContext().isPresent() && m.servedContext().getAsInt() < need) {
                warnings.add("the server runs " + m.name() + " (" + m.tierWords() + ") with a " + m.servedContext().getAsInt()
                        + "-token context but " + req.toolName() + " needs at least " + need + ": " + servedContextFix(kind, need));
            }
        }
        return warnings;
    }

    /** How to raise the served context on each kind (its documented flag). */
    static String servedContextFix(String kind, int need) {
        int n = servedFix(need);
        return switch (kind) {
            case "vllm" -> "restart vLLM with --max-model-len " + n;
            case "sglang" -> "restart SGLang with --context-length " + n;
            case "llamacpp" -> "restart llama-server with -c " + n + " (per slot: times --parallel)";
            case "lmstudio" -> "load the model with a context length of at least " + n + " (lms load MODEL --context-length " + n + ")";
            case "litellm" -> "raise the context of the server behind the gateway";
            case OllamaServer.KIND -> "restart it with OLLAMA_CONTEXT_LENGTH=" + n + " ollama serve, or set num_ctx in a Modelfile";
            default -> "restart the server with a context of at least " + n + " tokens";
        };
    }

    /** The next power of two at or above the need: the sizes Ollama's docs use. */
    static int servedFix(int need) {
        int fix = Integer.highestOneBit(need);
        return fix == need ? fix : fix << 1;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof LauncherException le) {
                throw le;
            }
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }
}
