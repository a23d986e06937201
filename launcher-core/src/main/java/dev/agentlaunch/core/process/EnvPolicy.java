package dev.agentlaunch.core.process;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.core.output.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * DESIGN.md's "explicit > ambient > derived". A tier variable whose model the user chose (a
 * flag, a selected profile) replaces the user's own variable; a derived one (fallback,
 * {@code --model} spread, config default) yields to it. Variables that are not tier variables
 * (endpoint, auth, switches the launch depends on) are always set. Every replacement and every
 * kept variable is reported in one line; only the child's environment changes.
 */
public final class EnvPolicy {

    public List<EnvEntry> apply(Map<String, String> ambient, Map<String, String> launchEnv,
                                Map<String, Tier> tierVariables, TierPlan plan, Consumer<String> notes) {
        List<EnvEntry> entries = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(launchEnv).entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            String mine = ambient.get(name);
            Tier tier = tierVariables.get(name);
            if (mine == null || mine.equals(value)) {
                entries.add(new EnvEntry(name, value, EnvEntry.Action.SET, mine, null));
            } else if (tier != null && !plan.source(tier).isExplicit()) {
                entries.add(new EnvEntry(name, mine, EnvEntry.Action.KEPT, mine, value));
                notes.accept("keeping your " + name + "=" + Secrets.display(name, mine) + " (the " + tier.id()
                        + " tier's " + value + " was only derived: " + plan.source(tier).label() + "); pass "
                        + tier.flag() + " to replace it for this session");
            } else {
                entries.add(new EnvEntry(name, value, EnvEntry.Action.REPLACED, mine, null));
                String why = tier != null ? "from " + plan.source(tier).label() : "the launch needs it";
                notes.accept("replacing your " + name + "=" + Secrets.display(name, mine) + " with "
                        + (value.isEmpty() ? "an empty value" : value)
                        + " for this session (" + why + ")");
            }
        }
        return entries;
    }
}
