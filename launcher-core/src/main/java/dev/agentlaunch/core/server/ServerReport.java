package dev.agentlaunch.core.server;

import dev.agentlaunch.api.ModelInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server checks found: the server's version, each distinct tier model, the memory fit,
 * and one warning line per problem (missing models are listed apart: the launch pulls or stops).
 *
 * @param url      the server's base URL
 * @param source   where the URL came from
 * @param version  what {@code /api/version} said
 * @param models   the distinct tier models, largest tier first
 * @param memory   the memory fit
 * @param warnings tool-calling, context and memory problems, one line each
 * @param elapsed  how long the checks took
 * @param kind       the server's kind ({@code ollama}, {@code vllm}, ...)
 * @param kindName   its human name
 * @param kindSource how the kind was found
 * @param listed     every model name the server lists
 */
public record ServerReport(String url, String source, String version, List<ModelStatus> models, MemoryFit memory,
                           List<String> warnings, Duration elapsed, String kind, String kindName, String kindSource,
                           List<String> listed) {
    public ServerReport {
        models = List.copyOf(models);
        warnings = List.copyOf(warnings);
        listed = List.copyOf(listed);
    }

    /** An Ollama report, as before server kinds. */
    public ServerReport(String url, String source, String version, List<ModelStatus> models, MemoryFit memory,
                        List<String> warnings, Duration elapsed) {
        this(url, source, version, models, memory, warnings, elapsed, OllamaServer.KIND, "Ollama", "default", List.of());
    }

    /** The same report with these model statuses (the checks label the ones the user's kept variables name). */
    public ServerReport withModels(List<ModelStatus> statuses) {
        return new ServerReport(url, source, version, statuses, memory, warnings, elapsed);
    }

    /** The tier models the server does not have. */
    public List<ModelStatus> missing() {
        return models.stream().filter(m -> !m.present()).toList();
    }

    /** What the server said about each present model, for {@code TierPlan.withModelInfo}. */
    public Map<String, ModelInfo> modelInfo() {
        Map<String, ModelInfo> info = new LinkedHashMap<>();
        models.stream().filter(ModelStatus::present).forEach(m -> info.put(m.name(), m.info()));
        return info;
    }

    /** True when nothing is missing and nothing warned. */
    public boolean allWell() {
        return missing().isEmpty() && warnings.isEmpty();
    }

    /** Plain maps and lists for JSON output (no Jackson types here: the text path never loads Jackson). */
    public Map<String, Object> toMap() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("url", url);
        root.put("source", source);
        root.put("version", version);
        root.put("kind", kind);
        root.put("kindSource", kindSource);
        List<Map<String, Object>> list = new ArrayList<>();
        for (ModelStatus m : models) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", m.name());
            row.put("tiers", m.tiers().stream().map(t -> t.id()).toList());
            row.put("present", m.present());
            row.put("sizeBytes", m.size().isPresent() ? m.size().getAsLong() : null);
            row.put("contextLength", m.contextLength().isPresent() ? m.contextLength().getAsInt() : null);
            row.put("servedContext", m.servedContext().isPresent() ? m.servedContext().getAsInt() : null);
            row.put("tools", m.present() && m.capabilitiesKnown() ? m.supportsTools() : null);
            row.put("capabilities", m.sortedCapabilities());
            row.put("cloud", m.cloud());
            if (m.signInNeeded()) {
                row.put("signInNeeded", true);
            }
            if (!m.yourVariables().isEmpty()) {
                row.put("yourVariables", m.yourVariables());
            }
            list.add(row);
        }
        root.put("models", list);
        Map<String, Object> mem = new LinkedHashMap<>();
        mem.put("totalBytes", memory.total());
        mem.put("budgetBytes", memory.budget().map(MemoryBudget::bytes).orElse(null));
        mem.put("budgetSource", memory.budget().map(MemoryBudget::source).orElse(null));
        mem.put("fits", memory.judged() ? memory.fits() : null);
        mem.put("skipped", memory.skipped());
        mem.put("cloudModels", memory.cloud());
        root.put("memory", mem);
        root.put("warnings", warnings);
        root.put("elapsedMillis", elapsed.toMillis());
        return root;
    }
}
