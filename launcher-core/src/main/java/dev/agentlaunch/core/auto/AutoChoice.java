package dev.agentlaunch.core.auto;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.server.ByteSize;
import dev.agentlaunch.core.server.MemoryBudget;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code --auto} chose and why: a model for each tier it filled, and the models it passed over
 * with the reason.
 *
 * @param picks   the filled tiers, largest first
 * @param skipped models not used, in name order, with why
 * @param budget  the memory budget the choice was made against, when known
 */
public record AutoChoice(Map<Tier, Pick> picks, List<Skip> skipped, Optional<MemoryBudget> budget) {
    /** One tier's model and, in a few words, why. */
    public record Pick(String model, String why) {
    }

    /** A model passed over and why ({@code no tool calling}, {@code context 8192 < 32768}, ...). */
    public record Skip(String model, String why) {
    }

    public AutoChoice {
        EnumMap<Tier, Pick> p = new EnumMap<>(Tier.class);
        p.putAll(picks);
        picks = Collections.unmodifiableMap(p);
        skipped = List.copyOf(skipped);
    }

    /** The chosen model of each filled tier. */
    public Map<Tier, String> models() {
        Map<Tier, String> m = new EnumMap<>(Tier.class);
        picks.forEach((tier, pick) -> m.put(tier, pick.model()));
        return m;
    }

    /** {@code 24 GB (--memory)} or {@code unknown}. */
    public String budgetWords() {
        return budget.map(b -> ByteSize.format(b.bytes()) + " (" + b.source() + ")").orElse("unknown");
    }

    /** For {@code --json}: the budget and the skipped models. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("memoryBudget", budget.map(b -> (Object) Map.of("bytes", b.bytes(), "source", b.source())).orElse(null));
        m.put("skipped", skipped.stream().map(s -> Map.of("model", s.model(), "why", s.why())).toList());
        return m;
    }
}
